import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export class StackFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StackFileError";
  }
}

export function stackFilePath(stack: string, projectDir: string): string {
  return join(projectDir, `Pulumi.${stack}.yaml`);
}

/**
 * Reads `Pulumi.<stack>.yaml` into the flat key → string map Pulumi hands a program: objects and
 * lists as JSON text. Encrypted values (`secure:`) cannot be read offline and are left out; the
 * program never needs them to decide what to declare.
 */
export function loadStackConfig(stack: string, projectDir: string = process.cwd()): Record<string, string> {
  const path = stackFilePath(stack, projectDir);
  if (!existsSync(path)) {
    throw new StackFileError(`no stack file ${path}: create it with \`pulumi stack init ${stack}\` and \`pulumi config set ...\``);
  }
  return stackConfigFromYaml(readFileSync(path, "utf8"), path);
}

export function stackConfigFromYaml(text: string, source = "stack file"): Record<string, string> {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new StackFileError(`${source} is not valid YAML: ${(error as Error).message}`);
  }
  const config = (document as { config?: unknown } | null)?.config ?? {};
  if (typeof config !== "object" || Array.isArray(config)) {
    throw new StackFileError(`${source}: \`config\` must be a mapping of keys to values`);
  }
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    if (isEncrypted(value)) continue;
    flat[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return flat;
}

function isEncrypted(value: unknown): boolean {
  return typeof value === "object" && value !== null && "secure" in value;
}
