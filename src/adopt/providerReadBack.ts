import { ResourceTypeName } from "../okta/resourceTypes";

/**
 * What the Okta provider (terraform-provider-okta, through Pulumi's bridge) reads back from an org's
 * object into each input when `pulumi import` takes it over, and the input's schema default when
 * the program leaves it out. The first `pulumi preview` after an import compares exactly these:
 * a field the provider reads and the program declares differently is an update on the first `up`.
 * Fields the provider never reads back are absent here (they cannot differ, or are ignored by the
 * program's resource options). Read functions answer undefined where the provider leaves the
 * field unset (e.g. `consent_method` when Okta omits it).
 */
export interface ReadBackField {
  input: string;
  read: (object: OktaJson) => unknown;
  /** The provider schema's `Default`, which applies when the program does not set the input. */
  providerDefault?: unknown;
  /** A TypeSet: order does not matter. */
  unordered?: true;
}

export type OktaJson = Record<string, unknown>;

function at(object: unknown, path: string): unknown {
  let value: unknown = object;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const path = (p: string) => (o: OktaJson) => at(o, p);
/** The provider sets the field only when Okta answers a non-empty string. */
const nonEmpty = (p: string) => (o: OktaJson) => {
  const value = at(o, p);
  return typeof value === "string" && value !== "" ? value : undefined;
};
/** Go's zero value when Okta leaves a boolean or number out: the provider stores that. */
const orFalse = (p: string) => (o: OktaJson) => at(o, p) ?? false;

/** resource_okta_app_oauth.go (resourceAppOAuthRead, setOAuthClientSettingsV6) and app.go. */
const OAUTH_APP: ReadBackField[] = [
  { input: "label", read: path("label") },
  { input: "status", read: path("status"), providerDefault: "ACTIVE" },
  { input: "type", read: path("settings.oauthClient.application_type") },
  { input: "grantTypes", read: path("settings.oauthClient.grant_types"), unordered: true },
  { input: "responseTypes", read: path("settings.oauthClient.response_types"), unordered: true },
  { input: "redirectUris", read: path("settings.oauthClient.redirect_uris") },
  { input: "tokenEndpointAuthMethod", read: path("credentials.oauthClient.token_endpoint_auth_method"), providerDefault: "client_secret_basic" },
  { input: "pkceRequired", read: orFalse("credentials.oauthClient.pkce_required") },
  { input: "autoKeyRotation", read: orFalse("credentials.oauthClient.autoKeyRotation"), providerDefault: true },
  { input: "consentMethod", read: nonEmpty("settings.oauthClient.consent_method"), providerDefault: "TRUSTED" },
  { input: "issuerMode", read: path("settings.oauthClient.issuer_mode"), providerDefault: "ORG_URL" },
  { input: "wildcardRedirect", read: path("settings.oauthClient.wildcard_redirect"), providerDefault: "DISABLED" },
  { input: "refreshTokenRotation", read: nonEmpty("settings.oauthClient.refresh_token.rotation_type"), providerDefault: "STATIC" },
  { input: "loginMode", read: nonEmpty("settings.oauthClient.idp_initiated_login.mode"), providerDefault: "DISABLED" },
  { input: "hideIos", read: orFalse("visibility.hide.iOS"), providerDefault: true },
  { input: "hideWeb", read: orFalse("visibility.hide.web"), providerDefault: true },
  { input: "autoSubmitToolbar", read: orFalse("visibility.autoSubmitToolbar"), providerDefault: false },
  { input: "accessibilitySelfService", read: orFalse("accessibility.selfService"), providerDefault: false },
  { input: "userNameTemplate", read: nonEmpty("credentials.userNameTemplate.template"), providerDefault: "${source.login}" },
  {
    input: "userNameTemplateType",
    read: (o) => (nonEmpty("credentials.userNameTemplate.template")(o) === undefined ? undefined : at(o, "credentials.userNameTemplate.type")),
    providerDefault: "BUILT_IN",
  },
];

/** resource_okta_authenticator.go (establishAuthenticator); `name` changes are suppressed by legacy_ignore_name. */
const AUTHENTICATOR: ReadBackField[] = [
  { input: "key", read: path("key") },
  { input: "status", read: path("status"), providerDefault: "ACTIVE" },
];

/** resource_okta_app_signon_policy.go (mapAccessPolicyToState); catch_all is not read (ignored by the program). */
const APP_SIGN_ON_POLICY: ReadBackField[] = [
  { input: "name", read: path("name") },
  { input: "description", read: (o) => at(o, "description") ?? "" },
  { input: "priority", read: path("priority"), providerDefault: 1 },
];

/** resource_okta_app_signon_policy_rule.go (resourceAppSignOnPolicyRuleRead). */
const APP_SIGN_ON_POLICY_RULE: ReadBackField[] = [
  { input: "name", read: path("name") },
  { input: "status", read: path("status"), providerDefault: "ACTIVE" },
  { input: "priority", read: path("priority") },
  { input: "access", read: path("actions.appSignOn.access"), providerDefault: "ALLOW" },
  { input: "type", read: path("actions.appSignOn.verificationMethod.type"), providerDefault: "ASSURANCE" },
  { input: "factorMode", read: (o) => nonEmpty("actions.appSignOn.verificationMethod.factorMode")(o) ?? "2FA", providerDefault: "2FA" },
  { input: "reAuthenticationFrequency", read: path("actions.appSignOn.verificationMethod.reauthenticateIn"), providerDefault: "PT2H" },
  { input: "networkConnection", read: path("conditions.network.connection"), providerDefault: "ANYWHERE" },
];

/** resource_okta_group.go: the profile's name and description. */
const GROUP: ReadBackField[] = [
  { input: "name", read: path("name") },
  { input: "description", read: path("description") },
];

/** resource_okta_policy_sign_on.go / policy.go (syncPolicyFromUpstream). */
const POLICY: ReadBackField[] = [
  { input: "name", read: path("name") },
  { input: "description", read: path("description") },
  { input: "status", read: path("status"), providerDefault: "ACTIVE" },
  { input: "priority", read: path("priority") },
];

/** resource_okta_policy_rule_sign_on.go (resourcePolicySignOnRuleRead) and policy_rule.go. */
const SESSION_RULE: ReadBackField[] = [
  { input: "name", read: path("name") },
  { input: "status", read: path("status"), providerDefault: "ACTIVE" },
  { input: "priority", read: path("priority") },
  { input: "networkConnection", read: path("conditions.network.connection"), providerDefault: "ANYWHERE" },
  { input: "authtype", read: path("conditions.authContext.authType"), providerDefault: "ANY" },
  { input: "identityProvider", read: path("conditions.identityProvider.provider"), providerDefault: "ANY" },
  { input: "access", read: path("actions.signon.access"), providerDefault: "ALLOW" },
  { input: "mfaRequired", read: orFalse("actions.signon.requireFactor"), providerDefault: false },
  { input: "mfaRememberDevice", read: orFalse("actions.signon.rememberDeviceByDefault"), providerDefault: false },
  { input: "sessionIdle", read: path("actions.signon.session.maxSessionIdleMinutes"), providerDefault: 120 },
  { input: "sessionLifetime", read: path("actions.signon.session.maxSessionLifetimeMinutes"), providerDefault: 120 },
  { input: "sessionPersistent", read: orFalse("actions.signon.session.usePersistentCookie"), providerDefault: false },
  { input: "primaryFactor", read: nonEmpty("actions.signon.primaryFactor") },
];

/** resource_okta_auth_server_policy.go. */
const SERVER_POLICY: ReadBackField[] = POLICY;

/** resource_okta_auth_server_policy_rule.go (resourceAuthServerPolicyRuleRead). */
const SERVER_POLICY_RULE: ReadBackField[] = [
  { input: "name", read: path("name") },
  { input: "status", read: path("status"), providerDefault: "ACTIVE" },
  { input: "priority", read: path("priority") },
  { input: "grantTypeWhitelists", read: path("conditions.grantTypes.include"), unordered: true },
  { input: "scopeWhitelists", read: path("conditions.scopes.include"), unordered: true },
  { input: "accessTokenLifetimeMinutes", read: path("actions.token.accessTokenLifetimeMinutes"), providerDefault: 60 },
  { input: "refreshTokenWindowMinutes", read: path("actions.token.refreshTokenWindowMinutes"), providerDefault: 10080 },
];

/** By registry name; types the provider cannot import (the dynamic records) or that hold only ids are absent. */
export const READ_BACK: Partial<Record<ResourceTypeName, readonly ReadBackField[]>> = {
  app: OAUTH_APP,
  authenticator: AUTHENTICATOR,
  appSignOnPolicy: APP_SIGN_ON_POLICY,
  appSignOnPolicyRule: APP_SIGN_ON_POLICY_RULE,
  group: GROUP,
  sessionPolicy: POLICY,
  sessionPolicyRule: SESSION_RULE,
  accessPolicy: SERVER_POLICY,
  accessPolicyRule: SERVER_POLICY_RULE,
};
