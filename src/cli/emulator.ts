import { randomBytes } from "node:crypto";
import { OktaVerifyMode } from "../catalogue/oktaVerify";
import { DEFAULT_EDITION, EDITIONS, Edition, startOktaEmulator } from "../emulator";
import { editionOf } from "./args/edition";
import type { Org } from "../emulator/orgModel";
import { orgProblem } from "../emulator/orgSchema";
import { StateFileError, readStateFile, writeStateFile } from "../emulator/stateFile";
import { PASSWORD_REQUIREMENTS, unmetPasswordRequirements } from "../okta/passwords";
import { lockStateFile } from "../emulator/stateLock";
import { StateSaver } from "../emulator/stateSaver";
import { OktaApiError } from "../orgSettings/managementClient";
import { provisionSetup } from "../provision/provisionSetup";
import { evaluateStack } from "../evaluate/evaluateStack";
import { stackOutputsSchema } from "../smoke/stackOutputs";
import { emulatedIssuer, usesTotp } from "../start/offlineRun";
import { parseFlags } from "./args/parseFlags";
import { CommandIo, processIo, untilSignalled } from "./args/commandIo";
import { runCli } from "./args/runCli";
import { checkedStack } from "./args/stackName";
import { CliError, UsageError } from "./args/usageError";

const HELP = `Usage: npm run emulator -- [--port N] [--api-token T] [--state FILE] [--setup STACK] [--flexible-okta-verify] [--edition NAME] [--json]

Serves an Okta Identity Engine org on 127.0.0.1 until Ctrl-C (SIGINT) or SIGTERM: the Direct
Authentication endpoints and the management API, configured through that API as a real org is
(the Okta provider, pulumi, curl, the smoke check).

Options:
  --port N          127.0.0.1 port (default: one the OS picks)
  --api-token T     the SSWS token the management API accepts (default: a new random one)
  --state FILE      keep the org in FILE between runs: read at start when it exists, written after
                    every change and at exit (atomic; a corrupt file is an error, never a reset;
                    a failed save is said once on stderr and retried while serving; one
                    emulator per FILE: FILE.lock holds its pid)
  --setup STACK     start with the setup Pulumi.<STACK>.yaml declares, applied through the API
                    (ignored when --state already holds an org); the test user's password is
                    OKTA_SMOKE_PASSWORD when set, so the smoke check can sign in with it
                    (it must meet Okta's default password policy: 8 characters, a
                    lowercase and an uppercase letter, a number, no part of the login)
  --flexible-okta-verify
                    a fresh org with Flexible Okta Verify on: Okta Verify is okta_verify_push,
                    okta_verify_totp and okta_verify_fastpass, and okta_verify is refused where
                    Okta refuses it (authenticator writes, enrollment policies, sign-in rules)
  --edition NAME    the org's edition, whose per-minute and concurrency rate limits it enforces
                    (429 with Okta's body and X-Rate-Limit-* headers): ${EDITIONS.join(", ")}
                    (default ${DEFAULT_EDITION})
  --json            print one JSON line {"url","apiToken"} first on stdout, for scripts; with
                    --setup a second line {"stack","issuer","testUser","apps"} (client ids)
  -h, --help        this text

Exit status: 0 after a signal, 2 for usage, stack or state-file errors.
`;

/** The smoke check's own variable: the same value then signs the test user in. */
const PASSWORD_ENV = "OKTA_SMOKE_PASSWORD";
const PORT_MAX = 65535;

const FLAGS = {
  port: { type: "string" },
  "api-token": { type: "string" },
  state: { type: "string" },
  setup: { type: "string" },
  "flexible-okta-verify": { type: "boolean" },
  edition: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export interface EmulatorCommandOptions {
  port: number;
  apiToken: string;
  state?: string;
  setup?: string;
  oktaVerify: OktaVerifyMode;
  edition: Edition;
  json: boolean;
}

/** argv of `npm run emulator` → how to serve, or "help"; a mistake is a UsageError. */
export function parseEmulatorArgs(argv: readonly string[], projectDir: string, env: NodeJS.ProcessEnv = {}): EmulatorCommandOptions | "help" {
  const values = parseFlags(argv, FLAGS);
  if (values.help) return "help";
  const portText = values.port ?? "0";
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > PORT_MAX) {
    throw new UsageError(`--port must be a whole number from 0 to ${PORT_MAX}, e.g. --port 8080`);
  }
  const apiToken = values["api-token"] ?? `00${randomBytes(30).toString("base64url")}`;
  if (!/^[\x21-\x7e]{8,200}$/.test(apiToken)) throw new UsageError("--api-token must be 8 to 200 printable characters without spaces");
  const setup = values.setup === undefined ? undefined : checkedStack(values.setup, projectDir);
  const password = env[PASSWORD_ENV];
  const unmet = setup && password ? unmetPasswordRequirements(password) : [];
  if (unmet.length > 0) {
    throw new CliError(
      `${PASSWORD_ENV} does not meet Okta's password policy (it lacks ${unmet.join(", ")}). ${PASSWORD_REQUIREMENTS} ` +
        "Set one that does, or unset it for a generated password",
    );
  }
  const oktaVerify = values["flexible-okta-verify"] ? "flexible" : "classic";
  return { port, apiToken, state: values.state, setup, oktaVerify, edition: editionOf(values.edition), json: Boolean(values.json) };
}

/**
 * `npm run emulator -- ...`; serves until `stopped` resolves (SIGINT or SIGTERM), then resolves to
 * the exit status. `stopped` is asked for once the org serves.
 */
export function main(argv: readonly string[], io: CommandIo = processIo(), stopped: () => Promise<void> = untilSignalled): Promise<number> {
  return runCli(
    "emulator",
    async () => {
      const options = parseEmulatorArgs(argv, io.cwd, io.env);
      if (options === "help") {
        io.stdout(HELP);
        return 0;
      }
      try {
        await serve(options, io, stopped);
      } catch (error) {
        if (error instanceof StateFileError) throw new CliError(error.message);
        if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
          throw new CliError(`port ${options.port} on 127.0.0.1 is in use; pick another --port or omit it`);
        }
        throw error;
      }
      return 0;
    },
    io.stderr,
  );
}

/** What a script needs to drive the smoke check against the set-up org; nothing secret. */
interface SetupSummary {
  stack: string;
  issuer: string;
  testUser: string;
  apps: { name: string; clientId: string; variants: string[] }[];
}

function summaryOf(stack: string, outputs: Record<string, unknown>, issuer: (authServerId?: string) => string): SetupSummary {
  const parsed = stackOutputsSchema.parse({ ...outputs, testUserPassword: undefined });
  return {
    stack,
    issuer: emulatedIssuer(parsed.issuer, issuer),
    testUser: parsed.testUserLogin,
    apps: parsed.apps.map((a) => ({ name: a.name, clientId: a.clientId, variants: a.variants })),
  };
}

function renderSetup(setup: SetupSummary, env: NodeJS.ProcessEnv): string {
  const lines = [
    `Setup of stack ${setup.stack}: issuer ${setup.issuer}, test user ${setup.testUser}` +
      (env[PASSWORD_ENV] ? ` (password from ${PASSWORD_ENV})` : ` (generated password; set ${PASSWORD_ENV} to choose it)`),
    ...setup.apps.map((a) => `  ${a.name}: client id ${a.clientId} (${a.variants.join(", ")})`),
  ];
  return `${lines.join("\n")}\n`;
}

async function serve(options: EmulatorCommandOptions, io: CommandIo, stopped: () => Promise<void>): Promise<void> {
  const unlock = options.state ? lockStateFile(options.state) : undefined;
  try {
    await serveLocked(options, io, stopped);
  } finally {
    unlock?.();
  }
}

async function serveLocked(options: EmulatorCommandOptions, io: CommandIo, stopped: () => Promise<void>): Promise<void> {
  const log = (line: string) => io.stderr(`${line}\n`);
  const saved = options.state ? readStateFile<Org>(options.state, orgProblem) : undefined;
  const statePath = options.state;
  const saver = statePath ? new StateSaver(() => writeStateFile(statePath, emulator.org), log, statePath) : undefined;
  const emulator = await startOktaEmulator({
    org: saved,
    oktaVerify: options.oktaVerify,
    port: options.port,
    apiToken: options.apiToken,
    edition: options.edition,
    recordRequests: false,
    onAnswered: (request) => {
      if (request.method !== "GET") saver?.changed();
    },
  });
  let setup: SetupSummary | undefined;
  if (options.setup && saved) log(`--setup ${options.setup} ignored: ${options.state} already holds an org`);
  else if (options.setup) {
    log(`Applying the setup Pulumi.${options.setup}.yaml declares through the management API...`);
    const provisioned = await provisionSetup(
      await evaluateStack(options.setup, io.cwd),
      { orgUrl: emulator.url, apiToken: options.apiToken },
      {
        testUserPassword: io.env[PASSWORD_ENV] || undefined,
        onRateLimited: ({ method, path, waitMs }) =>
          log(`  ${method} ${path} answered 429 (${options.edition} rate limit); waiting ${Math.ceil(waitMs / 1000)} s for Okta's reset`),
      },
    ).catch(async (error: unknown) => {
      await emulator.close();
      // Okta's own words (its password policy, a field it refused); the client kept credentials out.
      if (error instanceof OktaApiError) throw new CliError(`the org refused the setup of ${options.setup}: ${error.message}`);
      throw error;
    });
    log(`  ${provisioned.resourcesCreated} resources`);
    setup = summaryOf(options.setup, provisioned.outputs, emulator.issuer);
    if (usesTotp(setup.apps)) {
      log(
        "  The test user has no Google Authenticator factor yet, as a new Okta user has none: for the OTP variants run " +
          "the smoke check with --enroll-totp and OKTA_API_TOKEN set to the API token.",
      );
    }
  }
  saver?.saveNow();

  if (options.json) {
    io.stdout(`${JSON.stringify({ url: emulator.url, apiToken: options.apiToken })}\n`);
    if (setup) io.stdout(`${JSON.stringify(setup)}\n`);
  } else {
    io.stdout(`Okta emulator serving ${emulator.url}\n`);
    io.stdout(`API token (Authorization: SSWS ...): ${options.apiToken}\n`);
    if (options.state) io.stdout(`State: ${options.state}${saved ? " (restored)" : ""}\n`);
    if (setup) io.stdout(renderSetup(setup, io.env));
    io.stdout("Press Ctrl-C to stop.\n");
  }

  await stopped();
  const savedAtExit = saver?.saveNow() ?? true;
  saver?.stop();
  await emulator.close();
  if (!savedAtExit) throw new CliError(`the org's last changes could not be saved to ${options.state}`);
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
