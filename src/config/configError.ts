import { CONFIG_NAMESPACE, KEY_HELP, RawConfig } from "./schema";

export interface ConfigProblem {
  /** Full config key with the path inside it, e.g. `okta-direct-auth:testUser.login`. */
  key: string;
  problem: string;
  expected?: string;
  example?: string;
}

/** Thrown before any resource is declared; its message lists every problem found, one per paragraph. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid stack configuration (nothing was declared):\n` +
        problems.map(formatProblem).join("\n"),
    );
    this.name = "ConfigError";
  }
}

function formatProblem(p: ConfigProblem): string {
  const lines = [`  - ${p.key}: ${p.problem}`];
  if (p.expected) lines.push(`    expected: ${p.expected}`);
  if (p.example) lines.push(`    example:  ${p.example}`);
  return lines.join("\n");
}

export function keyName(path: readonly PropertyKey[]): string {
  let name = CONFIG_NAMESPACE + ":";
  path.forEach((segment, i) => {
    if (typeof segment === "number") name += `[${segment}]`;
    else name += (i === 0 ? "" : ".") + String(segment);
  });
  return name;
}

/** A problem about `path`, with the help text of the top-level key it sits under. */
export function problemAt(path: readonly PropertyKey[], problem: string): ConfigProblem {
  const help = KEY_HELP[path[0] as keyof RawConfig];
  return { key: keyName(path), problem, expected: help?.expected, example: help?.example };
}
