import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { evaluateStack as EvaluateStack } from "../evaluate/evaluateStack";

/**
 * Child-process entry (`tsx evaluateCheckout.ts PROJECT_DIR STACK OUT_FILE`): evaluates a stack
 * with the program and evaluator of another checkout, such as a base ref's worktree. A process of
 * its own keeps that checkout's modules and Pulumi's process-global runtime apart from ours.
 * Writes the evaluation as JSON to OUT_FILE (stdout may carry the program's own logging).
 */
async function main([projectDir, stack, outFile]: string[]): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { evaluateStack } = require(join(projectDir, "src/evaluate/evaluateStack")) as { evaluateStack: typeof EvaluateStack };
  const evaluation = await evaluateStack(stack, projectDir);
  writeFileSync(outFile, JSON.stringify(evaluation));
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
