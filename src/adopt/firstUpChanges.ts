import { DeclaredResource, SECRET_MASK } from "../evaluate/evaluateProgram";
import { ResourceTypeName, isOfType } from "../okta/resourceTypes";
import { OktaJson, READ_BACK } from "./providerReadBack";
import { OrgSnapshot } from "./orgSnapshot";

/** One input the first `pulumi up` after the import changes, because the org has it otherwise. */
export interface FirstUpChange {
  type: string;
  /** The program's resource name. */
  resource: string;
  /** The object's name in the Admin Console. */
  object: string;
  input: string;
  org: unknown;
  declared: unknown;
}

/**
 * Compares each imported object as the provider reads it back with what the program declares for
 * it (provider defaults included): exactly the updates the first `pulumi preview` shows.
 */
export function firstUpChanges(org: OrgSnapshot, orgIds: ReadonlyMap<DeclaredResource, string>): FirstUpChange[] {
  const changes: FirstUpChange[] = [];
  for (const [resource, orgId] of orgIds) {
    const name = (Object.keys(READ_BACK) as ResourceTypeName[]).find((n) => isOfType(resource, n));
    const fields = name && READ_BACK[name];
    const object = name && fields && orgObject(org, name, orgId);
    if (!fields || !object) continue;
    for (const field of fields) {
      const declared = resource.inputs[field.input] ?? field.providerDefault;
      const read = field.read(object);
      if (declared === undefined || declared === SECRET_MASK || read === undefined) continue;
      if (same(read, declared, field.unordered === true)) continue;
      changes.push({ type: resource.type, resource: resource.name, object: nameOf(object), input: field.input, org: read, declared });
    }
  }
  return changes;
}

export function describeFirstUpChange(change: FirstUpChange): string {
  return `"${change.object}": ${change.input} ${JSON.stringify(change.org)} → ${JSON.stringify(change.declared)}`;
}

function same(read: unknown, declared: unknown, unordered: boolean): boolean {
  const normal = (value: unknown) => (unordered && Array.isArray(value) ? [...value].map(String).sort() : value);
  return JSON.stringify(normal(read)) === JSON.stringify(normal(declared));
}

function nameOf(object: OktaJson): string {
  for (const key of ["label", "name", "key"]) if (typeof object[key] === "string") return object[key] as string;
  return String(object.id);
}

/** The org's object of that type and id, as the management API answered it. */
function orgObject(org: OrgSnapshot, type: ResourceTypeName, id: string): OktaJson | undefined {
  const policies = [...org.accessPolicies.values()];
  const serverPolicies = org.authorizationServers.flatMap((s) => s.policies);
  const json = (value: unknown) => value as OktaJson | undefined;
  switch (type) {
    case "app":
      return json(org.apps.find((a) => a.id === id));
    case "authenticator":
      return json(org.authenticators.find((a) => a.id === id));
    case "appSignOnPolicy":
      return json(org.accessPolicies.get(id)?.policy);
    case "appSignOnPolicyRule":
      return json(policies.flatMap((p) => p.rules).find((r) => r.id === id));
    case "group":
      return json(org.groups.get(id));
    case "sessionPolicy":
      return json(org.sessionPolicies.find((p) => p.policy.id === id)?.policy);
    case "sessionPolicyRule":
      return json(org.sessionPolicies.flatMap((p) => p.rules).find((r) => r.id === id));
    case "accessPolicy":
      return json(serverPolicies.find((p) => p.policy.id === id)?.policy);
    case "accessPolicyRule":
      return json(serverPolicies.flatMap((p) => p.rules).find((r) => r.id === id));
    default:
      return undefined;
  }
}
