import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { jsonAnswer, noContent } from "../answer";
import { scopesOf } from "../authServerBuiltIns";
import { notFound, validationFailed } from "../errors";
import { AuthServerScope, CustomAuthorizationServer } from "../orgModel";
import { ApiRoute, enumField, jsonBody } from "./api";
import { scopeJson } from "./authServerShapes";
import { authServerById } from "./authorizationServers";

function scopeById(server: CustomAuthorizationServer, id: string): AuthServerScope {
  const scope = scopesOf(server).find((s) => s.id === id);
  if (!scope) throw notFound(id, "OAuth2Scope");
  return scope;
}

/**
 * What a create or replace sets, with Okta's documented defaults (consent IMPLICIT, metadataPublish
 * NO_CLIENTS); a name is required and unique on its server.
 */
function scopeFields(server: CustomAuthorizationServer, body: Record<string, unknown>, self?: AuthServerScope): Omit<AuthServerScope, "id" | "system"> {
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name) throw validationFailed("name", ["name: The field cannot be left blank"]);
  if (scopesOf(server).some((s) => s !== self && s.name === name)) {
    throw validationFailed("name", ["name: A scope with the same name already exists."]);
  }
  return {
    name,
    displayName: typeof body.displayName === "string" ? body.displayName : "",
    description: typeof body.description === "string" ? body.description : "",
    consent: enumField(body.consent, ["IMPLICIT", "REQUIRED", "FLEXIBLE"], "consent", "IMPLICIT"),
    metadataPublish: enumField(body.metadataPublish, ["ALL_CLIENTS", "NO_CLIENTS"], "metadataPublish", "NO_CLIENTS"),
    optional: body.optional === true,
    default: body.default === true,
  };
}

export const AUTH_SERVER_SCOPE_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/authorizationServers/{authServerId}/scopes",
    description: "a server's scopes",
    handle: (state, [serverId]) => {
      const server = authServerById(state, serverId);
      return jsonAnswer(200, scopesOf(server).map((s) => scopeJson(state.url, server.id, s)));
    },
  },
  {
    method: "POST",
    path: "/api/v1/authorizationServers/{authServerId}/scopes",
    description: "create a scope",
    handle: (state, [serverId], request) => {
      const server = authServerById(state, serverId);
      const scope: AuthServerScope = { id: oktaId("scp", randomBytes(12).toString("hex")), system: false, ...scopeFields(server, jsonBody(request)) };
      scopesOf(server).push(scope);
      return jsonAnswer(201, scopeJson(state.url, server.id, scope));
    },
  },
  {
    method: "GET",
    path: "/api/v1/authorizationServers/{authServerId}/scopes/{scopeId}",
    description: "read a scope",
    handle: (state, [serverId, scopeId]) => {
      const server = authServerById(state, serverId);
      return jsonAnswer(200, scopeJson(state.url, server.id, scopeById(server, scopeId)));
    },
  },
  {
    method: "PUT",
    path: "/api/v1/authorizationServers/{authServerId}/scopes/{scopeId}",
    description: "replace a scope",
    handle: (state, [serverId, scopeId], request) => {
      const server = authServerById(state, serverId);
      const scope = scopeById(server, scopeId);
      Object.assign(scope, scopeFields(server, jsonBody(request), scope));
      return jsonAnswer(200, scopeJson(state.url, server.id, scope));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/authorizationServers/{authServerId}/scopes/{scopeId}",
    description: "delete a scope",
    handle: (state, [serverId, scopeId]) => {
      const server = authServerById(state, serverId);
      const scope = scopeById(server, scopeId);
      server.scopes = scopesOf(server).filter((s) => s !== scope);
      return noContent();
    },
  },
];
