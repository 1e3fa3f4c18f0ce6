import { EVERYONE_GROUP_ID, lookedUpUserId } from "../okta/ids";
import { Evaluation } from "../evaluate/evaluateProgram";
import { LOOKUPS, TOKEN } from "../okta/resourceTypes";
import { stepIndex, stepOfUrn } from "./planSteps";
import { RegistrationOptions } from "../evaluate/registrationOptions";
import { PlannedResource, withLifecycle } from "./planModel";
import { ReferenceLabels, referenceLabels, withReferences } from "./references";
import { describeResource, displayNameOf } from "./resourceKinds";

/** What an evaluation declares in the org, with raw inputs (for diffs) and how to label ids. */
export interface SetupSnapshot {
  stack: string;
  resources: SnapshotResource[];
  outputs: Record<string, unknown>;
  labels: ReferenceLabels;
}

export interface SnapshotResource {
  type: string;
  name: string;
  step: string;
  displayName?: string;
  inputs: Record<string, unknown>;
  options?: RegistrationOptions;
}

/** Components only group; providers are plumbing. Neither is an object in the org. */
function isOrgObject(resource: { custom: boolean; type: string }): boolean {
  return resource.custom && !resource.type.startsWith("pulumi:providers:");
}

export function snapshotOf(evaluation: Evaluation): SetupSnapshot {
  const declared = evaluation.resources.filter(isOrgObject);
  const resources = declared.map(
    (r): SnapshotResource => ({
      type: r.type,
      name: r.name,
      step: stepOfUrn(r.urn).id,
      displayName: displayNameOf(r.inputs),
      inputs: r.inputs,
      options: r.options,
    }),
  );
  const labels = referenceLabels(
    declared.map((r, i) => ({ type: r.type, displayName: resources[i].displayName, ids: [r.id, r.state.clientId] })),
    lookedUpObjects(evaluation),
  );
  return { stack: evaluation.stack, resources: resources.sort(compareGuideOrder), outputs: evaluation.outputs, labels };
}

/** Objects the program only looks up: the offline org answers them with ids of its own. */
function lookedUpObjects(evaluation: Evaluation): [string, string][] {
  const labels: [string, string][] = [
    [EVERYONE_GROUP_ID, `<${describeResource({ type: TOKEN.group, displayName: "Everyone" })}>`],
  ];
  for (const invoke of evaluation.invokes) {
    if (invoke.token !== LOOKUPS.user.token) continue;
    const login = (invoke.args.searches as { value?: unknown }[] | undefined)?.[0]?.value;
    if (typeof login === "string") {
      labels.push([lookedUpUserId(login), `<${describeResource({ type: TOKEN.user, displayName: login })}>`]);
    }
  }
  return labels;
}

type Placed = { step: string; name: string; type: string };

/** Guide step first; within a step by name, which keeps an app next to its assignment. */
export function compareGuideOrder(a: Placed, b: Placed): number {
  return stepIndex(a.step) - stepIndex(b.step) || a.name.localeCompare(b.name) || a.type.localeCompare(b.type);
}

export function plannedResource(resource: SnapshotResource, labels: ReferenceLabels): PlannedResource {
  const planned: PlannedResource = {
    type: resource.type,
    name: resource.name,
    step: resource.step,
    properties: withReferences(resource.inputs, labels) as Record<string, unknown>,
  };
  if (resource.displayName !== undefined) planned.displayName = resource.displayName;
  return withLifecycle(planned, resource.options);
}

export function declaredSetup(snapshot: SetupSnapshot): PlannedResource[] {
  return snapshot.resources.map((r) => plannedResource(r, snapshot.labels));
}

