import { readdirSync } from "node:fs";
import { AuthMode, StackRunResult, runStack } from "../e2e/stackRun";
import { EngineMissing, findEngine } from "../e2e/engine";
import { renderJson, renderTable } from "../e2e/report";
import { parseFlags } from "./args/parseFlags";
import { runCli } from "./args/runCli";
import { checkedStack } from "./args/stackName";
import { CliError, UsageError } from "./args/usageError";

const HELP = `Usage: npm run e2e -- [--stack NAME...] [--auth token|service-app|both] [--json] [--keep]

Drives each stack with your own Pulumi CLI and Okta provider plugin against a fresh built-in
Okta org (the emulator), with a temporary local backend and a temporary copy of the project
(the repository's Pulumi.<stack>.yaml files are never written):

  prepare   a fresh org (a looked-up test user created first, as the real org has it), the
            stack's config plus okta:httpProxy and the credentials (secret okta:apiToken, or an
            API Services app made through the management API: okta:clientId, okta:privateKey,
            okta:privateKeyId, okta:scopes)
  preview   pulumi preview --json, rendered by the plan
  up, smoke (--code-outbox, --enroll-totp: every variant pass)
  preview --expect-no-changes, refresh --expect-no-changes
  a config change (one variant dropped, except on a protected stack; catchAll and enrollment
            flipped), up, smoke, no changes
  drift     an app's grants changed through the management API: preview --refresh shows that change
  destroy   refused by a protected stack; otherwise the org as it was before, apart from what Okta
            cannot delete (an authenticator it never had stays INACTIVE)

Prints a table of each step's time and management calls (by endpoint for up and destroy);
progress goes to stderr.

Options:
  --stack NAME   a stack to run (repeatable, or comma-separated; default: every Pulumi.<stack>.yaml)
  --auth MODE    token, service-app or both (default: both)
  --json         one JSON document {ok, runs: [{stack, auth, ok, steps: [{step, ok, ms, calls}], plan}]}
  --keep         keep each run's temporary project and backend, and print where
  -h, --help     this text

Exit status: 0 every run passed; 1 a step failed; 2 usage error, or no pulumi / Okta plugin.
`;

const FLAGS = {
  auth: { type: "string" },
  json: { type: "boolean" },
  keep: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export interface E2eOptions {
  stacks: string[];
  auths: AuthMode[];
  json: boolean;
  keep: boolean;
}

const AUTHS: Record<string, AuthMode[]> = { token: ["token"], "service-app": ["service-app"], both: ["token", "service-app"] };

function projectStacks(projectDir: string): string[] {
  return readdirSync(projectDir).flatMap((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1] ?? []).sort();
}

/** `--stack` may be given several times, so it is taken out before the one-of-each flags are parsed. */
export function parseE2eArgs(argv: readonly string[], projectDir: string): E2eOptions | "help" {
  const rest: string[] = [];
  const named: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--stack" || arg.startsWith("--stack=")) {
      const value = arg === "--stack" ? argv[++i] : arg.slice("--stack=".length);
      if (value === undefined || value === "" || value.startsWith("-")) throw new UsageError("--stack needs a value");
      named.push(...value.split(",").filter(Boolean));
    } else rest.push(arg);
  }
  const values = parseFlags(rest, FLAGS);
  if (values.help) return "help";
  const auths = AUTHS[values.auth ?? "both"];
  if (!auths) throw new UsageError("--auth must be token, service-app or both");
  const stacks = named.length > 0 ? [...new Set(named.map((s) => checkedStack(s, projectDir)))] : projectStacks(projectDir);
  if (stacks.length === 0) throw new UsageError("no Pulumi.<stack>.yaml in this directory");
  return { stacks, auths, json: Boolean(values.json), keep: Boolean(values.keep) };
}

export function main(argv: readonly string[]): Promise<number> {
  return runCli("e2e", async () => {
    const repoDir = process.cwd();
    const options = parseE2eArgs(argv, repoDir);
    if (options === "help") {
      process.stdout.write(HELP);
      return 0;
    }
    let engine;
    try {
      engine = await findEngine(repoDir);
    } catch (error) {
      if (error instanceof EngineMissing) throw new CliError(error.message);
      throw error;
    }
    const progress = (line: string) => process.stderr.write(`${line}\n`);
    progress(`Using ${engine.pulumiVersion}; ${options.stacks.length} stack(s) × ${options.auths.join(", ")}`);
    const results: StackRunResult[] = [];
    for (const stack of options.stacks) {
      for (const auth of options.auths) {
        results.push(await runStack({ repoDir, stack, auth, keep: options.keep, onProgress: progress }));
      }
    }
    process.stdout.write(options.json ? renderJson(results) : renderTable(results));
    return results.every((r) => r.ok) ? 0 : 1;
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
