import { DeclaredResource, Evaluation } from "../evaluate/evaluateProgram";
import { EVERYONE_GROUP_ID } from "../okta/ids";
import { ResourceTypeName, isOfType } from "../okta/resourceTypes";
import { Adoption } from "./inferSetup";
import { OrgSnapshot } from "./orgSnapshot";

/** One entry of `pulumi import --file`; `name` is the file's own key, `logicalName` the program's name. */
export interface ImportEntry {
  type: string;
  name: string;
  logicalName: string;
  id?: string;
  component?: true;
  parent?: string;
}

export interface ImportPlan {
  document: { resources: ImportEntry[] };
  /**
   * Declared resources the org has no object for, and the org-settings resource (a dynamic
   * provider cannot be imported): the first `pulumi up` creates them.
   */
  toCreate: DeclaredResource[];
  /** The org's id of the object each imported resource takes over. */
  orgIds: Map<DeclaredResource, string>;
}

/**
 * Pairs each resource the program declares for the adopted config with the org's object, by what
 * the program derives it from (app label, the app's policy, authenticator key, ...), and writes the
 * import ids in the Okta provider's formats (`policyId/ruleId`, `appId/groupId`, ...).
 */
export function importPlan(adoption: Adoption, org: OrgSnapshot, evaluation: Evaluation): ImportPlan {
  const realIds = new Map<string, string>();
  const everyone = [...org.groups.values()].find((g) => g.type === "BUILT_IN" && g.name === "Everyone");
  if (everyone) realIds.set(EVERYONE_GROUP_ID, everyone.id);

  const byType = (name: ResourceTypeName) => evaluation.resources.filter((r) => isOfType(r, name));
  const importIds = new Map<DeclaredResource, string>();
  const orgIds = new Map<DeclaredResource, string>();
  const match = (resource: DeclaredResource, realId: string | undefined, importId: string | undefined = realId) => {
    if (!realId || !importId) return;
    if (resource.id) realIds.set(resource.id, realId);
    importIds.set(resource, importId);
    orgIds.set(resource, realId);
  };

  for (const r of byType("app")) {
    const adopted = adoption.apps.find((a) => a.app.label === r.inputs.label);
    match(r, adopted?.app.id);
    if (adopted?.policy && typeof r.inputs.authenticationPolicy === "string") {
      realIds.set(r.inputs.authenticationPolicy, adopted.policy.policy.id);
    }
  }
  for (const r of byType("appSignOnPolicy")) match(r, real(realIds, r.id));
  for (const r of byType("appSignOnPolicyRule")) {
    const policyId = real(realIds, r.inputs.policyId);
    const rule = adoption.apps.find((a) => a.policy?.policy.id === policyId)?.testUserRule;
    match(r, rule?.id, rule && `${policyId}/${rule.id}`);
  }
  for (const r of byType("groupAssignment")) {
    const appId = real(realIds, r.inputs.appId);
    const groupId = real(realIds, r.inputs.groupId);
    const assigned = appId && groupId && org.appGroups.get(appId)?.includes(groupId);
    match(r, assigned ? `${appId}/${groupId}` : undefined);
  }
  for (const r of byType("authenticator")) {
    match(r, org.authenticators.find((a) => a.key === r.inputs.key)?.id);
  }
  const session = adoption.sessionPolicy;
  if (session) {
    for (const r of byType("group")) match(r, session.groupId);
    for (const r of byType("groupMemberships")) match(r, session.groupId);
    for (const r of byType("sessionPolicy")) match(r, session.policy.policy.id);
    for (const r of byType("sessionPolicyRule")) match(r, session.rule.id, `${session.policy.policy.id}/${session.rule.id}`);
  }
  const access = adoption.accessPolicy;
  if (access) {
    for (const r of byType("accessPolicy")) match(r, access.policy.policy.id, `${access.serverId}/${access.policy.policy.id}`);
    for (const r of byType("accessPolicyRule")) {
      match(r, access.rule.id, `${access.serverId}/${access.policy.policy.id}/${access.rule.id}`);
    }
  }

  const keyOf = (r: DeclaredResource) => `${r.type}::${r.name}`;
  const resources: ImportEntry[] = [];
  const toCreate: DeclaredResource[] = [];
  for (const r of evaluation.resources) {
    const parent = parentOf(r, evaluation.resources);
    const entry: ImportEntry = { type: r.type, name: keyOf(r), logicalName: r.name, ...(parent ? { parent: keyOf(parent) } : {}) };
    if (!r.custom) resources.push({ ...entry, component: true });
    else if (importIds.has(r)) resources.push({ ...entry, id: importIds.get(r) });
    else toCreate.push(r);
  }
  return { document: { resources }, toCreate, orgIds };
}

function real(realIds: Map<string, string>, declared: unknown): string | undefined {
  return typeof declared === "string" ? realIds.get(declared) : undefined;
}

/** The component the program registered `resource` under (none for one under the stack). */
export function parentOf(resource: DeclaredResource, all: readonly DeclaredResource[]): DeclaredResource | undefined {
  const parentUrn = resource.options?.parentUrn;
  return parentUrn ? all.find((p) => p.urn === parentUrn) : undefined;
}
