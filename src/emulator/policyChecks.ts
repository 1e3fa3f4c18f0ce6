import { GRANT } from "../catalogue/grants";
import { EVERYONE_GROUP_ID } from "../okta/ids";
import { OAuthError } from "./errors";
import { FactorKind, factorAuthenticator, factorClass } from "./factors";
import {
  ALL_CLIENTS,
  AppSignOnPolicy,
  AppSignOnRule,
  RuleConstraint,
  EVERYONE_KEYWORD,
  OAuthApp,
  Org,
  OrgUser,
  SessionPolicy,
  SessionRule,
  authenticatorByKey,
  byPriority,
  enrollmentOf,
  groupIdsOf,
  peopleConditionMatches,
} from "./orgModel";
import { ServerRef } from "./state";

/**
 * One function per rule of the guide's setup (docs/direct-auth-reference.md#setup-steps) that a
 * request can break, each answering Okta's error for it (docs/direct-auth-reference.md#errors) or
 * undefined when the rule holds, in Okta's exact words: Okta does not say which policy or setting
 * refused, so neither does the emulator. A client that needs to know reads the org (the smoke
 * check's policy evidence).
 */

const POLICY_EVALUATION_FAILED = "Policy evaluation failed for this request, please check the policy configurations.";

/** Grants Okta's token endpoint knows; anything else means a wrong server or a Classic org. */
const KNOWN_GRANT_TYPES = new Set<string>([
  ...Object.values(GRANT),
  "client_credentials",
  "implicit",
  "urn:ietf:params:oauth:grant-type:device_code",
  "urn:ietf:params:oauth:grant-type:token-exchange",
  "urn:ietf:params:oauth:grant-type:jwt-bearer",
  "urn:ietf:params:oauth:grant-type:saml2-bearer",
  "interaction_code",
]);

export function raise(problem: OAuthError | undefined): void {
  if (problem) throw problem;
}

/** Direct Authentication exists on this server (Identity Engine, right issuer). */
export function grantTypeKnown(grantType: string): OAuthError | undefined {
  if (KNOWN_GRANT_TYPES.has(grantType)) return undefined;
  return new OAuthError(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
}

/** Guide step "Set up your app": the grant is ticked on the app integration. */
export function grantEnabledOnApp(app: OAuthApp, grantType: string): OAuthError | undefined {
  if (app.grantTypes.includes(grantType)) return undefined;
  return new OAuthError(
    400,
    "unauthorized_client",
    `The client is not authorized to use the provided grant type. Configured grant types: [${app.grantTypes.join(", ")}].`,
  );
}

/** Guide step "Set up your app": "Allow everyone in your organization to access" (Everyone assignment). */
export function userAssignedToApp(org: Org, app: OAuthApp, user: OrgUser): OAuthError | undefined {
  const groups = groupIdsOf(org, user.id);
  if ([...app.groupAssignments.keys()].some((g) => groups.has(g))) return undefined;
  return new OAuthError(400, "access_denied", "User is not assigned to the client application.");
}

/**
 * Guide step "Set up your authorization server", custom servers only (Identity Engine configures
 * the org server itself): the first policy assigned to the client must have a rule allowing the
 * grant, the user and the scopes.
 */
export function accessPolicyAllows(
  org: Org,
  server: ServerRef,
  app: OAuthApp,
  user: OrgUser,
  grantType: string,
  scopes?: readonly string[],
): OAuthError | undefined {
  if (!server.custom) return undefined;
  const policy = byPriority(server.custom.policies).find(
    (p) => p.status === "ACTIVE" && (p.clients.includes(ALL_CLIENTS) || p.clients.includes(app.clientId)),
  );
  const groups = groupIdsOf(org, user.id);
  const rule = policy
    ? byPriority(policy.rules).find(
        (r) =>
          r.status === "ACTIVE" &&
          r.grantTypes.includes(grantType) &&
          (r.users.includes(user.id) ||
            r.groups.some((g) => g === EVERYONE_KEYWORD || g === EVERYONE_GROUP_ID || groups.has(g))) &&
          (scopes ?? []).every((s) => r.scopes.includes("*") || r.scopes.includes(s)),
      )
    : undefined;
  return rule ? undefined : policyDenied();
}

/**
 * Global session policy, primary-factor flows only: the first policy covering the user must let a
 * session start with a factor other than the password (PASSWORD_IDP_ANY_FACTOR).
 */
export function sessionPolicyAllows(org: Org, user: OrgUser, primaryFactor: FactorKind): OAuthError | undefined {
  const rule = matchingSessionRule(org, user)?.rule;
  if (!rule || rule.access === "DENY") return policyDenied();
  if (primaryFactor !== "password" && rule.primaryFactor !== "PASSWORD_IDP_ANY_FACTOR") return policyDenied();
  return undefined;
}

/**
 * The global session policy and rule Okta applies to the user: the first ACTIVE policy (by
 * priority) whose groups hold the user and that has an ACTIVE rule, and that rule. The flows and
 * the policy simulation both read it from here.
 */
export function matchingSessionRule(org: Org, user: OrgUser): { policy: SessionPolicy; rule: SessionRule } | undefined {
  const groups = groupIdsOf(org, user.id);
  for (const policy of byPriority(org.sessionPolicies)) {
    if (policy.status !== "ACTIVE") continue;
    if (policy.groupsIncluded.length > 0 && !policy.groupsIncluded.some((g) => groups.has(g))) continue;
    const rule = byPriority(policy.rules).find((r) => r.status === "ACTIVE");
    if (rule) return { policy, rule };
  }
  return undefined;
}

function policyDenied(): OAuthError {
  return new OAuthError(403, "access_denied", POLICY_EVALUATION_FAILED);
}

/** The app's authentication policy; an app without one uses the org's default policy. */
export function appSignOnPolicyOf(org: Org, app: OAuthApp): AppSignOnPolicy {
  return (app.authenticationPolicyId && org.appSignOnPolicies.get(app.authenticationPolicyId)) || org.defaultAppSignOnPolicy;
}

export function matchingAppSignOnRule(org: Org, app: OAuthApp, user: OrgUser): AppSignOnRule | undefined {
  return byPriority(appSignOnPolicyOf(org, app).rules).find(
    (r) => r.status === "ACTIVE" && peopleConditionMatches(org, r, user.id),
  );
}

/** Guide step "Set up the authentication policy": a rule of the app's policy lets the test user in. */
export function appSignOnPolicyAllows(org: Org, app: OAuthApp, user: OrgUser): OAuthError | undefined {
  return matchingAppSignOnRule(org, app, user)?.access === "ALLOW" ? undefined : policyDenied();
}

/**
 * Guide step "Enable authenticators": the authenticator and the method the factor needs are
 * ACTIVE, enrollment is allowed, and the user is enrolled.
 */
export function authenticatorUsable(org: Org, user: OrgUser, factor: FactorKind): OAuthError | undefined {
  const { key, method } = factorAuthenticator(org, factor);
  const authenticator = authenticatorByKey(org, key);
  const usable =
    authenticator?.status === "ACTIVE" &&
    authenticator.methods.get(method) === "ACTIVE" &&
    enrollmentOf(org, key, user.id) !== "NOT_ALLOWED" &&
    !user.unenrolled.has(key);
  return usable ? undefined : AUTHENTICATOR_UNUSABLE();
}

/** Okta's words for an authenticator that is inactive, not enrollable, or not enrolled; it never says which. */
export const AUTHENTICATOR_UNUSABLE = () => new OAuthError(403, "access_denied", "The required authenticator cannot be used for this request.");

/** "Any 1 factor type" (1FA) or two factor types (2FA), plus the rule's constraints. */
export function policySatisfied(rule: AppSignOnRule, factors: readonly FactorKind[]): boolean {
  const kinds = new Set(factors.map((f) => factorClass(f).kind));
  const enough = rule.factorMode === "1FA" ? factors.length >= 1 : kinds.size >= 2;
  return enough && (rule.constraints.length === 0 || rule.constraints.some((c) => constraintMet(c, factors)));
}

/** Only a class marked required must be among the factors: `required: false` does not force it. */
function constraintMet(constraint: RuleConstraint, factors: readonly FactorKind[]): boolean {
  const met = (kind: "knowledge" | "possession") => {
    const demand = constraint[kind];
    if (!demand?.required) return true;
    return factors.some((f) => factorClass(f).kind === kind && (!demand.types?.length || demand.types.includes(factorClass(f).type)));
  };
  return met("knowledge") && met("possession");
}

/**
 * When the policy wants another factor, the client must be allowed an MFA grant to give it
 * (and, if it said which grants it supports, one of those).
 */
export function mfaGrantAvailable(app: OAuthApp, grantTypesSupported?: readonly string[]): OAuthError | undefined {
  const usable = [GRANT.mfaOtp, GRANT.mfaOob].filter(
    (g) => app.grantTypes.includes(g) && (!grantTypesSupported || grantTypesSupported.includes(g)),
  );
  if (usable.length > 0) return undefined;
  return new OAuthError(403, "access_denied", "The policy requires an additional factor, but the client cannot use a grant type to provide it.");
}
