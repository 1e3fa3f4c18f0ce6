import { GRANT } from "../catalogue/grants";
import { OktaVerifyMode, authenticatorKeyIn, oktaVerifyModeOf } from "../catalogue/oktaVerify";
import { VARIANT_IDS, Variant, VariantId, variant } from "../catalogue/variants";
import { OktaApp, OktaRule, OrgSnapshot, PolicyWithRules, accessPolicyIdOf } from "./orgSnapshot";

/** One of the guide's native apps found in the org, with what the program will call it. */
export interface AdoptedApp {
  app: OktaApp;
  variants: VariantId[];
  policy?: PolicyWithRules;
  testUserRule?: OktaRule;
}

/** The stack config adoption writes: the keys of the `okta-direct-auth` namespace. */
export interface AdoptedConfig {
  variants?: VariantId[];
  apps?: { name: string; variants: VariantId[] }[];
  authorizationServer: string;
  testUser: { login: string; create: false; firstName?: string; lastName?: string };
  enrollment: "OPTIONAL" | "REQUIRED";
  catchAll: "DENY" | "ALLOW";
  redirectUri?: string;
  phoneChannels?: ("sms" | "voice")[];
  /** Read from the org: a flexible one lists the per-method Okta Verify authenticators. */
  oktaVerify: OktaVerifyMode;
  /** The names the org's session group and policy and access policy have, kept as they are. */
  names?: { sessionGroup?: string; sessionPolicy?: string; authorizationServerPolicy?: string };
}

export interface Adoption {
  config: AdoptedConfig;
  apps: AdoptedApp[];
  sessionPolicy?: { policy: PolicyWithRules; rule: OktaRule; groupId?: string };
  accessPolicy?: { serverId: string; policy: PolicyWithRules; rule: OktaRule };
  /** Plain sentences: what the org has that the program cannot express, or that `pulumi up` will change. */
  notes: string[];
}

export class AdoptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AdoptionError";
  }
}

const DIRECT_AUTH_GRANTS: string[] = [GRANT.otp, GRANT.oob, GRANT.mfaOtp, GRANT.mfaOob];
const CATCH_ALL_NAME = "Catch-all Rule";
const ANY_FACTOR_SESSION = "PASSWORD_IDP_ANY_FACTOR";

/** Works out the stack config that declares what the org already has, and says plainly what it cannot. */
export function inferSetup(org: OrgSnapshot): Adoption {
  const notes: string[] = [];
  const apps = org.apps
    .filter((app) => app.settings?.oauthClient?.application_type === "native")
    .filter((app) => (app.settings?.oauthClient?.grant_types ?? []).some((g) => DIRECT_AUTH_GRANTS.includes(g)))
    .map((app) => adoptApp(org, app, notes));
  if (apps.length === 0) {
    throw new AdoptionError("the org has no native OIDC app with a Direct Authentication grant (otp, oob, mfa-otp or mfa-oob); nothing to adopt");
  }
  const adopted = apps.filter((a) => a.variants.length > 0);
  if (adopted.length === 0) throw new AdoptionError(`no variant could be inferred: ${notes.join(" ")}`);

  const testUser = inferTestUser(org, adopted, notes);
  const variants = adopted.flatMap((a) => a.variants);
  const config: AdoptedConfig = {
    ...appsConfig(adopted),
    authorizationServer: "org",
    testUser,
    enrollment: inferEnrollment(org, variants, notes),
    catchAll: inferCatchAll(adopted, notes),
    redirectUri: inferRedirectUri(adopted, notes),
    phoneChannels: inferPhoneChannels(org, variants),
    oktaVerify: oktaVerifyOf(org),
  };
  const accessPolicy = findAccessPolicy(org, adopted, notes);
  if (accessPolicy) config.authorizationServer = accessPolicy.serverId;
  const userId = [...org.users.values()].find((u) => u.login === testUser.login)?.id;
  const sessionPolicy = variants.some((v) => variant(v).factorMode === "1FA") ? findSessionPolicy(org, userId, notes) : undefined;
  const names = {
    ...(sessionPolicy?.groupId ? { sessionGroup: org.groups.get(sessionPolicy.groupId)?.name } : {}),
    ...(sessionPolicy ? { sessionPolicy: sessionPolicy.policy.policy.name } : {}),
    ...(accessPolicy ? { authorizationServerPolicy: accessPolicy.policy.policy.name } : {}),
  };
  if (Object.keys(names).length > 0) config.names = names;
  return { config, apps: adopted, sessionPolicy, accessPolicy, notes };
}

function adoptApp(org: OrgSnapshot, app: OktaApp, notes: string[]): AdoptedApp {
  const grants = app.settings?.oauthClient?.grant_types ?? [];
  const policyId = accessPolicyIdOf(app);
  const policy = policyId ? org.accessPolicies.get(policyId) : undefined;
  const ownRules = (policy?.rules ?? []).filter((r) => !r.system && r.name !== CATCH_ALL_NAME);
  const testUserRule = ownRules[0];
  if (ownRules.length > 1) {
    notes.push(`App "${app.label}": its authentication policy has ${ownRules.length} rules besides the catch-all; only "${testUserRule.name}" is adopted, the others are left out of the stack (and \`pulumi up\` leaves them alone).`);
  }
  const ruleMode = testUserRule?.actions?.appSignOn?.verificationMethod?.factorMode;
  const candidates = VARIANT_IDS.map(variant).filter((v) => v.appGrantTypes.every((g) => grants.includes(g)));
  const byMode = ruleMode === "1FA" || ruleMode === "2FA" ? candidates.filter((v) => v.factorMode === ruleMode) : candidates;
  if (byMode.length < candidates.length) {
    notes.push(`App "${app.label}": allows ${candidates.filter((v) => !byMode.includes(v)).map((v) => v.id).join(", ")} too, but its rule is ${ruleMode}; those variants are left out (1FA and MFA cannot share one rule).`);
  }
  const variants = narrowOob(org, app, byMode, notes).map((v) => v.id);
  if (variants.length === 0) notes.push(`App "${app.label}": no variant matches its grants (${grants.join(", ")}); not adopted.`);
  if (app.credentials?.oauthClient?.token_endpoint_auth_method !== "none") {
    notes.push(`App "${app.label}": is a confidential client; the program declares a public client with PKCE, so \`pulumi up\` will change its authentication method.`);
  }
  return { app, variants, policy, testUserRule };
}

/** "Used for" values under which an authenticator signs nobody in (a fresh org's Email: recovery). */
const NOT_FOR_SIGN_IN = ["recovery", "none"];

/**
 * The oob grants serve push, phone and email alike. An app labelled as one of the guide's pages is
 * that variant; otherwise every oob variant whose authenticator method is active in the org and
 * used for authentication (every org has Email, most for recovery only).
 */
function narrowOob(org: OrgSnapshot, app: OktaApp, candidates: Variant[], notes: string[]): Variant[] {
  const labelled = candidates.find((v) => v.appLabel === app.label);
  if (labelled) return candidates.filter((v) => v.flow === labelled.flow ? v === labelled : true);
  const usable = candidates.filter((v) => {
    if (v.channels.length === 0) return true;
    const key = authenticatorKeyIn(oktaVerifyOf(org), v.authenticatorKey);
    const authenticator = org.authenticators.find((a) => a.key === key);
    return (
      authenticator?.status === "ACTIVE" &&
      !NOT_FOR_SIGN_IN.includes(authenticator.allowedFor ?? "") &&
      v.channels.some((c) => authenticator.methods[c] === "ACTIVE")
    );
  });
  const oob = usable.filter((v) => v.channels.length > 0);
  if (oob.length > 1) {
    notes.push(`App "${app.label}": the oob grant serves ${oob.map((v) => v.id).join(", ")} (their authenticators are active); all are adopted, drop any you do not use.`);
  }
  return usable;
}

function oktaVerifyOf(org: OrgSnapshot): OktaVerifyMode {
  return oktaVerifyModeOf(org.authenticators.map((a) => a.key));
}

/** Variants in the catalogue's order, whatever order the org lists their apps in. */
function appsConfig(apps: AdoptedApp[]): Pick<AdoptedConfig, "variants" | "apps"> {
  const inCatalogueOrder = (ids: VariantId[]) => [...ids].sort((a, b) => VARIANT_IDS.indexOf(a) - VARIANT_IDS.indexOf(b));
  const guideNamed = apps.every((a) => a.variants.length === 1 && variant(a.variants[0]).appLabel === a.app.label);
  if (guideNamed) return { variants: inCatalogueOrder(apps.map((a) => a.variants[0])) };
  return { apps: apps.map((a) => ({ name: a.app.label, variants: inCatalogueOrder(a.variants) })) };
}

function inferTestUser(org: OrgSnapshot, apps: AdoptedApp[], notes: string[]): AdoptedConfig["testUser"] {
  const userIds = new Set<string>();
  for (const { app, testUserRule } of apps) {
    if (!testUserRule) {
      notes.push(`App "${app.label}": its authentication policy has no rule of its own; \`pulumi up\` adds the test-user rule.`);
      continue;
    }
    const people = testUserRule.conditions?.people;
    const included = people?.users?.include ?? [];
    if (included.length !== 1 || (people?.groups?.include ?? []).length > 0 || (people?.users?.exclude ?? []).length > 0) {
      notes.push(`App "${app.label}": rule "${testUserRule.name}" names ${included.length} user(s) and ${(people?.groups?.include ?? []).length} group(s); the program's rule names exactly one test user, so \`pulumi up\` will narrow it.`);
    }
    for (const id of included) userIds.add(id);
    const extra = extraConditions(testUserRule);
    if (extra.length > 0) {
      notes.push(`App "${app.label}": rule "${testUserRule.name}" has conditions the program does not express (${extra.join(", ")}); \`pulumi up\` will remove them.`);
    }
  }
  const [first] = [...userIds];
  const user = first ? org.users.get(first) : undefined;
  if (!user) throw new AdoptionError("no test user found: no app's authentication policy rule names a user");
  if (userIds.size > 1) {
    notes.push(`The apps' rules name ${userIds.size} different users; the stack adopts ${user.login} for all of them.`);
  }
  return { login: user.login, create: false, firstName: user.firstName, lastName: user.lastName };
}

/** Conditions besides the people the rule names, ignoring the "anything" values Okta fills in. */
function extraConditions(rule: OktaRule): string[] {
  const isAny: Record<string, (value: unknown) => boolean> = {
    people: () => true,
    network: (v) => (v as { connection?: string }).connection === "ANYWHERE",
    riskScore: (v) => (v as { level?: string }).level === "ANY",
  };
  return Object.entries(rule.conditions ?? {})
    .filter(([key, value]) => !isEmpty(value) && !(isAny[key]?.(value) ?? false))
    .map(([key]) => key);
}

/** `null`, `[]`, `{}` or an object of those: Okta's way of answering "no condition" (`userType: {include: [], exclude: []}`). */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}

function inferEnrollment(org: OrgSnapshot, variants: VariantId[], notes: string[]): "OPTIONAL" | "REQUIRED" {
  const keys = [...new Set(variants.map((v) => authenticatorKeyIn(oktaVerifyOf(org), variant(v).authenticatorKey)))];
  const settings = keys.map((k) => org.enrollment[k] ?? "NOT_ALLOWED");
  for (const [i, key] of keys.entries()) {
    if (settings[i] === "NOT_ALLOWED") notes.push(`Authenticator ${key} cannot be enrolled (NOT_ALLOWED in the default enrollment policy); \`pulumi up\` raises it to OPTIONAL.`);
  }
  return settings.every((s) => s === "REQUIRED") ? "REQUIRED" : "OPTIONAL";
}

function inferCatchAll(apps: AdoptedApp[], notes: string[]): "DENY" | "ALLOW" {
  const accesses = apps.map((a) => a.policy?.rules.find((r) => r.system || r.name === CATCH_ALL_NAME)?.actions?.appSignOn?.access);
  const known = accesses.filter((a): a is string => a === "ALLOW" || a === "DENY");
  if (known.length > 0 && known.every((a) => a === "ALLOW")) return "ALLOW";
  if (known.some((a) => a === "ALLOW")) {
    notes.push("The catch-all rules differ between the apps' policies (some ALLOW, some DENY); the stack adopts DENY, and `pulumi up` will make them all deny.");
  }
  return "DENY";
}

function inferRedirectUri(apps: AdoptedApp[], notes: string[]): string | undefined {
  const uris = [...new Set(apps.flatMap((a) => a.app.settings?.oauthClient?.redirect_uris ?? []))];
  if (uris.length > 1) notes.push(`The apps have ${uris.length} redirect URIs; the stack declares ${uris[0]} for all of them.`);
  return uris[0];
}

function inferPhoneChannels(org: OrgSnapshot, variants: VariantId[]): ("sms" | "voice")[] | undefined {
  if (!variants.some((v) => variant(v).authenticatorKey === "phone_number")) return undefined;
  const phone = org.authenticators.find((a) => a.key === "phone_number");
  const active = (["sms", "voice"] as const).filter((c) => phone?.methods[c] === "ACTIVE");
  return active.length > 0 ? [...active] : ["sms"];
}

/** A custom server's policy that names our apps' clients and has a rule with their direct-auth grants. */
function findAccessPolicy(org: OrgSnapshot, apps: AdoptedApp[], notes: string[]): Adoption["accessPolicy"] {
  const clientIds = apps.map((a) => a.app.credentials?.oauthClient?.client_id ?? a.app.id);
  for (const server of org.authorizationServers) {
    for (const policy of server.policies) {
      const clients = policy.policy.conditions?.clients?.include ?? [];
      if (!clientIds.some((c) => clients.includes(c))) continue;
      const rule = policy.rules.find((r) => (r.conditions?.grantTypes?.include ?? []).some((g) => DIRECT_AUTH_GRANTS.includes(g)));
      if (!rule) continue;
      if (policy.rules.length > 1) notes.push(`Authorization server ${server.name}: policy "${policy.policy.name}" has ${policy.rules.length} rules; only "${rule.name}" is adopted.`);
      return { serverId: server.id, policy, rule };
    }
  }
  return undefined;
}

function findSessionPolicy(org: OrgSnapshot, userId: string | undefined, notes: string[]): Adoption["sessionPolicy"] {
  for (const candidate of org.sessionPolicies) {
    if (candidate.policy.system) continue;
    const rule = candidate.rules.find((r) => r.actions?.signon?.primaryFactor === ANY_FACTOR_SESSION);
    const groupId = (candidate.policy.conditions?.people?.groups?.include ?? []).find((g) => userId && org.groups.get(g)?.members.includes(userId));
    if (rule && groupId) return { policy: candidate, rule, groupId };
  }
  const defaultEdited = org.sessionPolicies.some((p) => p.policy.system && p.rules.some((r) => r.actions?.signon?.primaryFactor === ANY_FACTOR_SESSION));
  notes.push(
    defaultEdited
      ? "The default global session policy's rule lets everyone start a session with any factor (the guide's edit); the program does not touch the org's default policy and `pulumi up` adds a session policy scoped to the test user instead. Undo the default rule's edit by hand once that works."
      : "No global session policy lets the test user start a session with any factor; `pulumi up` adds one scoped to the test user.",
  );
  return undefined;
}
