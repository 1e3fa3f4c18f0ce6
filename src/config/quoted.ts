const MAX_QUOTED = 60;

/** A value as JSON, cut short: a hostile value (megabytes of it) must not become the error message. */
export function quoted(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length <= MAX_QUOTED ? json : `${json.slice(0, MAX_QUOTED)}… (${json.length} characters)`;
}
