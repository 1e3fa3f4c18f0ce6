import { Declaration, DeclaredAuthenticatorSetting, DeclaredObject } from "../okta/declaration";
import { lookedUpUserId, oktaId } from "../okta/ids";
import { generatedPassword } from "../okta/passwords";
import { CREATION_ORDER, LOOKUPS, ResourceTypeName, TOKEN, isOfType } from "../okta/resourceTypes";
import { EnrollSetting, LifecycleStatus } from "../okta/status";
import { newTotpSecret } from "./orgAdministrator";
import { OrgBaseline } from "./baseline";
import {
  AccessPolicy,
  RuleConstraint,
  ClassConstraint,
  Org,
  OrgUser,
  addAuthenticator,
  authenticatorByKey,
  baselineOrg,
  catchAllRule,
} from "./orgModel";

/**
 * The emulator's edge: an org built from what a program declared (an evaluation, placed directly,
 * as if `pulumi up` had run), on top of a baseline org. Nothing else in the emulator knows how a
 * declaration is shaped.
 */
export function declaredOrg(declaration: Declaration, baseline: OrgBaseline, password: string | undefined, now: string): Org {
  const declaredPassword = declaration.secretOutputs.get("testUserPassword");
  const org = baselineOrg(baseline, testUserOf(declaration, password ?? (typeof declaredPassword === "string" ? declaredPassword : undefined), now), now);
  applyDeclaredSetup(org, declaration);
  return org;
}

type Apply = (org: Org, resource: DeclaredObject) => void;

/**
 * How each declared type lands in the org; undefined where the org holds nothing for it (the test
 * user is placed by testUser.ts, a generated password only reaches the org through the user).
 */
const APPLY: Record<ResourceTypeName, Apply | undefined> = {
  user: undefined,
  password: undefined,
  orgSettings: applyAuthenticatorSettings,
  authenticator: applyAuthenticator,
  group: applyGroup,
  groupMemberships: applyGroupMemberships,
  appSignOnPolicy: applyAppSignOnPolicy,
  catchAll: applyCatchAll,
  appSignOnPolicyRule: applyAppSignOnPolicyRule,
  sessionPolicy: applySessionPolicy,
  sessionPolicyRule: applySessionPolicyRule,
  app: applyOAuthApp,
  groupAssignment: applyGroupAssignment,
  accessPolicy: applyAccessPolicy,
  accessPolicyRule: applyAccessPolicyRule,
};

/** In the registry's creation order, the order the engine would create them in; within a type, in registration order. */
export function applyDeclaredSetup(org: Org, declaration: Declaration): void {
  for (const name of CREATION_ORDER) {
    const apply = APPLY[name];
    if (!apply) continue;
    for (const resource of declaration.resources) if (isOfType(resource, name)) apply(org, resource);
  }
}

/** The test user the program created, or the existing one it looked up (id as the offline org gave it). */
export function testUserOf(declaration: Declaration, password: string | undefined, now: string): OrgUser {
  const created = declaration.resources.find((r) => r.type === TOKEN.user);
  const login = String(created?.inputs.login ?? lookedUpLogin(declaration) ?? "");
  if (!login) throw new Error("the declaration has no test user (neither okta.user.User nor okta.user.getUser)");
  const id = created?.id ?? lookedUpUserId(login);
  return {
    id,
    status: "ACTIVE",
    otherProfile: {},
    login,
    email: String(created?.inputs.email ?? login),
    firstName: String(created?.inputs.firstName ?? "Direct"),
    lastName: String(created?.inputs.lastName ?? "Auth Tester"),
    mobilePhone: "+1 555 0100",
    password: password ?? generatedPassword(),
    totpSecret: newTotpSecret(),
    totpFactorId: oktaId("uft", `${id}:google_otp`),
    unenrolled: new Set(),
    created: now,
  };
}

function lookedUpLogin(declaration: Declaration): string | undefined {
  if (typeof declaration.outputs.testUserLogin === "string") return declaration.outputs.testUserLogin;
  const invoke = declaration.invokes.find((i) => i.token === LOOKUPS.user.token);
  return (invoke?.args.searches as { value?: string }[] | undefined)?.[0]?.value;
}

function idOf(resource: DeclaredObject): string {
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
function applyAuthenticator(org: Org, r: DeclaredObject): void {
  const key = text(r.inputs.key);
  const existing = org.authenticators.find((a) => a.key === key || a.name === r.inputs.name);
  const authenticator = existing ?? addAuthenticator(org, key, text(r.inputs.name) || undefined);
  authenticator.id = idOf(r);
  authenticator.status = status(r.inputs.status);
}

const ENROLL_RANK: Record<EnrollSetting, number> = { NOT_ALLOWED: 0, OPTIONAL: 1, REQUIRED: 2 };

/**
 * Does what the provider cannot: activates methods, sets the "Used for" asked (Email for
 * authentication) and raises enrollment per key (never lowers it, as the real resource does),
 * leaving other keys alone.
 */
function applyAuthenticatorSettings(org: Org, r: DeclaredObject): void {
  const settings = Array.isArray(r.inputs.authenticators) ? (r.inputs.authenticators as DeclaredAuthenticatorSetting[]) : [];
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

function applyGroup(org: Org, r: DeclaredObject): void {
  const id = idOf(r);
  org.groups.set(id, { id, name: text(r.inputs.name), userIds: new Set() });
}

function applyGroupMemberships(org: Org, r: DeclaredObject): void {
  const groupId = text(r.inputs.groupId);
  const group = org.groups.get(groupId) ?? { id: groupId, name: groupId, userIds: new Set<string>() };
  org.groups.set(groupId, group);
  for (const userId of texts(r.inputs.users)) group.userIds.add(userId);
}

/** A new policy starts with Okta's catch-all rule only; `catchAll: false` makes it DENY. */
function applyAppSignOnPolicy(org: Org, r: DeclaredObject): void {
  const id = idOf(r);
  const access = r.inputs.catchAll === false ? "DENY" : "ALLOW";
  org.appSignOnPolicies.set(id, { id, name: text(r.inputs.name), rules: [catchAllRule(id, access)] });
}

/** Sets the policy's catch-all access in place, as the record's PUT of the system rule does. */
function applyCatchAll(org: Org, r: DeclaredObject): void {
  const rule = org.appSignOnPolicies.get(text(r.inputs.policyId))?.rules.find((candidate) => candidate.system);
  if (rule) rule.access = r.inputs.access === "DENY" ? "DENY" : "ALLOW";
}

function applyAppSignOnPolicyRule(org: Org, r: DeclaredObject): void {
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
function parseConstraint(json: string): RuleConstraint[] {
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

function applySessionPolicy(org: Org, r: DeclaredObject): void {
  org.sessionPolicies.push({
    id: idOf(r),
    name: text(r.inputs.name),
    priority: priority(r.inputs.priority, 1),
    status: status(r.inputs.status),
    groupsIncluded: texts(r.inputs.groupsIncluded),
    rules: [],
  });
}

/** What every declared rule carries: id, name, priority (after the policy's rules when absent), status. */
function ruleHeader(r: DeclaredObject, nextPriority: number) {
  return { id: idOf(r), name: text(r.inputs.name), priority: priority(r.inputs.priority, nextPriority), status: status(r.inputs.status) };
}

function applySessionPolicyRule(org: Org, r: DeclaredObject): void {
  const policy = org.sessionPolicies.find((p) => p.id === r.inputs.policyId);
  if (!policy) return;
  policy.rules.push({
    ...ruleHeader(r, policy.rules.length + 1),
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
function applyAccessPolicy(org: Org, r: DeclaredObject): void {
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

function applyAccessPolicyRule(org: Org, r: DeclaredObject): void {
  const server = authorizationServer(org, text(r.inputs.authServerId));
  const policy = server.policies.find((p) => p.id === r.inputs.policyId);
  if (!policy) return;
  policy.rules.push({
    ...ruleHeader(r, policy.rules.length + 1),
    grantTypes: texts(r.inputs.grantTypeWhitelists),
    scopes: texts(r.inputs.scopeWhitelists),
    groups: texts(r.inputs.groupWhitelists),
    users: texts(r.inputs.userWhitelists),
  });
}

function applyOAuthApp(org: Org, r: DeclaredObject): void {
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

function applyGroupAssignment(org: Org, r: DeclaredObject): void {
  const app = org.apps.find((a) => a.id === r.inputs.appId);
  const priority = typeof r.inputs.priority === "number" ? r.inputs.priority : undefined;
  app?.groupAssignments.set(text(r.inputs.groupId), { priority, profile: {}, lastUpdated: org.created });
}
