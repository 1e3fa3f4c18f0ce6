import { parseArgs } from "node:util";
import { ConfigError } from "../config/configError";
import { StackFileError } from "../config/stackFile";
import { evaluateStack } from "../evaluate/evaluateStack";
import { renderSetupText } from "../plan/renderText";
import { exitCodeOf, renderJson, renderProgress, renderTable } from "../smoke/report";
import { runOffline } from "../start/offlineRun";

const HELP = `Usage: npm start [-- --stack NAME] [--channel sms|voice] [--json]

Runs the whole job offline, with no credentials and no Okta org:
  1. evaluates the Pulumi program for Pulumi.<stack>.yaml (default: dev) and prints what it declares,
     grouped by the steps of Okta's guide;
  2. starts the built-in Okta emulator on a loopback port, configured as declared;
  3. runs the smoke check of every configured variant against it and prints a result per variant.

Options:
  --stack NAME      stack file to evaluate (default dev)
  --channel CH      phone channel for the phone variants: sms or voice (default: the stack's first)
  --json            print one JSON document {issuer, results} on stdout, nothing else
  -h, --help        this text

Exit status: 0 when no variant failed, 1 when one did, 2 for usage or configuration errors.
`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        stack: { type: "string", default: "dev" },
        channel: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`start: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.channel !== undefined && values.channel !== "sms" && values.channel !== "voice") {
    process.stderr.write(`start: --channel must be sms or voice, not "${values.channel}"\n`);
    return 2;
  }
  const log = (text: string) => process.stderr.write(text);

  log(`Evaluating the Pulumi program for stack ${values.stack} (offline, under mocks)...\n`);
  let evaluation;
  try {
    evaluation = await evaluateStack(values.stack);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StackFileError) {
      log(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (!values.json) process.stdout.write(`${renderSetupText(evaluation)}\n\n`);

  log("Starting the Okta emulator on 127.0.0.1 and running the smoke check...\n");
  const report = await runOffline({
    evaluation,
    channel: values.channel as "sms" | "voice" | undefined,
    onProgress: values.json ? undefined : (event) => log(`${renderProgress(event)}\n`),
  });
  process.stdout.write(values.json ? `${renderJson(report)}\n` : `\n${renderTable(report)}\n`);
  return exitCodeOf(report);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    // The name only: this process holds the emulated test user's password and TOTP secret.
    process.stderr.write(`start: unexpected failure (${error?.name ?? "unknown"}); please report it\n`);
    process.exit(1);
  },
);
