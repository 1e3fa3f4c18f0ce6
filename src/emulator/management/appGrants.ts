import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { jsonAnswer, noContent } from "../answer";
import { notFound, validationFailed } from "../errors";
import { AppGrant, OAuthApp } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso } from "./api";

/** Okta's management API scopes: `okta.<collection>.read|manage` (and a few such as `okta.myAccount.*`). */
const OKTA_SCOPE = /^okta\.[A-Za-z]+(?:\.[A-Za-z]+)*\.(?:read|manage)$/;

function appOf(state: EmulatorState, id: string): OAuthApp {
  const app = state.org.apps.find((a) => a.id === id);
  if (!app) throw notFound(id, "AppInstance");
  return app;
}

/** Okta's OAuth2ScopeConsentGrant, as `GET /api/v1/apps/{id}/grants` lists it. */
function grantJson(url: string, app: OAuthApp, grant: AppGrant): Record<string, unknown> {
  return {
    id: grant.id,
    status: grant.status,
    created: grant.created,
    lastUpdated: grant.lastUpdated,
    issuer: grant.issuer,
    clientId: app.clientId,
    scopeId: grant.scopeId,
    source: "ADMIN",
    _embedded: { scope: { id: grant.scopeId } },
    _links: {
      app: { href: `${url}/api/v1/apps/${app.id}`, title: app.label },
      self: { href: `${url}/api/v1/apps/${app.id}/grants/${grant.id}`, hints: { allow: ["GET", "DELETE"] } },
      client: { href: `${url}/oauth2/v1/clients/${app.clientId}`, title: app.label },
    },
  };
}

/**
 * An admin grants an Okta API scope to an app (the "Okta API Scopes" tab): the org's own issuer
 * only, one grant per scope (granting it again answers the one there is, as Okta does).
 */
function grantScope(state: EmulatorState, app: OAuthApp, body: Record<string, unknown>): AppGrant {
  const { issuer, scopeId } = body;
  const causes: string[] = [];
  if (typeof scopeId !== "string" || !OKTA_SCOPE.test(scopeId)) causes.push("scopeId: Not a valid Okta API scope, e.g. okta.users.read.");
  if (issuer !== state.url) causes.push(`issuer: Must be the org URL ${state.url}.`);
  if (causes.length > 0) throw validationFailed(causes[0].split(":")[0], causes);
  app.grants ??= [];
  const existing = app.grants.find((g) => g.scopeId === scopeId && g.status === "ACTIVE");
  if (existing) return existing;
  const now = nowIso();
  const grant: AppGrant = { id: oktaId("oag", randomBytes(12).toString("hex")), scopeId: String(scopeId), issuer: state.url, status: "ACTIVE", created: now, lastUpdated: now };
  app.grants.push(grant);
  return grant;
}

function grantOf(app: OAuthApp, grantId: string): AppGrant {
  const grant = app.grants?.find((g) => g.id === grantId && g.status === "ACTIVE");
  if (!grant) throw notFound(grantId, "OAuth2ScopeConsentGrant");
  return grant;
}

export const APP_GRANT_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/apps/{appId}/grants",
    description: "scopes granted to an app",
    handle: (state, [id]) => {
      const app = appOf(state, id);
      return jsonAnswer(200, (app.grants ?? []).filter((g) => g.status === "ACTIVE").map((g) => grantJson(state.url, app, g)));
    },
  },
  {
    method: "POST",
    path: "/api/v1/apps/{appId}/grants",
    description: "grant an app an okta.* scope",
    handle: (state, [id], request) => {
      const app = appOf(state, id);
      return jsonAnswer(201, grantJson(state.url, app, grantScope(state, app, jsonBody(request))));
    },
  },
  {
    method: "GET",
    path: "/api/v1/apps/{appId}/grants/{grantId}",
    description: "one scope grant",
    handle: (state, [id, grantId]) => {
      const app = appOf(state, id);
      return jsonAnswer(200, grantJson(state.url, app, grantOf(app, grantId)));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/apps/{appId}/grants/{grantId}",
    description: "revoke a scope grant",
    handle: (state, [id, grantId]) => {
      const app = appOf(state, id);
      const grant = grantOf(app, grantId);
      grant.status = "REVOKED";
      grant.lastUpdated = nowIso();
      return noContent();
    },
  },
];
