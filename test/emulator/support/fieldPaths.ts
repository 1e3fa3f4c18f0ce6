import { isDeepStrictEqual } from "node:util";

/**
 * Field paths as the recordings write them: `settings.oauthClient.grant_types`, `_links.logo[].href`,
 * `[].key` (every element of a top-level list). Bind and expect paths may also pick one element:
 * `[0].id`, `[key=phone_number].id`, `errorCauses[0].errorSummary`.
 */
type Step = { key: string } | { every: true } | { index: number } | { where: string; equals: string };

const TOKEN = /([^.[\]]+)|\[([^\]]*)\]/g;

export function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  for (const [, key, selector] of path.matchAll(TOKEN)) {
    if (key !== undefined) steps.push({ key });
    else if (selector === "") steps.push({ every: true });
    else if (/^\d+$/.test(selector)) steps.push({ index: Number(selector) });
    else {
      const at = selector.indexOf("=");
      if (at < 1) throw new Error(`bad selector [${selector}] in field path "${path}"; expected [], [0] or [key=value]`);
      steps.push({ where: selector.slice(0, at), equals: selector.slice(at + 1) });
    }
  }
  return steps;
}

/** Every value the path reaches (several through `[]`); a key present with `null` counts as reached. */
export function valuesAt(body: unknown, path: string): unknown[] {
  let reached: unknown[] = [body];
  for (const step of parsePath(path)) {
    const next: unknown[] = [];
    for (const value of reached) {
      if ("key" in step) {
        if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, step.key)) next.push(value[step.key]);
      } else if (Array.isArray(value)) {
        if ("every" in step) next.push(...value);
        else if ("index" in step) {
          if (step.index < value.length) next.push(value[step.index]);
        } else {
          const match = value.find((item) => isRecord(item) && String(item[step.where]) === step.equals);
          if (match !== undefined) next.push(match);
        }
      }
    }
    reached = next;
  }
  return reached;
}

export const fieldPresent = (body: unknown, path: string): boolean => valuesAt(body, path).length > 0;

/**
 * Whether the answer holds the expected value at `path`. Through `[]` the path reaches a list of
 * values and the expectation is a list each of whose items must be among them (a subset, since a
 * real org's lists hold objects a fresh one lacks); otherwise the one value must equal it.
 */
export function valueMatches(body: unknown, path: string, expected: unknown): boolean {
  const values = valuesAt(body, path);
  if (parsePath(path).some((step) => "every" in step)) {
    return Array.isArray(expected) && expected.every((item) => values.some((value) => isDeepStrictEqual(value, item)));
  }
  return values.length > 0 && isDeepStrictEqual(values[0], expected);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
