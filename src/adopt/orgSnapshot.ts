import { defaultEnrollmentPolicy } from "../orgSettings/authenticatorSettings";
import { OktaManagementClient } from "../orgSettings/managementClient";
import { EnrollSetting, LifecycleStatus } from "../orgSettings/oktaShapes";

/** The parts of Okta's objects adoption reads, as the management API returns them. */
export interface OktaApp {
  id: string;
  label: string;
  status: string;
  name: string;
  credentials?: { oauthClient?: { client_id?: string; token_endpoint_auth_method?: string; pkce_required?: boolean } };
  settings?: { oauthClient?: { application_type?: string; grant_types?: string[]; redirect_uris?: string[] } };
  _links?: { accessPolicy?: { href?: string } };
}

export interface OktaPolicy {
  id: string;
  name: string;
  type: string;
  status: string;
  priority?: number;
  system?: boolean;
  conditions?: { people?: { groups?: { include?: string[] } }; clients?: { include?: string[] } } | null;
}

export interface OktaRule {
  id: string;
  name: string;
  status: string;
  priority?: number;
  system?: boolean;
  conditions?: {
    people?: { users?: { include?: string[]; exclude?: string[] }; groups?: { include?: string[]; exclude?: string[] } };
    grantTypes?: { include?: string[] };
    scopes?: { include?: string[] };
    [other: string]: unknown;
  } | null;
  actions?: {
    appSignOn?: { access?: string; verificationMethod?: { factorMode?: string; constraints?: unknown[] } };
    signon?: { access?: string; primaryFactor?: string; requireFactor?: boolean };
    [other: string]: unknown;
  };
}

export interface PolicyWithRules {
  policy: OktaPolicy;
  rules: OktaRule[];
}

export interface OrgSnapshot {
  /** OIDC apps (any type; inference picks the direct-auth ones). */
  apps: OktaApp[];
  /** Group ids assigned to each app. */
  appGroups: Map<string, string[]>;
  /** Authentication policies by id, with their rules. */
  accessPolicies: Map<string, PolicyWithRules>;
  sessionPolicies: PolicyWithRules[];
  authenticators: {
    id: string;
    key: string;
    name: string;
    status: LifecycleStatus;
    methods: Record<string, LifecycleStatus>;
    /** `settings.allowedFor` ("Used for"), where the key has one. */
    allowedFor?: string;
  }[];
  enrollment: Record<string, EnrollSetting>;
  authorizationServers: { id: string; name: string; policies: PolicyWithRules[] }[];
  users: Map<string, { id: string; login: string; firstName?: string; lastName?: string }>;
  groups: Map<string, OktaGroup>;
}

export interface OktaGroup {
  id: string;
  name: string;
  description?: string;
  type: string;
  members: string[];
}

const POLICY_ID_IN_HREF = /\/policies\/([^/?#]+)/;

export function accessPolicyIdOf(app: OktaApp): string | undefined {
  return POLICY_ID_IN_HREF.exec(app._links?.accessPolicy?.href ?? "")?.[1];
}

/** Reads everything the guide's setup can consist of; GET requests only, so the org is never changed. */
export async function readOrgSnapshot(client: OktaManagementClient): Promise<OrgSnapshot> {
  const apps = await client.getAll<OktaApp>(`/api/v1/apps?limit=200&filter=${encodeURIComponent('name eq "oidc_client"')}`);
  const appGroups = new Map<string, string[]>();
  const accessPolicies = new Map<string, PolicyWithRules>();
  for (const app of apps) {
    appGroups.set(app.id, (await client.getAll<{ id: string }>(`/api/v1/apps/${app.id}/groups`)).map((g) => g.id));
    const policyId = accessPolicyIdOf(app);
    if (policyId && !accessPolicies.has(policyId)) {
      accessPolicies.set(policyId, await withRules(client, `/api/v1/policies/${policyId}`));
    }
  }

  const sessionPolicies: PolicyWithRules[] = [];
  for (const policy of await client.getAll<OktaPolicy>("/api/v1/policies?type=OKTA_SIGN_ON")) {
    sessionPolicies.push({ policy, rules: await client.getAll<OktaRule>(`/api/v1/policies/${policy.id}/rules`) });
  }

  const authenticators: OrgSnapshot["authenticators"] = [];
  type ListedAuthenticator = { id: string; key: string; name: string; status: LifecycleStatus; settings?: { allowedFor?: string } };
  for (const { settings, ...a } of await client.getAll<ListedAuthenticator>("/api/v1/authenticators")) {
    const methods = await client.getAll<{ type: string; status: LifecycleStatus }>(`/api/v1/authenticators/${a.id}/methods`);
    authenticators.push({
      ...a,
      methods: Object.fromEntries(methods.map((m) => [m.type, m.status])),
      ...(settings?.allowedFor ? { allowedFor: settings.allowedFor } : {}),
    });
  }
  const enrollmentPolicy = await defaultEnrollmentPolicy(client);
  const enrollment = Object.fromEntries(
    (enrollmentPolicy.settings.authenticators ?? []).map((entry) => [entry.key, entry.enroll.self]),
  ) as Record<string, EnrollSetting>;

  const authorizationServers: OrgSnapshot["authorizationServers"] = [];
  for (const server of await client.getAll<{ id: string; name: string }>("/api/v1/authorizationServers")) {
    const policies: PolicyWithRules[] = [];
    for (const policy of await client.getAll<OktaPolicy>(`/api/v1/authorizationServers/${server.id}/policies`)) {
      policies.push({ policy, rules: await client.getAll<OktaRule>(`/api/v1/authorizationServers/${server.id}/policies/${policy.id}/rules`) });
    }
    authorizationServers.push({ id: server.id, name: server.name, policies });
  }

  const users = new Map<string, { id: string; login: string; firstName?: string; lastName?: string }>();
  const groups = new Map<string, OktaGroup>();
  const referencedUsers = new Set<string>();
  const referencedGroups = new Set<string>();
  for (const { rules } of [...accessPolicies.values(), ...sessionPolicies]) {
    for (const rule of rules) {
      for (const id of rule.conditions?.people?.users?.include ?? []) referencedUsers.add(id);
      for (const id of rule.conditions?.people?.groups?.include ?? []) referencedGroups.add(id);
    }
  }
  for (const { policy } of sessionPolicies) for (const id of policy.conditions?.people?.groups?.include ?? []) referencedGroups.add(id);
  for (const ids of appGroups.values()) for (const id of ids) referencedGroups.add(id);
  for (const id of referencedGroups) {
    const group = await client.get<{ id: string; type: string; profile: { name: string; description?: string } }>(`/api/v1/groups/${id}`);
    const members = group.type === "BUILT_IN" ? [] : (await client.getAll<{ id: string }>(`/api/v1/groups/${id}/users`)).map((u) => u.id);
    groups.set(id, { id, name: group.profile.name, description: group.profile.description, type: group.type, members });
    for (const member of members) referencedUsers.add(member);
  }
  for (const id of referencedUsers) {
    const user = await client.get<{ id: string; profile: { login: string; firstName?: string; lastName?: string } }>(`/api/v1/users/${id}`);
    users.set(id, { id, login: user.profile.login, firstName: user.profile.firstName, lastName: user.profile.lastName });
  }
  return { apps, appGroups, accessPolicies, sessionPolicies, authenticators, enrollment, authorizationServers, users, groups };
}

async function withRules(client: OktaManagementClient, policyPath: string): Promise<PolicyWithRules> {
  return { policy: await client.get<OktaPolicy>(policyPath), rules: await client.getAll<OktaRule>(`${policyPath}/rules`) };
}
