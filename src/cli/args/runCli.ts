import { ConfigError } from "../../config/configError";
import { StackFileError } from "../../config/stackFile";
import { OrgKindMismatchError } from "../../orgSettings/oktaVerifyCheck";
import { describeFileError } from "./fileArgs";
import { oneLine } from "./oneLine";
import { CliError, UsageError } from "./usageError";

/**
 * The one shape of every command's failures: a usage or file error is one line `PROGRAM: ...` and
 * exit 2; a configuration error is printed in its own words (a list of problems), exit 2; anything
 * else is named, never dumped (a message or stack could quote a secret), exit 1.
 */
export async function runCli(
  program: string,
  body: () => Promise<number>,
  stderr: (text: string) => void = (text) => process.stderr.write(text),
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const { line, code } = failureOf(program, error);
    stderr(`${line}\n`);
    return code;
  }
}

function failureOf(program: string, error: unknown): { line: string; code: number } {
  if (error instanceof UsageError) return { line: `${program}: ${oneLine(error.message)} (see --help)`, code: 2 };
  if (error instanceof CliError) return { line: `${program}: ${oneLine(error.message)}`, code: 2 };
  if (error instanceof ConfigError || error instanceof StackFileError) return { line: error.message, code: 2 };
  if (error instanceof OrgKindMismatchError) return { line: `${program}: ${oneLine(error.message)}`, code: 2 };
  const fileProblem = describeFileError(error);
  if (fileProblem !== undefined) return { line: `${program}: ${oneLine(fileProblem)}`, code: 2 };
  return { line: `${program}: unexpected failure (${(error as Error)?.name ?? "unknown"}); please report it`, code: 1 };
}
