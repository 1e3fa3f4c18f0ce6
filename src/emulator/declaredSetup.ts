import { DeclaredResource, Evaluation } from "../evaluate/evaluateProgram";
import { oktaId } from "../evaluate/oktaIds";
import { SETTINGS_KIND } from "../orgSettings/authenticatorSettingsProvider";
import { checkOktaVerify } from "../orgSettings/oktaVerifyCheck";
import {
  AccessPolicy,
  AuthenticationConstraint,
  ClassConstraint,
  Org,
  addAuthenticator,
  authenticatorByKey,
  catchAllRule,
} from "./orgModel";
import { EnrollSetting, LifecycleStatus } from "./types";

type Apply = (org: Org, resource: DeclaredResource) => void;

/** The project's own dynamic resource for org-wide authenticator settings (docs/okta-emulator.md). */
const DYNAMIC_RESOURCE_TYPE = "pulumi-nodejs:dynamic:Resource";

/**
 * Resources are applied in dependency order (containers before what refers to them), the order the
 * engine would create them in; within a type, in registration order.
 */
const APPLY_IN_ORDER: [string, Apply][] = [
  [DYNAMIC_RESOURCE_TYPE, applyAuthenticatorSettings],
  ["okta:index/authenticator:Authenticator", applyAuthenticator],
  ["okta:group/group:Group", applyGroup],
  ["okta:index/groupMemberships:GroupMemberships", applyGroupMemberships],
  ["okta:index/appSignonPolicy:AppSignonPolicy", applyAppSignOnPolicy],
  ["okta:index/appSignonPolicyRule:AppSignonPolicyRule", applyAppSignOnPolicyRule],
  ["okta:policy/signon:Signon", applySessionPolicy],
  ["okta:policy/ruleSignon:RuleSignon", applySessionPolicyRule],
  ["okta:auth/serverPolicy:ServerPolicy", applyAccessPolicy],
  ["okta:auth/serverPolicyRule:ServerPolicyRule", applyAccessPolicyRule],
  ["okta:app/oAuth:OAuth", applyOAuthApp],
  ["okta:app/groupAssignment:GroupAssignment", applyGroupAssignment],
];

export function applyDeclaredSetup(org: Org, evaluation: Evaluation): void {
  for (const [type, apply] of APPLY_IN_ORDER) {
    for (const resource of evaluation.resources) if (resource.type === type) apply(org, resource);
  }
}

function idOf(resource: DeclaredResource): string {
  return resource.id ?? oktaId("0x", `${resource.type}::${resource.name}`);
}

function text(value: unknown, fallback = ""): string {
  return typeof value === "string" ? value : fallback;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function status(value: unknown): LifecycleStatus {
  return value === "INACTIVE" ? "INACTIVE" : "ACTIVE";
}

function priority(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}

/** The provider adopts an existing authenticator (by key or name) and only flips its status. */
function applyAuthenticator(org: Org, r: DeclaredResource): void {
  const key = text(r.inputs.key);
  const existing = org.authenticators.find((a) => a.key === key || a.name === r.inputs.name);
  const authenticator = existing ?? addAuthenticator(org, key, text(r.inputs.name) || undefined);
  authenticator.id = idOf(r);
  authenticator.status = status(r.inputs.status);
}

interface AuthenticatorSetting {
  key: string;
  methods?: string[];
  enroll?: EnrollSetting;
  allowedFor?: string;
}

const ENROLL_RANK: Record<EnrollSetting, number> = { NOT_ALLOWED: 0, OPTIONAL: 1, REQUIRED: 2 };

/**
 * Does what the provider cannot: activates methods, sets the "Used for" asked (Email for
 * authentication) and raises enrollment per key (never lowers it, as the real resource does),
 * leaving other keys alone.
 */
function applyAuthenticatorSettings(org: Org, r: DeclaredResource): void {
  if (r.inputs.settingsKind !== SETTINGS_KIND) return;
  const settings = Array.isArray(r.inputs.authenticators) ? (r.inputs.authenticators as AuthenticatorSetting[]) : [];
  const configured = r.inputs.oktaVerify === "flexible" ? "flexible" : "classic";
  checkOktaVerify(configured, org.authenticators.map((a) => a.key), settings.map((s) => s.key));
  for (const setting of settings) {
    const authenticator = authenticatorByKey(org, setting.key) ?? addAuthenticator(org, setting.key);
    authenticator.status = "ACTIVE";
    for (const method of setting.methods ?? []) authenticator.methods.set(method, "ACTIVE");
    if (setting.allowedFor) authenticator.settings = { ...authenticator.settings, allowedFor: setting.allowedFor };
    const current = org.enrollment.settings.get(setting.key);
    if (setting.enroll && !(current && ENROLL_RANK[current] >= ENROLL_RANK[setting.enroll])) {
      org.enrollment.settings.set(setting.key, setting.enroll);
    }
  }
}

function applyGroup(org: Org, r: DeclaredResource): void {
  const id = idOf(r);
  org.groups.set(id, { id, name: text(r.inputs.name), userIds: new Set() });
}

function applyGroupMemberships(org: Org, r: DeclaredResource): void {
  const groupId = text(r.inputs.groupId);
  const group = org.groups.get(groupId) ?? { id: groupId, name: groupId, userIds: new Set<string>() };
  org.groups.set(groupId, group);
  for (const userId of texts(r.inputs.users)) group.userIds.add(userId);
}

/** A new policy starts with Okta's catch-all rule only; `catchAll: false` makes it DENY. */
function applyAppSignOnPolicy(org: Org, r: DeclaredResource): void {
  const id = idOf(r);
  const access = r.inputs.catchAll === false ? "DENY" : "ALLOW";
  org.appSignOnPolicies.set(id, { id, name: text(r.inputs.name), rules: [catchAllRule(id, access)] });
}

function applyAppSignOnPolicyRule(org: Org, r: DeclaredResource): void {
  const policy = org.appSignOnPolicies.get(text(r.inputs.policyId));
  if (!policy) return;
  policy.rules.push({
    id: idOf(r),
    name: text(r.inputs.name),
    priority: priority(r.inputs.priority, policy.rules.length),
    status: status(r.inputs.status),
    access: r.inputs.access === "DENY" ? "DENY" : "ALLOW",
    factorMode: r.inputs.factorMode === "1FA" ? "1FA" : "2FA",
    constraints: texts(r.inputs.constraints).flatMap(parseConstraint),
    usersIncluded: texts(r.inputs.usersIncluded),
    usersExcluded: texts(r.inputs.usersExcluded),
    groupsIncluded: texts(r.inputs.groupsIncluded),
    groupsExcluded: texts(r.inputs.groupsExcluded),
  });
}

/**
 * A constraint as it reaches Okta through the provider, which decodes the JSON into a struct and
 * encodes it again: each class's `required` is sent as given, or false when left out (the struct's
 * field has no omitempty). Okta silently ignores what it cannot use; so does the emulator.
 */
function parseConstraint(json: string): AuthenticationConstraint[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== "object") return [];
  const { knowledge, possession } = parsed as Record<"knowledge" | "possession", unknown>;
  return [{ knowledge: classConstraint(knowledge), possession: classConstraint(possession) }];
}

function classConstraint(value: unknown): ClassConstraint | undefined {
  if (!value || typeof value !== "object") return undefined;
  const { types, required } = value as { types?: unknown; required?: unknown };
  return { types: texts(types), required: required === true };
}

function applySessionPolicy(org: Org, r: DeclaredResource): void {
  org.sessionPolicies.push({
    id: idOf(r),
    name: text(r.inputs.name),
    priority: priority(r.inputs.priority, 1),
    status: status(r.inputs.status),
    groupsIncluded: texts(r.inputs.groupsIncluded),
    rules: [],
  });
}

function applySessionPolicyRule(org: Org, r: DeclaredResource): void {
  const policy = org.sessionPolicies.find((p) => p.id === r.inputs.policyId);
  if (!policy) return;
  policy.rules.push({
    id: idOf(r),
    name: text(r.inputs.name),
    priority: priority(r.inputs.priority, policy.rules.length + 1),
    status: status(r.inputs.status),
    access: r.inputs.access === "DENY" ? "DENY" : "ALLOW",
    primaryFactor: text(r.inputs.primaryFactor, "PASSWORD_IDP"),
  });
}

function authorizationServer(org: Org, id: string) {
  let server = org.authorizationServers.get(id);
  if (!server) {
    server = { id, name: id, audience: `api://${id}`, policies: [] };
    org.authorizationServers.set(id, server);
  }
  return server;
}

/** A declared policy goes before an existing one of the same priority, as Okta shifts the others down. */
function applyAccessPolicy(org: Org, r: DeclaredResource): void {
  const server = authorizationServer(org, text(r.inputs.authServerId));
  const policy: AccessPolicy = {
    id: idOf(r),
    name: text(r.inputs.name),
    priority: priority(r.inputs.priority, 1),
    status: status(r.inputs.status),
    clients: texts(r.inputs.clientWhitelists),
    rules: [],
  };
  const before = server.policies.findIndex((p) => p.priority >= policy.priority);
  server.policies.splice(before === -1 ? server.policies.length : before, 0, policy);
}

function applyAccessPolicyRule(org: Org, r: DeclaredResource): void {
  const server = authorizationServer(org, text(r.inputs.authServerId));
  const policy = server.policies.find((p) => p.id === r.inputs.policyId);
  if (!policy) return;
  policy.rules.push({
    id: idOf(r),
    name: text(r.inputs.name),
    priority: priority(r.inputs.priority, policy.rules.length + 1),
    status: status(r.inputs.status),
    grantTypes: texts(r.inputs.grantTypeWhitelists),
    scopes: texts(r.inputs.scopeWhitelists),
    groups: texts(r.inputs.groupWhitelists),
    users: texts(r.inputs.userWhitelists),
  });
}

function applyOAuthApp(org: Org, r: DeclaredResource): void {
  const id = idOf(r);
  org.apps.push({
    id,
    clientId: text(r.state.clientId, id),
    label: text(r.inputs.label),
    grantTypes: r.inputs.grantTypes === undefined ? ["authorization_code"] : texts(r.inputs.grantTypes),
    tokenEndpointAuthMethod: text(r.inputs.tokenEndpointAuthMethod, "client_secret_basic"),
    authenticationPolicyId: text(r.inputs.authenticationPolicy) || undefined,
    status: status(r.inputs.status),
    applicationType: text(r.inputs.type, "native"),
    redirectUris: texts(r.inputs.redirectUris),
    responseTypes: r.inputs.responseTypes === undefined ? ["code"] : texts(r.inputs.responseTypes),
    pkceRequired: r.inputs.pkceRequired === true,
    issuerMode: text(r.inputs.issuerMode, "ORG_URL"),
    groupAssignments: new Map(),
    submitted: {},
    created: org.created,
    lastUpdated: org.created,
  });
}

function applyGroupAssignment(org: Org, r: DeclaredResource): void {
  const app = org.apps.find((a) => a.id === r.inputs.appId);
  const priority = typeof r.inputs.priority === "number" ? r.inputs.priority : undefined;
  app?.groupAssignments.set(text(r.inputs.groupId), { priority, profile: {}, lastUpdated: org.created });
}
