import { JWK } from "jose";
import { AccessPolicy, AccessRule, AuthServerClaim, AuthServerScope, CustomAuthorizationServer } from "../orgModel";
import { section } from "./api";
import { Links, link } from "./links";
import { ruleHeader } from "./ruleShapes";

/** Okta's JSON for custom authorization servers, their access policies and rules. */

type Json = Record<string, unknown>;

export function authServerUrl(url: string, serverId: string): string {
  return `${url}/api/v1/authorizationServers/${serverId}`;
}

function lifecycleLink(self: string, status: string | undefined): Links {
  const verb = status === "INACTIVE" ? "activate" : "deactivate";
  return { [verb]: link(`${self}/lifecycle/${verb}`, "POST") };
}

/** Okta rotates an AUTO key every 90 days; a MANUAL one has no next rotation. */
const ROTATION_DAYS = 90;

function signingJson(server: CustomAuthorizationServer, kid: string, orgCreated: string): Json {
  const lastRotated = server.created ?? orgCreated;
  const rotationMode = server.rotationMode ?? "AUTO";
  const next = new Date(Date.parse(lastRotated) + ROTATION_DAYS * 24 * 3600 * 1000).toISOString();
  return { kid, rotationMode, lastRotated, ...(rotationMode === "AUTO" && { nextRotation: next }) };
}

/** `kid` is the key the server's `keys` endpoint serves and its tokens are signed with. */
export function authServerJson(url: string, server: CustomAuthorizationServer, kid: string, orgCreated: string): Json {
  const self = authServerUrl(url, server.id);
  const issuer = `${url}/oauth2/${server.id}`;
  return {
    id: server.id,
    name: server.name,
    description: server.description ?? "",
    audiences: [server.audience],
    issuer,
    issuerMode: server.issuerMode ?? "ORG_URL",
    status: server.status ?? "ACTIVE",
    created: server.created ?? null,
    lastUpdated: server.lastUpdated ?? null,
    credentials: { signing: signingJson(server, kid, orgCreated) },
    default: server.id === "default",
    _links: {
      rotateKey: link(`${self}/credentials/lifecycle/keyRotate`, "POST"),
      metadata: ["oauth-authorization-server", "openid-configuration"].map((name) => ({
        name,
        href: `${issuer}/.well-known/${name}`,
        hints: { allow: ["GET"] },
      })),
      keys: link(`${self}/credentials/keys`, "GET"),
      claims: link(`${self}/claims`, "GET", "POST"),
      policies: link(`${self}/policies`, "GET", "POST"),
      self: link(self, "GET", "DELETE", "PUT"),
      scopes: link(`${self}/scopes`, "GET", "POST"),
      ...lifecycleLink(self, server.status),
    },
  };
}

export function accessPolicyJson(url: string, serverId: string, policy: AccessPolicy): Json {
  const self = `${authServerUrl(url, serverId)}/policies/${policy.id}`;
  return {
    id: policy.id,
    status: policy.status,
    name: policy.name,
    description: policy.description ?? "",
    priority: policy.priority,
    system: false,
    conditions: { clients: { include: policy.clients } },
    created: policy.created ?? null,
    lastUpdated: policy.lastUpdated ?? null,
    _links: { self: link(self, "GET", "PUT", "DELETE"), rules: link(`${self}/rules`, "GET"), ...lifecycleLink(self, policy.status) },
    type: "OAUTH_AUTHORIZATION_POLICY",
  };
}

export function accessRuleJson(url: string, serverId: string, policyId: string, rule: AccessRule): Json {
  const self = `${authServerUrl(url, serverId)}/policies/${policyId}/rules/${rule.id}`;
  const submitted = section(rule.submitted);
  const people: Json = { users: { ...(rule.users.length ? { include: rule.users } : {}), exclude: [] } };
  if (rule.groups.length) people.groups = { include: rule.groups };
  return {
    ...ruleHeader({ ...rule, system: false }),
    conditions: { ...section(submitted.conditions), people, grantTypes: { include: rule.grantTypes }, scopes: { include: rule.scopes } },
    actions: {
      token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080, ...section(section(submitted.actions).token) },
    },
    _links: { self: link(self, "GET", "PUT", "DELETE"), ...lifecycleLink(self, rule.status) },
    type: "RESOURCE_ACCESS",
  };
}

/** `apiResourceId` is Okta's link to a resource server, which the emulator does not model. */
export function scopeJson(url: string, serverId: string, scope: AuthServerScope): Json {
  return {
    id: scope.id,
    name: scope.name,
    displayName: scope.displayName,
    description: scope.description,
    system: scope.system,
    metadataPublish: scope.metadataPublish,
    consent: scope.consent,
    optional: scope.optional,
    apiResourceId: null,
    default: scope.default,
    _links: { self: link(`${authServerUrl(url, serverId)}/scopes/${scope.id}`, "GET", "PUT", "DELETE") },
  };
}

export function claimJson(url: string, serverId: string, claim: AuthServerClaim): Json {
  return {
    id: claim.id,
    name: claim.name,
    status: claim.status,
    claimType: claim.claimType,
    valueType: claim.valueType,
    ...(claim.value === undefined ? {} : { value: claim.value }),
    conditions: { scopes: claim.scopes },
    system: claim.system,
    alwaysIncludeInToken: claim.alwaysIncludeInToken,
    apiResourceId: null,
    ...(claim.groupFilterType === undefined ? {} : { group_filter_type: claim.groupFilterType }),
    _links: { self: link(`${authServerUrl(url, serverId)}/claims/${claim.id}`, "GET", "PUT", "DELETE") },
  };
}

/** The server's signing key as its credentials API lists it: the public JWK, ACTIVE. */
export function signingKeyJson(url: string, serverId: string, jwk: JWK): Json {
  return {
    kty: jwk.kty,
    status: "ACTIVE",
    alg: jwk.alg,
    kid: jwk.kid,
    use: jwk.use,
    _links: { self: link(`${authServerUrl(url, serverId)}/credentials/keys/${jwk.kid}`, "GET") },
    e: jwk.e,
    n: jwk.n,
  };
}
