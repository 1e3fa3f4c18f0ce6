import { ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./usageError";

export type FlagOptions = Record<string, { type: "string" | "boolean"; short?: string }>;

export type FlagValues<T extends FlagOptions> = {
  [K in keyof T]?: T[K]["type"] extends "string" ? string : boolean;
};

/** What a value that looks like the next flag means: `--stack --json` forgot the stack name. */
const FLAG_LIKE = /^--?[A-Za-z]/;

/**
 * `util.parseArgs`, checked token by token so that every mistake is one sentence of our own: an
 * unknown flag, a missing or empty value, a value given to a switch, a flag given twice (rather
 * than the last one silently winning). A positional argument is never quoted: it may be a pasted
 * secret.
 */
export function parseFlags<T extends FlagOptions>(argv: readonly string[], options: T): FlagValues<T> {
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: options as ParseArgsConfig["options"],
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind === "positional") throw new UsageError("positional arguments are not accepted; every value goes after its flag");
    if (token.kind !== "option") continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (option === undefined) throw new UsageError(`unknown option ${token.rawName}`);
    const flag = `--${token.name}`;
    if (seen.has(token.name)) throw new UsageError(`${flag} is given twice; give it once`);
    seen.add(token.name);
    if (option.type === "boolean") {
      if (token.value !== undefined) throw new UsageError(`${flag} takes no value`);
    } else if (token.value === undefined || token.value.trim() === "" || (!token.inlineValue && FLAG_LIKE.test(token.value))) {
      throw new UsageError(`${flag} needs a value`);
    }
  }
  return values as FlagValues<T>;
}
