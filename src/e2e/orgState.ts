import { OktaManagementClient } from "../orgSettings/managementClient";
import { OrgState } from "./orgComparison";

interface Named {
  id: string;
  name?: string;
  label?: string;
  status?: string;
}

const POLICY_TYPES = ["ACCESS_POLICY", "OKTA_SIGN_ON", "MFA_ENROLL", "PASSWORD", "PROFILE_ENROLLMENT"];

/**
 * What the org holds that a stack may touch, read through the management API (GETs only): apps,
 * policies of each type with their rules, groups, users, authorization servers with their policies
 * and rules, authenticators with their methods and "Used for", and the enrollment settings.
 */
export async function readOrgState(client: OktaManagementClient): Promise<OrgState> {
  const snapshot: OrgState = new Map();
  for (const app of await client.getAll<Named>("/api/v1/apps")) snapshot.set(`app ${JSON.stringify(app.label)}`, String(app.status));
  for (const group of await client.getAll<Named & { profile: { name: string } }>("/api/v1/groups")) {
    snapshot.set(`group ${JSON.stringify(group.profile.name)}`, "present");
  }
  for (const user of await client.getAll<Named & { profile: { login: string } }>("/api/v1/users")) {
    snapshot.set(`user ${user.profile.login}`, String(user.status));
  }
  for (const type of POLICY_TYPES) {
    for (const policy of await client.getAll<Named & { settings?: { authenticators?: { key: string; enroll?: { self?: string } }[] } }>(
      `/api/v1/policies?type=${type}`,
    )) {
      const prefix = `policy ${type} ${JSON.stringify(policy.name)}`;
      snapshot.set(prefix, String(policy.status));
      if (type === "MFA_ENROLL" && (policy as { system?: boolean }).system) {
        for (const entry of policy.settings?.authenticators ?? []) snapshot.set(`enrollment ${entry.key}`, String(entry.enroll?.self));
      }
      if (type === "MFA_ENROLL" || type === "PASSWORD" || type === "PROFILE_ENROLLMENT") continue;
      for (const rule of await client.getAll<Named>(`/api/v1/policies/${policy.id}/rules`)) {
        snapshot.set(`${prefix} rule ${JSON.stringify(rule.name)}`, String(rule.status));
      }
    }
  }
  for (const server of await client.getAll<Named>("/api/v1/authorizationServers")) {
    const prefix = `authorization server ${JSON.stringify(server.name)}`;
    snapshot.set(prefix, String(server.status));
    for (const policy of await client.getAll<Named>(`/api/v1/authorizationServers/${server.id}/policies`)) {
      snapshot.set(`${prefix} policy ${JSON.stringify(policy.name)}`, String(policy.status));
      for (const rule of await client.getAll<Named>(`/api/v1/authorizationServers/${server.id}/policies/${policy.id}/rules`)) {
        snapshot.set(`${prefix} policy ${JSON.stringify(policy.name)} rule ${JSON.stringify(rule.name)}`, String(rule.status));
      }
    }
  }
  for (const authenticator of await client.getAll<Named & { key: string; settings?: { allowedFor?: string } }>("/api/v1/authenticators")) {
    snapshot.set(`authenticator ${authenticator.key}`, String(authenticator.status));
    if (authenticator.settings?.allowedFor) snapshot.set(`authenticator ${authenticator.key} allowedFor`, authenticator.settings.allowedFor);
    for (const method of await client.getAll<{ type: string; status: string }>(`/api/v1/authenticators/${authenticator.id}/methods`)) {
      snapshot.set(`authenticator ${authenticator.key} method ${method.type}`, method.status);
    }
  }
  return snapshot;
}
