import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ConfigError } from "../config/configError";
import { StackFileError } from "../config/stackFile";
import { BaseRefError } from "../plan/baseRef";
import { PreviewFormatError, planFromPreview } from "../plan/fromPreview";
import { planStack } from "../plan/planStack";
import { renderJson } from "../plan/renderJson";
import { renderMarkdown } from "../plan/renderMarkdown";

const USAGE = `Usage: npm run plan -- [--stack NAME] [--base GIT_REF] [--json] [--out FILE]
       npm run plan -- --from-preview FILE [--stack NAME] [--json] [--out FILE]

Shows the Okta setup a stack declares, grouped by the guide's steps, without credentials: the
Pulumi program is evaluated offline under mocks. Secrets are shown as [secret].

  --stack NAME          stack to plan, read from Pulumi.NAME.yaml (default: dev)
  --base GIT_REF        also evaluate the stack at GIT_REF and show what changes: resources added,
                        removed and changed, property by property, destructive changes first
  --from-preview FILE   render the output of \`pulumi preview --json\` the same way (- for stdin)
  --json                JSON instead of Markdown
  --out FILE            write to FILE instead of stdout
  -h, --help            this text

Exit status: 0 rendered; 1 the base ref could not be evaluated; 2 usage or configuration error.
`;

/** Pulumi's own rule for stack names; the name also ends up in a file name and an HTML comment. */
const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

class UsageError extends Error {}

interface Options {
  stack?: string;
  base?: string;
  fromPreview?: string;
  json: boolean;
  out?: string;
  help: boolean;
}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        stack: { type: "string" },
        base: { type: "string" },
        "from-preview": { type: "string" },
        json: { type: "boolean", default: false },
        out: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const options: Options = {
    stack: values.stack,
    base: values.base,
    fromPreview: values["from-preview"],
    json: values.json ?? false,
    out: values.out,
    help: values.help ?? false,
  };
  if (options.stack !== undefined && !STACK_NAME.test(options.stack)) {
    throw new UsageError(`invalid stack name "${options.stack}": letters, digits, "-", "_" and "." only`);
  }
  if (options.fromPreview !== undefined && options.base !== undefined) {
    throw new UsageError("--base compares offline evaluations; a preview already holds its own comparison");
  }
  return options;
}

async function plan(options: Options): Promise<string> {
  const result =
    options.fromPreview !== undefined
      ? planFromPreview(readFileSync(options.fromPreview === "-" ? 0 : options.fromPreview, "utf8"), options.stack)
      : await planStack({ stack: options.stack ?? "dev", projectDir: process.cwd(), base: options.base });
  return options.json ? renderJson(result) : renderMarkdown(result);
}

export async function main(argv: string[]): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const output = await plan(options);
    if (options.out === undefined) process.stdout.write(output);
    else writeFileSync(options.out, output);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`plan: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof StackFileError || error instanceof PreviewFormatError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof BaseRefError) {
      process.stderr.write(`plan: ${error.message}\n`);
      return error.usage ? 2 : 1;
    }
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      process.stderr.write(`plan: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
