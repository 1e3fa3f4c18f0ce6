import { SetupSnapshot, SnapshotResource, compareGuideOrder, plannedResource } from "./declaredSetup";
import { PropertyChange, ProtectionChange, ResourceChange, SetupDiff, countChanges } from "./planModel";
import { allProperties, propertyChanges } from "./propertyDiff";
import { ReferenceLabels, withReferences } from "./references";
import { kindOf } from "./resourceKinds";

const keyOf = (r: { type: string; name: string }) => `${r.type}::${r.name}`;

/**
 * What applying `head` over `base` would do, as Pulumi decides it: resources are matched by type
 * and name, so a renamed app is one deleted and another created (with a new client ID), and an
 * input its provider cannot update in place replaces the resource. `base` is undefined when the
 * stack did not exist there.
 */
export function diffSetups(base: SetupSnapshot | undefined, head: SetupSnapshot): SetupDiff {
  const before = new Map((base?.resources ?? []).map((r) => [keyOf(r), r]));
  const after = new Map(head.resources.map((r) => [keyOf(r), r]));
  const baseLabels = base?.labels ?? new Map();
  const changes: ResourceChange[] = [];

  for (const [key, resource] of after) {
    const old = before.get(key);
    if (!old) {
      const planned = plannedResource(resource, head.labels);
      changes.push({ action: "create", resource: planned, properties: allProperties(planned.properties) });
      continue;
    }
    const change = updateOf(old, resource, baseLabels, head.labels);
    if (change) changes.push(change);
  }
  for (const [key, resource] of before) {
    if (after.has(key)) continue;
    const change: ResourceChange = { action: "delete", resource: plannedResource(resource, baseLabels), properties: [] };
    const consequence = kindOf(resource.type, resource.inputs).onDelete;
    if (consequence) change.destructive = consequence;
    changes.push(change);
  }

  changes.sort((a, b) => compareGuideOrder(a.resource, b.resource));
  const diff: SetupDiff = {
    counts: countChanges(changes),
    changes,
    outputs: labelled(propertyChanges(base?.outputs ?? {}, head.outputs), baseLabels, head.labels),
  };
  const protection = protectionChanges(before, head);
  if (protection.length > 0) diff.protection = protection;
  return diff;
}

function protectionChanges(before: ReadonlyMap<string, SnapshotResource>, head: SetupSnapshot): ProtectionChange[] {
  return head.resources.flatMap((resource) => {
    const old = before.get(keyOf(resource))?.options;
    if (!old || !resource.options || old.protect === resource.options.protect) return [];
    return [{ resource: plannedResource(resource, head.labels), before: old.protect, after: resource.options.protect }];
  });
}

function updateOf(
  old: SnapshotResource,
  resource: SnapshotResource,
  baseLabels: ReferenceLabels,
  headLabels: ReferenceLabels,
): ResourceChange | undefined {
  const kind = kindOf(resource.type, resource.inputs);
  const properties = propertyChanges(old.inputs, resource.inputs, kind.replacedBy);
  if (properties.length === 0) return undefined;
  const replaced = properties.some((p) => p.forcesReplacement);
  const change: ResourceChange = {
    action: replaced ? "replace" : "update",
    resource: plannedResource(resource, headLabels),
    properties: labelled(properties, baseLabels, headLabels),
  };
  if (replaced && kind.onDelete) change.destructive = kind.onDelete;
  return change;
}

/** Ids are compared raw (a label may change while the id stays), then shown by what they refer to. */
function labelled(changes: PropertyChange[], baseLabels: ReferenceLabels, headLabels: ReferenceLabels): PropertyChange[] {
  return changes.map((c) => {
    const shown: PropertyChange = { path: c.path, forcesReplacement: c.forcesReplacement };
    if ("before" in c) shown.before = withReferences(c.before, baseLabels);
    if ("after" in c) shown.after = withReferences(c.after, headLabels);
    return shown;
  });
}
