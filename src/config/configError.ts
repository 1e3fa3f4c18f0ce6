import { quoted } from "./quoted";
import { CONFIG_NAMESPACE, KEY_HELP, RawConfig } from "./schema";

export interface ConfigProblem {
  /** Full config key with the path inside it, e.g. `okta-direct-auth:testUser.login`. */
  key: string;
  problem: string;
  expected?: string;
  example?: string;
}

/** Enough to fix a run's worth of mistakes; a hostile config's thousands would bury them. */
const MAX_SHOWN = 10;

/** Thrown before any resource is declared; its message lists the problems found, one per paragraph. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    const hidden = problems.length - MAX_SHOWN;
    super(
      `Invalid stack configuration (nothing was declared):\n` +
        problems.slice(0, MAX_SHOWN).map(formatProblem).join("\n") +
        (hidden > 0 ? `\n  … and ${count(hidden, "more problem")}` : ""),
    );
    this.name = "ConfigError";
  }
}

export function count(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}

function formatProblem(p: ConfigProblem): string {
  const lines = [`  - ${p.key}: ${p.problem}`];
  if (p.expected) lines.push(`    expected: ${p.expected}`);
  if (p.example) lines.push(`    example:  ${p.example}`);
  return lines.join("\n");
}

/** Past this many unknown keys in one place it is not a typo: they are reported as one problem. */
const MAX_UNKNOWN_KEYS = 3;

/**
 * One problem per unknown key, each with its likely meaning, or one problem counting them all when
 * there are more than a few.
 */
export function unknownKeyProblems(keys: readonly string[], oneKey: (key: string) => ConfigProblem): ConfigProblem[] {
  if (keys.length <= MAX_UNKNOWN_KEYS) return keys.map(oneKey);
  const first = oneKey(keys[0]);
  const named = keys.slice(0, MAX_UNKNOWN_KEYS).map(quoted).join(", ");
  return [
    {
      key: first.key,
      problem: `${count(keys.length, "unknown key")}: ${named} and ${(keys.length - MAX_UNKNOWN_KEYS).toLocaleString("en-US")} more`,
      expected: first.expected,
      example: `pulumi config rm ${first.key}`,
    },
  ];
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
