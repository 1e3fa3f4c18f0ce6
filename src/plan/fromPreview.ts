import { SECRET_MASK, maskSecrets } from "../evaluate/evaluateProgram";
import { isSecretPath, maskSecretKeys } from "./secretKeys";
import { compareGuideOrder } from "./declaredSetup";
import { stepOfUrn } from "./planSteps";
import {
  ChangeAction,
  PlannedResource,
  PropertyChange,
  ResourceChange,
  SetupDiff,
  SetupPlan,
  countChanges,
  withLifecycle,
} from "./planModel";
import { allProperties, propertyChanges } from "./propertyDiff";
import { ReferenceLabels, referenceLabels, withReferences } from "./references";
import { displayNameOf, kindOf } from "./resourceKinds";

/**
 * `pulumi preview --json` (Pulumi's preview digest): `steps[]` of `{op, urn, oldState?, newState?,
 * diffReasons?, replaceReasons?, detailedDiff?}`, states being the state file's resources with
 * secrets already written as `[secret]`.
 */
interface PreviewState {
  urn?: string;
  type: string;
  custom?: boolean;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  protect?: boolean;
  retainOnDelete?: boolean;
}

interface PreviewStep {
  op: string;
  urn: string;
  oldState?: PreviewState;
  newState?: PreviewState;
  diffReasons?: string[];
  replaceReasons?: string[];
  detailedDiff?: Record<string, { kind: string; inputDiff?: boolean }> | null;
}

export class PreviewFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PreviewFormatError";
  }
}

/** What the engine writes for a value it will only know after apply. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const KNOWN_AFTER_APPLY = "(known after apply)";
const DYNAMIC_PROVIDER_CODE = "(dynamic provider code)";

/** A replacement comes as up to three steps on one URN; any of them means the resource is replaced. */
const REPLACE_OPS = new Set(["replace", "create-replacement", "delete-replaced"]);
const ACTIONS: Record<string, ChangeAction> = { create: "create", update: "update", delete: "delete" };

export function planFromPreview(text: string, stack?: string): SetupPlan {
  const steps = parseSteps(text);
  const groups = new Map<string, PreviewStep[]>();
  for (const step of steps) groups.set(step.urn, [...(groups.get(step.urn) ?? []), step]);

  const labels = labelsOf(steps);
  const declared: PlannedResource[] = [];
  const changes: ResourceChange[] = [];
  for (const [urn, group] of groups) {
    const { action, oldState, newState } = outcomeOf(group);
    const state = newState ?? oldState;
    if (!state || !isOrgObject(state)) continue;
    const resource = plannedResource(urn, state, labels);
    if (action !== "delete") declared.push(resource);
    if (action) changes.push(changeOf(action, resource, group, oldState, newState, labels));
  }
  declared.sort(compareGuideOrder);
  changes.sort((a, b) => compareGuideOrder(a.resource, b.resource));

  // Stack outputs are left out: a preview does not know their new values yet.
  const diff: SetupDiff = { counts: countChanges(changes), changes, outputs: [] };
  if (!steps.some((s) => s.op === "same")) {
    diff.note = "The preview lists no unchanged resources; run `pulumi preview --json --show-sames` to see the whole declared setup.";
  }
  return { stack: stack ?? stackOfUrn(steps[0]?.urn) ?? "unknown", source: "preview", declared, diff };
}

/**
 * The step that decides what happens to a resource, and the states to compare. With `--refresh` a
 * resource also has a `refresh` step, whose old state predates the refresh: the deciding step's
 * old state is the refreshed one, which is what drift is measured against.
 */
function outcomeOf(group: readonly PreviewStep[]): { action?: ChangeAction; oldState?: PreviewState; newState?: PreviewState } {
  const replacing = group.find((s) => s.op === "replace") ?? group.find((s) => REPLACE_OPS.has(s.op));
  const deciding = replacing ?? group.find((s) => ACTIONS[s.op] !== undefined) ?? group[group.length - 1];
  const isNew = (s: PreviewStep) => s.newState !== undefined && s.op !== "delete-replaced";
  return {
    action: replacing ? "replace" : ACTIONS[deciding.op],
    oldState: deciding.oldState ?? group.find((s) => s.oldState)?.oldState,
    newState: (isNew(deciding) ? deciding.newState : undefined) ?? group.find(isNew)?.newState,
  };
}

function parseSteps(text: string): PreviewStep[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new PreviewFormatError(`not JSON: ${(error as Error).message}; expected the output of \`pulumi preview --json\``);
  }
  const steps = (document as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) {
    throw new PreviewFormatError("no `steps` list: expected the output of `pulumi preview --json`");
  }
  for (const [i, step] of steps.entries()) {
    if (typeof step?.op !== "string" || typeof step?.urn !== "string") {
      throw new PreviewFormatError(`steps[${i}] has no \`op\` and \`urn\``);
    }
  }
  return (steps as PreviewStep[]).map((step) => ({
    ...step,
    oldState: step.oldState && reviewable(step.oldState),
    newState: step.newState && reviewable(step.newState),
    diffReasons: step.diffReasons?.filter((path) => !isBookkeepingPath(path)),
    detailedDiff: step.detailedDiff && Object.fromEntries(Object.entries(step.detailedDiff).filter(([path]) => !isBookkeepingPath(path))),
  }));
}

/**
 * What the engine and the Terraform bridge keep for themselves beside the properties: `__defaults`
 * (which values the provider filled in, in any object), `__meta` (schema version, timeouts). They
 * say nothing to a reviewer; the dynamic provider's `__provider` is another matter (below).
 */
function isBookkeepingKey(key: string): boolean {
  return key.startsWith("__") && key !== "__provider";
}

function isBookkeepingPath(path: string): boolean {
  return segmentsOf(path).some((segment) => typeof segment === "string" && isBookkeepingKey(segment));
}

function withoutBookkeeping(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBookkeeping);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !isBookkeepingKey(k)).map(([k, v]) => [k, withoutBookkeeping(v)]));
  }
  return value;
}

function reviewable(state: PreviewState): PreviewState {
  const clean = (values?: Record<string, unknown>) => values && (withoutBookkeeping(values) as Record<string, unknown>);
  return withoutProviderCode({ ...state, inputs: clean(state.inputs), outputs: clean(state.outputs) });
}

/**
 * A dynamic resource carries its provider's serialized code as the `__provider` input: pages of
 * JavaScript no reviewer reads. It stays visible that it changed, not what it says.
 */
function withoutProviderCode(state: PreviewState): PreviewState {
  const hide = (values?: Record<string, unknown>) =>
    values && "__provider" in values ? { ...values, __provider: DYNAMIC_PROVIDER_CODE } : values;
  return { ...state, inputs: hide(state.inputs), outputs: hide(state.outputs) };
}

function isOrgObject(state: PreviewState): boolean {
  return state.custom === true && !state.type.startsWith("pulumi:providers:");
}

/** `urn:pulumi:{stack}::{project}::{type}::{name}` */
function stackOfUrn(urn: string | undefined): string | undefined {
  return urn?.split("::")[0].split(":")[2];
}

function nameOfUrn(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

/** Real ids of objects the preview knows (existing ones), so references read as what they are. */
function labelsOf(steps: readonly PreviewStep[]): ReferenceLabels {
  const states = steps.flatMap((s) => [s.oldState, s.newState]).filter((s): s is PreviewState => s !== undefined);
  return referenceLabels(
    states
      .filter(isOrgObject)
      .map((s) => ({ type: s.type, displayName: displayNameOf(s.inputs ?? {}), ids: [s.id, s.outputs?.clientId] })),
  );
}

function shown(value: unknown, labels: ReferenceLabels): unknown {
  return withReferences(withoutUnknowns(maskSecretKeys(maskSecrets(value))), labels);
}

function withoutUnknowns(value: unknown): unknown {
  if (value === UNKNOWN) return KNOWN_AFTER_APPLY;
  if (Array.isArray(value)) return value.map(withoutUnknowns);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutUnknowns(v)]));
  }
  return value;
}

function plannedResource(urn: string, state: PreviewState, labels: ReferenceLabels): PlannedResource {
  const inputs = state.inputs ?? {};
  const resource: PlannedResource = {
    type: state.type,
    name: nameOfUrn(urn),
    step: stepOfUrn(urn).id,
    properties: shown(inputs, labels) as Record<string, unknown>,
  };
  const displayName = displayNameOf(inputs);
  if (displayName !== undefined) resource.displayName = displayName;
  return withLifecycle(resource, state);
}

function changeOf(
  action: ChangeAction,
  resource: PlannedResource,
  group: readonly PreviewStep[],
  oldState: PreviewState | undefined,
  newState: PreviewState | undefined,
  labels: ReferenceLabels,
): ResourceChange {
  const change: ResourceChange = { action, resource, properties: [] };
  if (action === "create") change.properties = allProperties(resource.properties);
  if (action === "update" || action === "replace") {
    const properties = propertiesOf(group, oldState, newState);
    change.properties = properties.map((p) => {
      const out: PropertyChange = { path: p.path, forcesReplacement: p.forcesReplacement };
      const secret = isSecretPath(p.path);
      if ("before" in p) out.before = secret && p.before !== undefined ? SECRET_MASK : shown(p.before, labels);
      if ("after" in p) out.after = secret && p.after !== undefined ? SECRET_MASK : shown(p.after, labels);
      return out;
    });
  }
  const consequence = kindOf(resource.type, resource.properties).onDelete;
  if ((action === "delete" || action === "replace") && consequence) change.destructive = consequence;
  return change;
}

/**
 * The engine's own diff when it gave one: `detailedDiff` paths compare old state (or old inputs,
 * for `inputDiff`) with new inputs, which is how drift found by `--refresh` shows. Otherwise the
 * listed keys, otherwise old inputs against new ones.
 */
function propertiesOf(group: readonly PreviewStep[], oldState?: PreviewState, newState?: PreviewState): PropertyChange[] {
  const replaceReasons = group.flatMap((s) => s.replaceReasons ?? []);
  const oldInputs = oldState?.inputs ?? {};
  const newInputs = newState?.inputs ?? {};
  const detailed = group.find((s) => s.detailedDiff && Object.keys(s.detailedDiff).length > 0)?.detailedDiff;
  if (detailed) {
    return Object.entries(detailed).map(([path, diff]) => {
      const change: PropertyChange = {
        path,
        forcesReplacement: diff.kind.endsWith("-replace") || replaceReasons.includes(topKey(path)),
      };
      if (!diff.kind.startsWith("add")) change.before = valueAt(diff.inputDiff ? oldInputs : oldState?.outputs ?? oldInputs, path);
      if (!diff.kind.startsWith("delete")) change.after = valueAt(newInputs, path);
      return change;
    });
  }
  const reasons = group.flatMap((s) => s.diffReasons ?? []);
  const keys = reasons.length > 0 ? reasons : undefined;
  const pick = (inputs: Record<string, unknown>) =>
    keys ? Object.fromEntries(keys.filter((k) => k in inputs).map((k) => [k, inputs[k]])) : inputs;
  return propertyChanges(pick(oldInputs), pick(newInputs), replaceReasons);
}

const PATH_SEGMENT = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g;

/** Pulumi property paths: `grantTypes[1]`, `settings.enroll`, `tags["a.b"]`. */
function segmentsOf(path: string): (string | number)[] {
  return [...path.matchAll(PATH_SEGMENT)].map(([, index, quoted, bare]) =>
    index !== undefined ? Number(index) : quoted !== undefined ? JSON.parse(`"${quoted}"`) : bare,
  );
}

function topKey(path: string): string {
  return String(segmentsOf(path)[0] ?? path);
}

function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const segment of segmentsOf(path)) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}
