import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Document, LineCounter, isScalar, parseDocument, visit } from "yaml";
import { ConfigError, ConfigProblem } from "./configError";
import { encryptedPlainKeyProblem, mayBeEncrypted } from "./encryptedKeys";

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
 * lists as JSON text. Encrypted values (`secure:`) cannot be read offline and are left out; only
 * credentials may be encrypted, since the program never needs them to decide what to declare.
 */
export function loadStackConfig(stack: string, projectDir: string = process.cwd()): Record<string, string> {
  const path = stackFilePath(stack, projectDir);
  if (!existsSync(path)) {
    throw new StackFileError(`no stack file ${path}: create it with \`pulumi stack init ${stack}\` and \`pulumi config set ...\``);
  }
  return stackConfigFromYaml(readFileSync(path, "utf8"), path);
}

export function stackConfigFromYaml(text: string, source = "stack file"): Record<string, string> {
  const config = configSection(parsedDocument(text, source), source);
  const flat: Record<string, string> = {};
  const problems: ConfigProblem[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (!isEncrypted(value)) flat[key] = typeof value === "string" ? value : JSON.stringify(value);
    else if (!mayBeEncrypted(key)) problems.push(encryptedPlainKeyProblem(key));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return flat;
}

function parsedDocument(text: string, source: string): unknown {
  const lines = new LineCounter();
  // The parser's own unique-key check compares every key with every other: minutes for a hostile file.
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const failure = document.errors[0]?.message ?? repeatedKey(document, lines);
  if (failure === undefined) {
    try {
      return document.toJS();
    } catch (error) {
      throw new StackFileError(`${source} is not valid YAML: ${(error as Error).message}`);
    }
  }
  // The parser's message goes on with a code frame; its first line says what and where.
  throw new StackFileError(`${source} is not valid YAML: ${failure.split("\n")[0].replace(/:$/, "")}`);
}

/** The first key a mapping repeats, as the parser would word it. */
function repeatedKey(document: Document, lines: LineCounter): string | undefined {
  let found: string | undefined;
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        const value = isScalar(key) ? key.value : String(key);
        if (seen.has(value)) {
          const { line, col } = lines.linePos(isScalar(key) ? key.range?.[0] ?? 0 : 0);
          found = `Map keys must be unique at line ${line}, column ${col}`;
          return visit.BREAK;
        }
        seen.add(value);
      }
      return undefined;
    },
  });
  return found;
}

function configSection(document: unknown, source: string): Record<string, unknown> {
  if (document === null || document === undefined) return {};
  if (!isMapping(document)) {
    throw new StackFileError(`${source} is a YAML ${describe(document)}, not a stack file: a stack file is a mapping with \`config:\` in it`);
  }
  if ("runtime" in document) {
    throw new StackFileError(`${source} is a project file (Pulumi.yaml, it has \`runtime:\`), not a stack file (Pulumi.<stack>.yaml, with \`config:\`)`);
  }
  const config = document.config ?? {};
  if (!isMapping(config)) {
    throw new StackFileError(`${source}: \`config\` must be a mapping of keys to values, not a ${describe(config)}`);
  }
  return config;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Of a value that is not a mapping (null never gets here): a list, a string, a number or a boolean. */
function describe(value: unknown): string {
  return Array.isArray(value) ? "list" : typeof value;
}

function isEncrypted(value: unknown): boolean {
  return isMapping(value) && "secure" in value;
}
