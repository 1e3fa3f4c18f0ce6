import { loadStackConfig } from "../config/stackFile";
import { defineDirectAuthProgram } from "../program";
import { Evaluation, evaluateProgram } from "./evaluateProgram";

/** Evaluates the program offline for `Pulumi.<stack>.yaml` in `projectDir`. */
export function evaluateStack(stack: string, projectDir: string = process.cwd()): Promise<Evaluation> {
  return evaluateProgram({ stack, config: loadStackConfig(stack, projectDir), program: defineDirectAuthProgram });
}
