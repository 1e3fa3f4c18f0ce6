import { describeResource } from "./resourceKinds";

/** Object id → how a reviewer recognises it, e.g. `<app sign-in policy "Direct Auth 1FA">`. */
export type ReferenceLabels = ReadonlyMap<string, string>;

export interface IdentifiedObject {
  type: string;
  displayName?: string;
  /** The object's id and any other output other resources refer to it by (an app's client ID). */
  ids: readonly unknown[];
}

export function referenceLabels(objects: readonly IdentifiedObject[], extra: Iterable<[string, string]> = []): ReferenceLabels {
  const labels = new Map<string, string>(extra);
  for (const object of objects) {
    for (const id of object.ids) {
      if (typeof id === "string" && id !== "") labels.set(id, `<${describeResource(object)}>`);
    }
  }
  return labels;
}

/**
 * Replaces ids the labels know by their label. Offline ids are made up by the mocks and real ones
 * are opaque; either way "which policy" is what a reviewer asks.
 */
export function withReferences(value: unknown, labels: ReferenceLabels): unknown {
  if (typeof value === "string") return labels.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => withReferences(v, labels));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withReferences(v, labels)]));
  }
  return value;
}
