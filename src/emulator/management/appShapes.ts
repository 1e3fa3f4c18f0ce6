import { createHash } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { GroupAssignment, OAuthApp, Org } from "../orgModel";
import { section } from "./api";
import { catalogueNameOf } from "./appInput";
import { Links, link } from "./links";

/** Okta's JSON for an OIDC app (`oidc_client`), as `GET /api/v1/apps/{id}` answers it. */

type Json = Record<string, unknown>;

/** Okta's default app logo, answered until one is uploaded (the emulator takes no uploads). */
const DEFAULT_LOGO = "https://op3static.oktacdn.com/assets/img/logos/default.6770228fb0dab49a1695ef440a5279bb.png";

/** Okta answers every app with universal logout off until an admin turns it on, which the API cannot. */
const UNIVERSAL_LOGOUT = { status: "DISABLED", supportType: "FULL", identityStack: "NOT_SHARED", protocol: "GLOBAL_TOKEN_REVOCATION" };

/**
 * The org's app signing key, which every app of a real org names in `credentials.signing.kid`:
 * one per org, so derived from the org id, in Okta's kid format (a SHA-256, base64url).
 */
export function appSigningKid(orgId: string): string {
  return createHash("sha256").update(`${orgId}:app-signing-key`).digest("base64url");
}

/**
 * The org's default profile enrollment policy, which Okta links from every app. The emulator does
 * not serve PROFILE_ENROLLMENT policies, so the link names the policy without it being readable.
 */
export function profileEnrollmentPolicyId(orgId: string): string {
  return oktaId("rst", `${orgId}:Default Profile Enrollment Policy`);
}

/** The authentication policy an app uses: its own, or the org's default one. */
export function effectivePolicyIdOf(org: Org, app: OAuthApp): string {
  return (app.authenticationPolicyId && org.appSignOnPolicies.get(app.authenticationPolicyId)?.id) || org.defaultAppSignOnPolicy.id;
}

/**
 * `clientSecret` is answered by a create or an update only, as Okta does; reads never show it. A
 * catalogue app's answer keeps its OAuth client to itself (no `oauthClient` in credentials or
 * settings), links its help page and does not support universal logout, as recorded.
 */
export function appJson(url: string, org: Org, orgId: string, app: OAuthApp, options: { withSecret?: boolean } = {}): Json {
  const self = `${url}/api/v1/apps/${app.id}`;
  const submitted = app.submitted;
  const catalogueName = catalogueNameOf(submitted);
  const name = catalogueName ?? "oidc_client";
  const submittedSettings = section(submitted.settings);
  const submittedCredentials = section(section(submitted.credentials).oauthClient);
  const lifecycle = app.status === "ACTIVE" ? "deactivate" : "activate";
  const links: Links = {
    ...(catalogueName ? { help: { href: `${url}/app/${catalogueName}/${app.id}/setup/help/OPENID_CONNECT/external-doc`, type: "text/html" } } : {}),
    uploadLogo: link(`${self}/logo`, "POST"),
    appLinks: [{ name: `${name}_link`, href: `${url}/home/${name}/${app.id}/aln_${name}_link`, type: "text/html" }],
    profileEnrollment: link(`${url}/api/v1/policies/${profileEnrollmentPolicyId(orgId)}`),
    policies: link(`${self}/policies`, "PUT"),
    groups: link(`${self}/groups`),
    logo: [{ name: "medium", href: DEFAULT_LOGO, type: "image/png" }],
    clientCredentials: [{ name: "secrets", href: `${self}/credentials/secrets` }],
    accessPolicy: link(`${url}/api/v1/policies/${effectivePolicyIdOf(org, app)}`),
    users: link(`${self}/users`),
    [lifecycle]: link(`${self}/lifecycle/${lifecycle}`),
  };
  const oauthClientSettings = {
    client_uri: null,
    logo_uri: null,
    consent_method: "TRUSTED",
    idp_initiated_login: { mode: "DISABLED", default_scope: [] },
    wildcard_redirect: "DISABLED",
    dpop_bound_access_tokens: false,
    participate_slo: false,
    ...frontChannelLogout(section(submittedSettings.oauthClient)),
    redirect_uris: app.redirectUris,
    response_types: app.responseTypes,
    grant_types: app.grantTypes,
    application_type: app.applicationType,
    issuer_mode: app.issuerMode,
  };
  const oauthClientCredentials = {
    autoKeyRotation: submittedCredentials.autoKeyRotation ?? true,
    client_id: app.clientId,
    ...(options.withSecret && app.clientSecret ? { client_secret: app.clientSecret } : {}),
    token_endpoint_auth_method: app.tokenEndpointAuthMethod,
    pkce_required: app.pkceRequired,
  };
  return {
    id: app.id,
    orn: `orn:okta:idp:${orgId}:apps:${name}:${app.id}`,
    name,
    label: app.label,
    status: app.status,
    lastUpdated: app.lastUpdated,
    created: app.created,
    accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null, ...section(submitted.accessibility) },
    visibility: {
      autoLaunch: false,
      autoSubmitToolbar: false,
      hide: { iOS: false, web: false },
      appLinks: { [`${name}_link`]: true },
      ...section(submitted.visibility),
    },
    features: [],
    signOnMode: "OPENID_CONNECT",
    universalLogout: catalogueName ? { status: "UNSUPPORTED" } : UNIVERSAL_LOGOUT,
    credentials: {
      userNameTemplate: { template: "${source.login}", type: "BUILT_IN" },
      signing: { kid: appSigningKid(orgId) },
      ...(catalogueName ? {} : { oauthClient: oauthClientCredentials }),
    },
    settings: {
      app: {},
      notifications: { vpn: { network: { connection: "DISABLED" }, message: null, helpUrl: null } },
      manualProvisioning: false,
      implicitAssignment: false,
      emOptInStatus: "NONE",
      notes: { admin: null, enduser: null, ...section(submittedSettings.notes) },
      ...(catalogueName ? {} : { oauthClient: oauthClientSettings }),
    },
    _links: links,
  };
}

/** A front-channel logout URI comes back with whether it needs the session (not, unless sent). */
function frontChannelLogout(submitted: Json): Json {
  if (submitted.frontchannel_logout_uri === undefined) return submitted;
  return { frontchannel_logout_session_required: false, ...submitted };
}

export function appGroupJson(url: string, app: OAuthApp, groupId: string, assignment: GroupAssignment): Json {
  const self = `${url}/api/v1/apps/${app.id}/groups/${groupId}`;
  return {
    id: groupId,
    lastUpdated: assignment.lastUpdated,
    ...(assignment.priority === undefined ? {} : { priority: assignment.priority }),
    profile: assignment.profile,
    _links: {
      app: link(`${url}/api/v1/apps/${app.id}`),
      self: link(self),
      group: link(`${url}/api/v1/groups/${groupId}`),
    },
  };
}

/** The internal ID-token settings the provider reads and writes beside each app, its groups claim included. */
export function idTokenSettingsJson(url: string, app: OAuthApp): Json {
  return { issuer: url, orgUrl: null, customUrl: null, audience: app.clientId, issuerMode: app.issuerMode, ...app.groupsClaim };
}

/** A confidential client's one secret, as `GET /apps/{id}/credentials/secrets` lists it; a public client has none. */
export function clientSecretsJson(url: string, app: OAuthApp): Json[] {
  if (!app.clientSecret) return [];
  const id = oktaId("ocs", `${app.id}:secret`);
  return [
    {
      id,
      created: app.created,
      lastUpdated: app.created,
      status: "ACTIVE",
      client_secret: app.clientSecret,
      secret_hash: createHash("sha256").update(app.clientSecret).digest("base64url").slice(0, 22),
      _links: { deactivate: link(`${url}/api/v1/apps/${app.id}/credentials/secrets/${id}/lifecycle/deactivate`, "POST") },
    },
  ];
}
