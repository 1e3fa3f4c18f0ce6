import { IncomingHttpHeaders } from "node:http";
import { Answer, jsonAnswer } from "../answer";
import { OAuthError, methodNotAllowed, notFound } from "../errors";
import { jwks } from "../keys";
import { EmulatorState, ServerRef, customServer, orgServer } from "../state";
import { challenge } from "./challenge";
import { discoveryDocument } from "./discovery";
import { ClientRequest, authenticateClient } from "./flow";
import { FOREIGN_KEY } from "./idTokenDefects";
import { primaryAuthenticate } from "./primaryAuthenticate";
import { isServiceAppTokenRequest, serviceAppToken } from "./serviceAppToken";
import { tokenEndpoint } from "./token";

/** `/oauth2/v1/x` is the org server; `/oauth2/{id}/v1/x` a custom one. */
const OAUTH_PATH = /^\/oauth2\/(?:([^/]+)\/)?v1\/([a-z-]+)$/;
const DISCOVERY_PATH = /^(?:\/oauth2\/([^/]+))?\/\.well-known\/(openid-configuration|oauth-authorization-server)$/;

type FlowEndpoint = (ctx: ClientRequest) => Promise<Answer>;

const FLOW_ENDPOINTS: Record<string, FlowEndpoint> = {
  token: tokenEndpoint,
  "primary-authenticate": (ctx) => primaryAuthenticate(ctx, false),
  "oob-authenticate": (ctx) => primaryAuthenticate(ctx, true),
  challenge,
};

export interface OAuthRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Scheme, host and port the client addressed: a DPoP proof's `htu` names it. */
  origin: string;
}

/** Answers the OAuth endpoints; undefined when the path is not one of them. */
export async function oauthRoute(state: EmulatorState, request: OAuthRequest): Promise<Answer | undefined> {
  const discovery = DISCOVERY_PATH.exec(request.path);
  if (discovery) {
    onlyMethod(request, "GET");
    return jsonAnswer(200, discoveryDocument(serverFor(state, discovery[1]), state.url));
  }
  const match = OAUTH_PATH.exec(request.path);
  if (!match) return undefined;
  const [, serverId, endpoint] = match;
  if (endpoint === "keys") {
    onlyMethod(request, "GET");
    const server = serverFor(state, serverId);
    const lostKey = state.faults.takeIdTokenDefect("jwks") === "jwks-without-kid";
    return jsonAnswer(200, await jwks(lostKey ? FOREIGN_KEY : server.key));
  }
  const run = FLOW_ENDPOINTS[endpoint];
  if (!run) return undefined;
  onlyMethod(request, "POST");
  const server = serverFor(state, serverId);
  const form = formOf(request);
  if (endpoint === "token" && serverId === undefined && isServiceAppTokenRequest(form)) {
    return serviceAppToken(state, { audience: `${state.url}/oauth2/v1/token`, addressed: `${request.origin}${request.path}` }, form, request.headers);
  }
  const app = authenticateClient(state, form, request.headers.authorization);
  return run({ state, server, app, form });
}

function serverFor(state: EmulatorState, serverId: string | undefined): ServerRef {
  if (serverId === undefined) return orgServer(state);
  const server = state.org.authorizationServers.get(serverId);
  if (!server || server.status === "INACTIVE") throw notFound(serverId, "AuthorizationServer");
  return customServer(state, server);
}

function onlyMethod(request: OAuthRequest, method: string): void {
  if (request.method !== method) throw methodNotAllowed();
}

function formOf(request: OAuthRequest): URLSearchParams {
  const type = request.headers["content-type"] ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    throw new OAuthError(400, "invalid_request", "The request body must be sent as application/x-www-form-urlencoded.");
  }
  return new URLSearchParams(request.body);
}
