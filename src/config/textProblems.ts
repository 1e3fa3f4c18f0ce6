import { ConfigProblem, problemAt } from "./configError";

/**
 * Characters a reviewer cannot see or that rewrite what is shown: controls (Unicode Cc: NUL, BEL,
 * ESC, DEL, C1), format characters (Cf: zero-width spaces and joiners, bidi overrides and isolates,
 * the BOM, soft hyphen) and the line and paragraph separators. None belongs in a login, a name or a
 * URI; in the plan's Markdown or a terminal they hide or reorder text.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** How deep config is searched: deeper values are refused by the schema anyway. */
const MAX_DEPTH = 8;

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** One problem per string value (at any key, in lists and objects) holding such a character. */
export function invisibleCharacterProblems(values: Record<string, unknown>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string") {
      const match = INVISIBLE.exec(value);
      if (match) {
        problems.push(
          problemAt(
            path,
            `contains an invisible or control character (${codePoint(match[0])} at position ${match.index + 1}); ` +
              "type the value again without it",
          ),
        );
      }
    } else if (value && typeof value === "object" && path.length < MAX_DEPTH) {
      for (const [key, inner] of Object.entries(value)) walk(inner, [...path, Array.isArray(value) ? Number(key) : key]);
    }
  };
  for (const [key, value] of Object.entries(values)) walk(value, [key]);
  return problems;
}

/** Scripts whose letters pass for Latin ones (е, о, ν, ο, ս...) or for each other. */
const SCRIPTS = ["Latin", "Cyrillic", "Greek", "Armenian", "Cherokee", "Georgian", "Coptic"] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, "u") }));

/**
 * The scripts a login mixes within one part (between `@` and `.`): `pаypal` with a Cyrillic а is
 * another user's login to the eye. Undefined when each part keeps to one script.
 */
export function mixedScriptProblem(login: string): string | undefined {
  for (const part of login.split(/[@.]/)) {
    const found = new Map<string, string>();
    for (const char of part) {
      const script = SCRIPT_PATTERNS.find((s) => s.pattern.test(char));
      if (script && !found.has(script.name)) found.set(script.name, char);
    }
    if (found.size > 1) {
      const names = [...found.keys()];
      const letters = [...found.entries()].map(([name, char]) => `"${char}" ${codePoint(char)} is ${name}`).join(", ");
      return `mixes ${names.join(" and ")} letters in ${JSON.stringify(part)} (${letters}): it would look like another login; type it in one script`;
    }
  }
  return undefined;
}
