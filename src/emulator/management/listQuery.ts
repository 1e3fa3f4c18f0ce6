import { validationFailed } from "../errors";

/**
 * Okta's list parameters: `q` (a prefix of the object's names, any case) and `filter`/`search`
 * (clauses joined by `and`). `field` reads one field of an object by its dotted path; the emulator
 * supports the operators its clients use: `eq`, `sw` (starts with) and `pr` (present).
 */
export function listMatches(
  query: URLSearchParams,
  names: readonly string[],
  field: (path: string) => unknown,
): boolean {
  const q = query.get("q");
  if (q && !names.some((name) => name.toLowerCase().startsWith(q.toLowerCase()))) return false;
  const expressions = [query.get("filter"), query.get("search")].filter((e): e is string => Boolean(e));
  return expressions.every((expression) => clausesOf(expression).every((clause) => clauseHolds(clause, field(clause.path))));
}

interface Clause {
  path: string;
  operator: string;
  value: string;
}

const CLAUSE = /^\s*([\w.]+)\s+(?:(eq|sw)\s+"([^"]*)"|(pr))\s*$/i;

function clausesOf(expression: string): Clause[] {
  return expression.split(/\s+and\s+/i).map((clause) => {
    const match = CLAUSE.exec(clause.replace(/^\(|\)$/g, ""));
    if (!match) {
      throw validationFailed("filter", [
        `Invalid filter/search expression: ${expression}; the emulator supports field eq "value", field sw "value" and field pr, joined by and.`,
      ]);
    }
    return { path: match[1], operator: (match[2] ?? match[4]).toLowerCase(), value: (match[3] ?? "").toLowerCase() };
  });
}

function clauseHolds(clause: Clause, actual: unknown): boolean {
  const text = String(actual ?? "").toLowerCase();
  if (clause.operator === "pr") return actual !== undefined && actual !== null && actual !== "";
  return clause.operator === "sw" ? text.startsWith(clause.value) : text === clause.value;
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
