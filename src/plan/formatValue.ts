/** Compact, unquoted rendering for humans: `[authorization_code, password]`, `{enroll: OPTIONAL}`. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "(none)";
  if (typeof value === "string") return value === "" ? '""' : value.replace(/\r?\n/g, "\\n");
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v)}`).join(", ")}}`;
  }
  return String(value);
}
