import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AdoptResult, adoptOrg } from "../adopt/adoptOrg";
import { describeFirstUpChange } from "../adopt/firstUpChanges";
import { AdoptionError } from "../adopt/inferSetup";
import { connectionFromSettings, describeMissingCredentials, hasCredentials } from "../config/connection";
import { OktaApiError, OktaManagementClient } from "../orgSettings/managementClient";
import { oneLine } from "./args/oneLine";
import { parseFlags } from "./args/parseFlags";
import { CommandIo, processIo } from "./args/commandIo";
import { runCli } from "./args/runCli";
import { isStackName } from "./args/stackName";
import { CliError, UsageError } from "./args/usageError";

const HELP = `Usage: npm run adopt -- --org URL [--stack NAME] [--force] [--json]

Adopts a Direct Authentication setup made by hand (Okta's guide, in the Admin Console): reads the
org through the management API (GET requests only; nothing in the org changes), infers the
variants, apps, test user, catch-all and enrollment, and writes
  Pulumi.<stack>.yaml             the stack config that declares what the org holds
  Pulumi.<stack>.import.json      for \`pulumi import --file\`: every resource the program declares,
                                  with its type, name, parent and the org's id
It prints what the program cannot express (a rule with extra conditions, a second rule, ...), and
what the first \`pulumi up\` will change in place because the org has it otherwise than the stack
declares it (e.g. an app shown on the dashboard: hideWeb false → true). Nothing is replaced or deleted.

Then:  pulumi stack init <stack> && pulumi config set --secret okta:apiToken
       pulumi import --file Pulumi.<stack>.import.json --protect=false --generate-code=false
       pulumi preview --diff   # creates the org-settings records, updates only what adopt listed
       pulumi up
       pulumi preview --expect-no-changes

Credentials, as the Okta provider reads them from the environment: OKTA_API_TOKEN, or
OKTA_API_CLIENT_ID + OKTA_API_PRIVATE_KEY (+ OKTA_API_PRIVATE_KEY_ID) + OKTA_API_SCOPES with
okta.apps.read okta.policies.read okta.authenticators.read okta.groups.read okta.users.read
okta.authorizationServers.read. They are sent to --org only.

Options:
  --org URL       the org, e.g. https://dev-123456.okta.com (http only for 127.0.0.1)
  --stack NAME    stack name for the files (default adopted)
  --force         overwrite existing files
  --json          print one JSON document {stack, config, toCreate, notes, firstUpChanges, files}
  -h, --help      this text

Exit status: 0 when adopted, 1 when the org holds nothing to adopt or answered an error, 2 for usage errors.
`;

const FLAGS = {
  org: { type: "string" },
  stack: { type: "string" },
  force: { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export interface AdoptOptions {
  org: URL;
  stack: string;
  force: boolean;
  json: boolean;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** argv of `npm run adopt` → what to read and write, or "help"; a mistake is a UsageError. */
export function parseAdoptArgs(argv: readonly string[]): AdoptOptions | "help" {
  const values = parseFlags(argv, FLAGS);
  if (values.help) return "help";
  if (!values.org) throw new UsageError("--org URL is required, e.g. --org https://dev-123456.okta.com");
  let org: URL;
  try {
    org = new URL(values.org);
  } catch {
    throw new UsageError("--org must be a URL such as https://dev-123456.okta.com");
  }
  if (org.username || org.password) throw new UsageError("--org must not carry credentials; put them in OKTA_API_TOKEN");
  if (org.protocol !== "https:" && !(org.protocol === "http:" && LOOPBACK.has(org.hostname))) {
    throw new UsageError("--org must be https (plain http only for 127.0.0.1)");
  }
  const stack = values.stack ?? "adopted";
  if (!isStackName(stack)) throw new UsageError('--stack takes a stack name (letters, digits, "-", "_", "." and no ".."), e.g. dev');
  return { org, stack, force: Boolean(values.force), json: Boolean(values.json) };
}

/** `npm run adopt -- ...` in the current directory; resolves to the exit status. */
export function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  return runCli(
    "adopt",
    async () => {
      const options = parseAdoptArgs(argv);
      if (options === "help") {
        io.stdout(HELP);
        return 0;
      }
      const connection = connectionFromSettings({ "okta:httpProxy": options.org.origin }, io.env);
      if (!hasCredentials(connection)) throw new CliError(describeMissingCredentials());
      const files = { stack: `Pulumi.${options.stack}.yaml`, imports: `Pulumi.${options.stack}.import.json` };
      const existing = Object.values(files).filter((f) => existsSync(join(io.cwd, f)));
      if (existing.length > 0 && !options.force) {
        throw new CliError(`${existing.join(" and ")} already exist; pass --force to overwrite or pick another --stack`);
      }

      if (!options.json) io.stderr(`Reading ${options.org.origin} (GET requests only)...\n`);
      let result: AdoptResult;
      try {
        result = await adoptOrg(new OktaManagementClient(connection), options.org, options.stack);
      } catch (error) {
        if (!(error instanceof AdoptionError || error instanceof OktaApiError)) throw error;
        io.stderr(`adopt: ${oneLine(error.message)}\n`);
        return 1;
      }
      writeFileSync(join(io.cwd, files.stack), result.stackFile);
      writeFileSync(join(io.cwd, files.imports), `${JSON.stringify(result.importDocument, null, 2)}\n`);
      io.stdout(
        options.json
          ? `${JSON.stringify({ stack: result.stack, config: result.config, toCreate: result.toCreate, notes: result.notes, firstUpChanges: result.firstUpChanges, files })}\n`
          : renderText(result, files),
      );
      return 0;
    },
    io.stderr,
  );
}

function renderText(result: AdoptResult, files: { stack: string; imports: string }): string {
  const imported = result.importDocument.resources.filter((r) => r.id).length;
  const lines = [
    `Adopted into stack ${result.stack}:`,
    ...Object.entries(result.config).map(([key, value]) => `  ${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`),
    "",
    `${imported} resources to import; the first \`pulumi up\` creates ${result.toCreate.length}:`,
    ...result.toCreate.map((r) => `  + ${r}`),
    ...(result.notes.length > 0 || result.firstUpChanges.length > 0 ? ["", "Not expressed by the stack:"] : []),
    ...result.notes.map((n) => `  - ${n}`),
    ...(result.firstUpChanges.length > 0
      ? ["  Will change on the first `pulumi up` (in place; `pulumi preview --diff` shows it first):", ...result.firstUpChanges.map((c) => `    ~ ${describeFirstUpChange(c)}`)]
      : []),
    "",
    `Wrote ${files.stack} and ${files.imports}. Next:`,
    `  pulumi stack init ${result.stack} && pulumi config set --secret okta:apiToken`,
    `  pulumi import --file ${files.imports} --protect=false --generate-code=false`,
    "  pulumi preview --diff && pulumi up && pulumi preview --expect-no-changes",
  ];
  return `${lines.join("\n")}\n`;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
