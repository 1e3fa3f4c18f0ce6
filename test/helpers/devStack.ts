import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { evaluateStack } from "../../src/evaluate/evaluateStack";
import { PROJECT_DIR } from "./commandIo";

let dev: Promise<Evaluation> | undefined;

/**
 * `Pulumi.dev.yaml` as the program declares it (every variant on an app of its own, org server),
 * evaluated once per worker: the files of the shared project share it, as they share their imports.
 * It is frozen, so a test that changed it would fail instead of changing what later files read; a
 * test that needs a changed setup edits a copy.
 */
export function devEvaluation(): Promise<Evaluation> {
  dev ??= evaluateStack("dev", PROJECT_DIR).then(deepFrozen);
  return dev;
}

function deepFrozen<T>(value: T): T {
  if (value && typeof value === "object" && !(value instanceof Map) && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFrozen(inner);
    Object.freeze(value);
  }
  return value;
}
