const MAX_QUOTED = 60;

/** A value as JSON, cut short: a hostile value (megabytes of it) must not become the error message. */
export function quoted(value: unknown): string {
  // JSON escapes controls but not format characters: a bidi override would still reorder the message.
  const json = asJson(value).replace(/[\p{Cf}\u2028\u2029]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`);
  return json.length <= MAX_QUOTED ? json : `${json.slice(0, MAX_QUOTED)}… (${json.length} characters)`;
}

function asJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Nested deeper than the stack allows: JSON.stringify is recursive.
    return Array.isArray(value) ? "a list nested too deeply to show" : "a value nested too deeply to show";
  }
}
