import { statSync } from "node:fs";
import { parseFlags } from "./args/parseFlags";
import { readFileArg, writeFileArg } from "./args/fileArgs";
import { runCli } from "./args/runCli";
import { checkedStack } from "./args/stackName";
import { CliError, UsageError } from "./args/usageError";
import { BaseRefError } from "../plan/baseRef";
import { PreviewFormatError, planFromPreview } from "../plan/fromPreview";
import { planStack } from "../plan/planStack";
import { renderPlanJson } from "../plan/renderJson";
import { renderMarkdown } from "../plan/renderMarkdown";

export const HELP = `Usage: npm run plan -- [--stack NAME] [--base GIT_REF] [--json] [--out FILE]
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

const FLAGS = {
  stack: { type: "string" },
  base: { type: "string" },
  "from-preview": { type: "string" },
  json: { type: "boolean" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export interface PlanOptions {
  stack?: string;
  base?: string;
  fromPreview?: string;
  json: boolean;
  out?: string;
}

/** argv of `npm run plan` → what to render, or "help"; a mistake is a UsageError. */
export function parsePlanArgs(argv: readonly string[], projectDir: string): PlanOptions | "help" {
  const values = parseFlags(argv, FLAGS);
  if (values.help) return "help";
  if (values["from-preview"] !== undefined && values.base !== undefined) {
    throw new UsageError("--base compares offline evaluations; a preview already holds its own comparison");
  }
  if (values.base?.startsWith("-")) throw new UsageError("--base takes a git ref, e.g. origin/main");
  if (values.out !== undefined && isDirectory(values.out)) throw new UsageError(`--out ${values.out} is a directory; give a file, e.g. plan.md`);
  return {
    stack: values.stack === undefined ? undefined : checkedStack(values.stack, projectDir),
    base: values.base,
    fromPreview: values["from-preview"],
    json: Boolean(values.json),
    out: values.out,
  };
}

async function plan(options: PlanOptions, projectDir: string): Promise<string> {
  const result =
    options.fromPreview !== undefined
      ? planFromPreview(await readFileArg("--from-preview", options.fromPreview), options.stack)
      : await planStack({ stack: options.stack ?? checkedStack("dev", projectDir), projectDir, base: options.base });
  return options.json ? renderPlanJson(result) : renderMarkdown(result);
}

/** `npm run plan -- ...` in the current directory; resolves to the exit status. */
export function main(argv: readonly string[]): Promise<number> {
  return runCli("plan", async () => {
    const projectDir = process.cwd();
    const options = parsePlanArgs(argv, projectDir);
    if (options === "help") {
      process.stdout.write(HELP);
      return 0;
    }
    let output: string;
    try {
      output = await plan(options, projectDir);
    } catch (error) {
      if (error instanceof PreviewFormatError) throw new CliError(`--from-preview ${options.fromPreview}: ${error.message}`);
      if (!(error instanceof BaseRefError)) throw error;
      process.stderr.write(`plan: ${error.message}\n`);
      return error.usage ? 2 : 1;
    }
    if (options.out === undefined) process.stdout.write(output);
    else writeFileArg("--out", options.out, output);
    return 0;
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
