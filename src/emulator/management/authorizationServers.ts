import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { jsonAnswer, noContent } from "../answer";
import { notFound, validationFailed } from "../errors";
import { CustomAuthorizationServer } from "../orgModel";
import { EmulatorState } from "../state";
import { signingKey } from "../keys";
import { ApiRoute, jsonBody, nowIso, section } from "./api";
import { authServerJson, signingKeyJson } from "./authServerShapes";
import { limited, listMatcher } from "./listQuery";


export function authServerById(state: EmulatorState, id: string): CustomAuthorizationServer {
  const server = state.org.authorizationServers.get(id);
  if (!server) throw notFound(id, "AuthorizationServer");
  return server;
}

/** The server as Okta answers it, with the kid of the key its tokens are signed with. */
async function serverJson(state: EmulatorState, server: CustomAuthorizationServer): Promise<Record<string, unknown>> {
  return authServerJson(state.url, server, (await signingKey(server.id)).kid, state.org.created);
}

/** `credentials.signing.rotationMode` when a write sends one. */
function rotationModeOf(body: Record<string, unknown>): Pick<CustomAuthorizationServer, "rotationMode"> {
  const mode = section(section(body.credentials).signing).rotationMode;
  if (mode === undefined) return {};
  if (mode === "AUTO" || mode === "MANUAL") return { rotationMode: mode };
  throw validationFailed("rotationMode", ["rotationMode: Must be AUTO or MANUAL."]);
}

/** Name and one audience are required; the emulator keeps the first audience, the one tokens carry. */
function serverFields(body: Record<string, unknown>): Pick<CustomAuthorizationServer, "name" | "audience" | "description" | "issuerMode"> {
  const name = typeof body.name === "string" ? body.name.trim() : "";
  const audiences = Array.isArray(body.audiences) ? body.audiences.filter((a): a is string => typeof a === "string") : [];
  const causes = [
    ...(name ? [] : ["name: The field cannot be left blank"]),
    ...(audiences.length ? [] : ["audiences: The field cannot be left blank"]),
  ];
  if (causes.length) throw validationFailed(causes[0].split(":")[0], causes);
  return {
    name,
    audience: audiences[0],
    description: typeof body.description === "string" ? body.description : undefined,
    issuerMode: typeof body.issuerMode === "string" ? body.issuerMode : "ORG_URL",
  };
}

export const AUTHORIZATION_SERVER_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/authorizationServers",
    description: "list authorization servers",
    handle: async (state, _params, request) => {
      const matches = listMatcher(request.query);
      const servers = [...state.org.authorizationServers.values()].filter((s) => matches([s.name], () => undefined));
      return jsonAnswer(200, await Promise.all(limited(servers, request.query).map((s) => serverJson(state, s))));
    },
  },
  {
    method: "POST",
    path: "/api/v1/authorizationServers",
    description: "create an authorization server",
    handle: async (state, _params, request) => {
      const now = nowIso();
      const body = jsonBody(request);
      const server: CustomAuthorizationServer = {
        id: oktaId("aus", randomBytes(12).toString("hex")),
        ...serverFields(body),
        ...rotationModeOf(body),
        status: "ACTIVE",
        policies: [],
        created: now,
        lastUpdated: now,
      };
      state.org.authorizationServers.set(server.id, server);
      return jsonAnswer(201, await serverJson(state, server));
    },
  },
  {
    method: "GET",
    path: "/api/v1/authorizationServers/{authServerId}",
    description: "read an authorization server",
    handle: async (state, [id]) => jsonAnswer(200, await serverJson(state, authServerById(state, id))),
  },
  {
    method: "PUT",
    path: "/api/v1/authorizationServers/{authServerId}",
    description: "replace an authorization server",
    handle: async (state, [id], request) => {
      const server = authServerById(state, id);
      const body = jsonBody(request);
      Object.assign(server, serverFields(body), rotationModeOf(body), { lastUpdated: nowIso() });
      return jsonAnswer(200, await serverJson(state, server));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/authorizationServers/{authServerId}",
    description: "delete an authorization server",
    handle: (state, [id]) => {
      state.org.authorizationServers.delete(authServerById(state, id).id);
      return noContent();
    },
  },
  {
    method: "POST",
    path: "/api/v1/authorizationServers/{authServerId}/lifecycle/{action:activate|deactivate}",
    description: "activate or deactivate an authorization server",
    handle: (state, [id, verb]) => {
      const server = authServerById(state, id);
      server.status = verb === "activate" ? "ACTIVE" : "INACTIVE";
      server.lastUpdated = nowIso();
      return noContent();
    },
  },
  {
    method: "GET",
    path: "/api/v1/authorizationServers/{authServerId}/credentials/keys",
    description: "a server's signing keys",
    handle: async (state, [id]) => {
      const server = authServerById(state, id);
      return jsonAnswer(200, [signingKeyJson(state.url, server.id, (await signingKey(server.id)).publicJwk)]);
    },
  },
  {
    method: "GET",
    path: "/api/v1/authorizationServers/{authServerId}/credentials/keys/{keyId}",
    description: "one signing key, by kid",
    handle: async (state, [id, kid]) => {
      const server = authServerById(state, id);
      const { publicJwk } = await signingKey(server.id);
      if (publicJwk.kid !== kid) throw notFound(kid, "AuthorizationServerKey");
      return jsonAnswer(200, signingKeyJson(state.url, server.id, publicJwk));
    },
  },
];
