import { OktaVerifyMode } from "../catalogue/oktaVerify";
import { parseFlags } from "./args/parseFlags";
import { CommandIo, processIo } from "./args/commandIo";
import { runCli } from "./args/runCli";
import { checkedStack } from "./args/stackName";
import { UsageError } from "./args/usageError";
import { editionOf } from "./args/edition";
import { DEFAULT_EDITION, EDITIONS, Edition } from "../emulator";
import { evaluateStack } from "../evaluate/evaluateStack";
import { renderSetupText } from "../plan/renderText";
import { exitCodeOf, renderSmokeJson, renderProgress, renderSmokeTable } from "../smoke/report";
import { runOffline } from "../start/offlineRun";

export const HELP = `Usage: npm start [-- --stack NAME] [--channel sms|voice] [--flexible-okta-verify] [--edition NAME] [--json]

Runs the whole job offline, with no credentials and no Okta org:
  1. evaluates the Pulumi program for Pulumi.<stack>.yaml (default: dev) and prints what it declares,
     grouped by the steps of Okta's guide;
  2. starts a fresh Okta emulator on a loopback port and applies that setup through its
     management API, with the calls pulumi up makes;
  3. runs the smoke check of every configured variant against it and prints a result per variant.

Options:
  --stack NAME      stack file to evaluate (default dev)
  --channel CH      phone channel for the phone variants: sms or voice (default: the stack's first)
  --flexible-okta-verify
                    the emulated org has Flexible Okta Verify (okta_verify_push, okta_verify_totp,
                    okta_verify_fastpass); a stack with push variants needs
                    okta-direct-auth:oktaVerify flexible, or it stops before any write
  --edition NAME    the emulated org's edition, whose rate limits the run is held to:
                    ${EDITIONS.join(", ")} (default ${DEFAULT_EDITION}; on it the
                    setup's app calls outrun the 20 a minute Okta allows, so it waits once)
  --json            print one JSON document {issuer, results} on stdout, nothing else
  -h, --help        this text

Exit status: 0 when no variant failed, 1 when one did, 2 for usage or configuration errors.
`;

const FLAGS = {
  stack: { type: "string" },
  channel: { type: "string" },
  "flexible-okta-verify": { type: "boolean" },
  edition: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export interface StartOptions {
  stack: string;
  channel?: "sms" | "voice";
  oktaVerify: OktaVerifyMode;
  edition: Edition;
  json: boolean;
}

/** argv of `npm start` → what to run, or "help"; a mistake is a UsageError. */
export function parseStartArgs(argv: readonly string[], projectDir: string): StartOptions | "help" {
  const values = parseFlags(argv, FLAGS);
  if (values.help) return "help";
  if (values.channel !== undefined && values.channel !== "sms" && values.channel !== "voice") {
    throw new UsageError("--channel must be sms or voice");
  }
  return {
    stack: checkedStack(values.stack ?? "dev", projectDir),
    channel: values.channel,
    oktaVerify: values["flexible-okta-verify"] ? "flexible" : "classic",
    edition: editionOf(values.edition),
    json: Boolean(values.json),
  };
}

/** `npm start -- ...` in the current directory; resolves to the exit status. */
export function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  return runCli(
    "start",
    async () => {
      const options = parseStartArgs(argv, io.cwd);
      if (options === "help") {
        io.stdout(HELP);
        return 0;
      }
      const log = io.stderr;
      log(`Evaluating the Pulumi program for stack ${options.stack} (offline, under mocks)...\n`);
      const evaluation = await evaluateStack(options.stack, io.cwd);
      if (!options.json) io.stdout(`${renderSetupText(evaluation)}\n\n`);

      log("Starting the Okta emulator on 127.0.0.1, applying the setup through its management API, running the smoke check...\n");
      const report = await runOffline({
        evaluation,
        channel: options.channel,
        oktaVerify: options.oktaVerify,
        edition: options.edition,
        onSetupRateLimited: ({ method, path, waitMs }) =>
          log(`  setup: ${method} ${path} answered 429 (${options.edition} rate limit); waiting ${Math.ceil(waitMs / 1000)} s for Okta's reset\n`),
        onProgress: options.json ? undefined : (event) => log(`${renderProgress(event)}\n`),
      });
      io.stdout(options.json ? `${renderSmokeJson(report)}\n` : `\n${renderSmokeTable(report)}\n`);
      return exitCodeOf(report);
    },
    io.stderr,
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
