import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { stackFilePath } from "../../config/stackFile";
import { UsageError } from "./usageError";

/** Pulumi's rule for a stack name, minus `..`: the name becomes part of a file name. */
const STACK_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
const STACK_FILE = /^Pulumi\.(.+)\.yaml$/;

/** The stacks `projectDir` has a stack file for, sorted. */
export function stacksIn(projectDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(projectDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => isFile(join(projectDir, name)))
    .flatMap((name) => STACK_FILE.exec(name)?.[1] ?? [])
    .filter(isStackName)
    .sort();
}

/**
 * `--stack NAME` as every command takes it: a valid name whose `Pulumi.NAME.yaml` is in
 * `projectDir`. The name is not repeated when invalid (it may hold anything, even a newline).
 */
export function checkedStack(stack: string, projectDir: string): string {
  const known = stacksIn(projectDir);
  const choices = known.length > 0 ? known.join(", ") : "none";
  if (!isStackName(stack)) {
    throw new UsageError(`--stack takes a stack name (letters, digits, "-", "_", "." and no ".."), e.g. dev; stacks here: ${choices}`);
  }
  const file = stackFilePath(stack, projectDir);
  if (!isFile(file)) throw new UsageError(`--stack ${stack}: there is no stack file ${file}; stacks here: ${choices}`);
  return stack;
}

export function isStackName(name: string): boolean {
  return STACK_NAME.test(name) && !name.includes("..");
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
