import { parseSearch, searchHolds } from "./searchExpression";

/**
 * Okta's list parameters: `q` (a prefix of the object's names, any case) and `filter`/`search`
 * (Okta's expression language, `searchExpression.ts`). `field` reads one field of an object by its
 * dotted path. An expression Okta would refuse answers 400 E0000031 before any object is read.
 */
export function listMatcher(
  query: URLSearchParams,
): (names: readonly string[], field: (path: string) => unknown) => boolean {
  const q = query.get("q");
  const expressions = (["filter", "search"] as const).flatMap((parameter) => {
    const text = query.get(parameter);
    return text ? [parseSearch(text, parameter)] : [];
  });
  return (names, field) =>
    (!q || names.some((name) => name.toLowerCase().startsWith(q.toLowerCase()))) &&
    expressions.every((expression) => searchHolds(expression, field));
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
