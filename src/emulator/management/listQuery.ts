import { validationFailed } from "../errors";

/**
 * Okta's list parameters: `q` (a prefix of the object's names, any case) and `filter`/`search`
 * (`field eq "value"` clauses joined by `and`). `fields` reads one field of an object by its
 * dotted path; the emulator supports only `eq`, the operator its clients use.
 */
export function listMatches(
  query: URLSearchParams,
  names: readonly string[],
  field: (path: string) => unknown,
): boolean {
  const q = query.get("q");
  if (q && !names.some((name) => name.toLowerCase().startsWith(q.toLowerCase()))) return false;
  return [query.get("filter"), query.get("search")].every((expression) => !expression || clausesOf(expression).every(
    ({ path, value }) => String(field(path) ?? "").toLowerCase() === value.toLowerCase(),
  ));
}

const CLAUSE = /^\s*([\w.]+)\s+eq\s+"([^"]*)"\s*$/i;

function clausesOf(expression: string): { path: string; value: string }[] {
  return expression.split(/\s+and\s+/i).map((clause) => {
    const match = CLAUSE.exec(clause.replace(/^\(|\)$/g, ""));
    if (!match) throw validationFailed("filter", [`Invalid filter/search expression: ${expression}; the emulator supports field eq "value" joined by and.`]);
    return { path: match[1], value: match[2] };
  });
}

/** Reads a dotted path (`profile.login`) from a JSON object. */
export function fieldOf(json: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), json);
}

/** `limit` as Okta reads it; the emulator answers a single page. */
export function limited<T>(items: T[], query: URLSearchParams): T[] {
  const limit = Number(query.get("limit"));
  return Number.isInteger(limit) && limit > 0 ? items.slice(0, limit) : items;
}
