import { oktaId } from "../okta/ids";
import { AuthServerClaim, AuthServerScope, CustomAuthorizationServer } from "./orgModel";

/**
 * What Okta puts in every custom authorization server, as recorded against real orgs
 * (terraform-provider-okta cassettes TestAccDataSourceOktaAuthServerScopes_read for the `default`
 * server's scopes, TestAccDataSourceOktaAuthServerClaim_read for a new server's claims): the OIDC
 * scopes and claims, all `system`, and on `default` the MyAccount API scopes as well.
 */

type ScopeText = readonly [name: string, displayName: string, description: string];

const OIDC_SCOPES: readonly ScopeText[] = [
  ["openid", "openid", "Signals that a request is an OpenID request."],
  ["profile", "View your profile information.", "The exact data varies based on what profile information you have provided, such as: name, time zone, picture, or birthday."],
  ["email", "View your email address.", "This allows the app to view your email address."],
  ["address", "View your address.", "This allows the app to view your address, such as: street address, city, state, and zip code."],
  ["phone", "View your phone number.", "This allows the app to view your phone number."],
  ["offline_access", "Keep you signed in to the app.", "This keeps you signed in to the app, even when you are not using it."],
  ["device_sso", "Request device secret.", "This allows you to single sign on between native client applications on your device."],
];

/** Listed before the OIDC scopes on `default`, not `system` although nobody created them. */
const MY_ACCOUNT_SCOPES: readonly ScopeText[] = [
  ["okta.myAccount.appAuthenticator.maintenance.manage", "Manage non-sensitive attributes of my account app authenticator enrollment", "Allows the end user to manage non-sensitive attributes of their app authenticator enrollment."],
  ["okta.myAccount.appAuthenticator.maintenance.read", "Read non-sensitive attributes of my account app authenticator enrollment", "Allows the end user to read non-sensitive attributes of their app authenticator enrollment."],
  ["okta.myAccount.appAuthenticator.manage", "Manage my account app authenticator enrollment", "Allows the end user to manage their app authenticator enrollment."],
  ["okta.myAccount.appAuthenticator.read", "Read my account app authenticator enrollment", "Allows the end user to read their app authenticator enrollment."],
  ["okta.myAccount.authenticators.manage", "Manage my account authenticator enrollments", "Allows the end user to manage their account authenticator enrollments."],
  ["okta.myAccount.authenticators.read", "Read my account authenticator enrollments", "Allows the end user to read their account authenticator enrollments."],
  ["okta.myAccount.customAuthenticator.manage", "Manage my account custom authenticator", "Allows the end user to manage their custom authenticators."],
  ["okta.myAccount.customAuthenticator.read", "Read my account custom authenticator", "Allows the end user to read their custom authenticators."],
  ["okta.myAccount.email.manage", "Manage my account email ", "Allows the end user to manage their email addresses."],
  ["okta.myAccount.email.read", "Read my account email", "Allows the end user to read their email addresses."],
  ["okta.myAccount.manage", "Manage my account", "Allows the end user to manage their account profile, email addresses, and phone numbers."],
  ["okta.myAccount.oktaApplications.read", "Read my Okta applications", "Allows the end user to read their Okta applications information."],
  ["okta.myAccount.organization.read", "Read my account org details", "Allows the end user to read their account org details information."],
  ["okta.myAccount.password.manage", "Manage my account password", "Allows the end user to manage their account password."],
  ["okta.myAccount.password.read", "Read my account password enrollment", "Allows the end user to read their account password enrollment."],
  ["okta.myAccount.phone.manage", "Manage my account phone number", "Allows the end user to manage their phone numbers."],
  ["okta.myAccount.phone.read", "Read my account phone number", "Allows the end user to read their phone numbers."],
  ["okta.myAccount.profile.manage", "Manage my account profile", "Allows the end user to manage their account profile."],
  ["okta.myAccount.profile.read", "Read my account profile", "Allows the end user to read their account profile."],
  ["okta.myAccount.read", "Read my account", "Allows the end user to read their account profile, email addresses, and phone numbers."],
];

/** The OIDC claims by the scope that brings each in; `alwaysIncludeInToken` where Okta sets it. */
const OIDC_CLAIMS: readonly { name: string; scope: string; always?: true }[] = [
  { name: "middle_name", scope: "profile" },
  { name: "zoneinfo", scope: "profile" },
  { name: "website", scope: "profile" },
  { name: "updated_at", scope: "profile" },
  { name: "profile", scope: "profile" },
  { name: "preferred_username", scope: "profile", always: true },
  { name: "picture", scope: "profile" },
  { name: "phone_number", scope: "phone" },
  { name: "nickname", scope: "profile" },
  { name: "name", scope: "profile", always: true },
  { name: "locale", scope: "profile" },
  { name: "given_name", scope: "profile" },
  { name: "gender", scope: "profile" },
  { name: "family_name", scope: "profile" },
  { name: "email_verified", scope: "email" },
  { name: "email", scope: "email", always: true },
  { name: "birthdate", scope: "profile" },
  { name: "address", scope: "address" },
];

/** The access token's subject: the user's login, or the client id of a client_credentials token. */
const SUB_EXPRESSION = "(appuser != null) ? appuser.userName : app.clientId";

function builtInScope(serverId: string, [name, displayName, description]: ScopeText, system: boolean): AuthServerScope {
  return {
    id: oktaId("scp", `${serverId}::${name}`),
    name,
    displayName,
    description,
    system,
    consent: "IMPLICIT",
    metadataPublish: "ALL_CLIENTS",
    optional: false,
    default: false,
  };
}

function builtInClaims(serverId: string): AuthServerClaim[] {
  const claim = (name: string, fields: Omit<AuthServerClaim, "id" | "name" | "status" | "system">): AuthServerClaim => ({
    id: oktaId("ocl", `${serverId}::${name}`),
    name,
    status: "ACTIVE",
    system: true,
    ...fields,
  });
  const oidc = OIDC_CLAIMS.map(({ name, scope, always }) =>
    claim(name, { claimType: "IDENTITY", valueType: "SYSTEM", scopes: [scope], alwaysIncludeInToken: always === true }),
  );
  const sub = claim("sub", { claimType: "RESOURCE", valueType: "EXPRESSION", value: SUB_EXPRESSION, scopes: [], alwaysIncludeInToken: true });
  // Okta lists `sub` among the identity claims, after `name`.
  const afterName = oidc.findIndex((c) => c.name === "name") + 1;
  return [...oidc.slice(0, afterName), sub, ...oidc.slice(afterName)];
}

/** The server's scopes, Okta's built-in ones first given to a server that has none recorded yet. */
export function scopesOf(server: CustomAuthorizationServer): AuthServerScope[] {
  server.scopes ??= [
    ...(server.id === "default" ? MY_ACCOUNT_SCOPES.map((s) => builtInScope(server.id, s, false)) : []),
    ...OIDC_SCOPES.map((s) => builtInScope(server.id, s, true)),
  ];
  return server.scopes;
}

/** The server's claims, Okta's built-in ones first given to a server that has none recorded yet. */
export function claimsOf(server: CustomAuthorizationServer): AuthServerClaim[] {
  server.claims ??= builtInClaims(server.id);
  return server.claims;
}
