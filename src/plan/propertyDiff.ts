import { PropertyChange } from "./planModel";

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Lists whose items all carry a `name` (the `apps` output) are compared item by item, so one app
 * added shows as one entry rather than the whole list before and after.
 */
function keyedByName(value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0) return value;
  if (!value.every((item) => isPlainObject(item) && typeof item.name === "string")) return value;
  return Object.fromEntries(value.map((item) => [(item as Plain).name as string, item]));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function joinPath(parent: string, key: string): string {
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (parent === "") return segment.startsWith("[") ? segment : key;
  return segment.startsWith("[") ? parent + segment : `${parent}.${segment}`;
}

/**
 * Property-level differences between two input objects: nested objects are walked, lists and
 * scalars compared whole. A change under a top-level key in `replacedBy` forces replacement.
 */
export function propertyChanges(before: Plain, after: Plain, replacedBy: readonly string[] = []): PropertyChange[] {
  const changes: PropertyChange[] = [];
  const walk = (path: string, top: string, a: unknown, b: unknown) => {
    const left = keyedByName(a);
    const right = keyedByName(b);
    if (isPlainObject(left) && isPlainObject(right)) {
      for (const key of unionKeys(left, right)) walk(joinPath(path, key), top || key, left[key], right[key]);
      return;
    }
    if (sameValue(left, right)) return;
    const change: PropertyChange = { path, forcesReplacement: replacedBy.includes(top) };
    if (a !== undefined) change.before = a;
    if (b !== undefined) change.after = b;
    changes.push(change);
  };
  for (const key of unionKeys(before, after)) walk(joinPath("", key), key, before[key], after[key]);
  return changes;
}

/** Every input of a resource being created, as additions. */
export function allProperties(inputs: Plain): PropertyChange[] {
  return propertyChanges({}, inputs);
}

function unionKeys(a: Plain, b: Plain): string[] {
  return [...new Set([...Object.keys(b), ...Object.keys(a)])];
}
