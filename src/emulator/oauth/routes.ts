import { IncomingHttpHeaders } from "node:http";
import { Answer, jsonAnswer } from "../answer";
import { OAuthError, methodNotAllowed, notFound } from "../errors";
import { jwks } from "../keys";
import { routeMatcher, Route } from "../routeTable";
import { EmulatorState, ServerRef, customServer, orgServer } from "../state";
import { challenge } from "./challenge";
import { discoveryDocument } from "./discovery";
import { ClientRequest, authenticateClient } from "./flow";
import { FOREIGN_KEY } from "./idTokenDefects";
import { primaryAuthenticate } from "./primaryAuthenticate";
import { isServiceAppTokenRequest, serviceAppToken } from "./serviceAppToken";
import { tokenEndpoint } from "./token";

type FlowEndpoint = (ctx: ClientRequest) => Promise<Answer>;

export interface OAuthRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Scheme, host and port the client addressed: a DPoP proof's `htu` names it. */
  origin: string;
}

interface OAuthCall {
  state: EmulatorState;
  request: OAuthRequest;
}

type OAuthHandler = (call: OAuthCall, params: string[]) => Answer | Promise<Answer>;

const discovery = (call: OAuthCall, [serverId]: string[]): Answer =>
  jsonAnswer(200, discoveryDocument(serverFor(call.state, serverId), call.state.url));

async function keys({ state }: OAuthCall, [serverId]: string[]): Promise<Answer> {
  const server = serverFor(state, serverId);
  const lostKey = state.faults.takeIdTokenDefect("jwks") === "jwks-without-kid";
  return jsonAnswer(200, await jwks(lostKey ? FOREIGN_KEY : server.key));
}

/** The org server's `/token` also serves service apps' client credentials (custom servers do not). */
function orgToken({ state, request }: OAuthCall): Promise<Answer> {
  const form = formOf(request);
  if (isServiceAppTokenRequest(form)) {
    return serviceAppToken(state, { audience: `${state.url}/oauth2/v1/token`, addressed: `${request.origin}${request.path}` }, form, request.headers);
  }
  return runFlow(tokenEndpoint, state, request, orgServer(state), form);
}

function flow(run: FlowEndpoint): OAuthHandler {
  return ({ state, request }, [serverId]) => {
    const server = serverFor(state, serverId);
    return runFlow(run, state, request, server, formOf(request));
  };
}

function runFlow(run: FlowEndpoint, state: EmulatorState, request: OAuthRequest, server: ServerRef, form: URLSearchParams): Promise<Answer> {
  const app = authenticateClient(state, form, request.headers.authorization);
  return run({ state, server, app, form });
}

const primaryAuthentication = flow((ctx) => primaryAuthenticate(ctx, false));
const oobAuthentication = flow((ctx) => primaryAuthenticate(ctx, true));

/**
 * The OAuth 2.0 / OpenID Connect surface: the org authorization server at `/oauth2/v1/...` and each
 * custom one at `/oauth2/{authServerId}/v1/...`. docs/okta-emulator.md lists the same rows.
 */
export const OAUTH_ROUTES: Route<OAuthHandler>[] = [
  { method: "GET", path: "/.well-known/openid-configuration", handle: discovery, description: "org server's OpenID Connect discovery" },
  { method: "GET", path: "/.well-known/oauth-authorization-server", handle: discovery, description: "org server's OAuth metadata" },
  { method: "GET", path: "/oauth2/{authServerId}/.well-known/openid-configuration", handle: discovery, description: "custom server's OpenID Connect discovery" },
  { method: "GET", path: "/oauth2/{authServerId}/.well-known/oauth-authorization-server", handle: discovery, description: "custom server's OAuth metadata" },
  { method: "GET", path: "/oauth2/v1/keys", handle: keys, description: "org server's signing keys (JWKS)" },
  { method: "POST", path: "/oauth2/v1/token", handle: orgToken, description: "direct-auth grants, refresh, service apps' client credentials" },
  { method: "POST", path: "/oauth2/v1/primary-authenticate", handle: primaryAuthentication, description: "start an out-of-band primary factor" },
  { method: "POST", path: "/oauth2/v1/oob-authenticate", handle: oobAuthentication, description: "deprecated alias of primary-authenticate" },
  { method: "POST", path: "/oauth2/v1/challenge", handle: flow(challenge), description: "MFA challenge for an mfa_token" },
  { method: "GET", path: "/oauth2/{authServerId}/v1/keys", handle: keys, description: "custom server's signing keys (JWKS)" },
  { method: "POST", path: "/oauth2/{authServerId}/v1/token", handle: flow(tokenEndpoint), description: "direct-auth grants and refresh" },
  { method: "POST", path: "/oauth2/{authServerId}/v1/primary-authenticate", handle: primaryAuthentication, description: "start an out-of-band primary factor" },
  { method: "POST", path: "/oauth2/{authServerId}/v1/oob-authenticate", handle: oobAuthentication, description: "deprecated alias of primary-authenticate" },
  { method: "POST", path: "/oauth2/{authServerId}/v1/challenge", handle: flow(challenge), description: "MFA challenge for an mfa_token" },
];

const matchOAuth = routeMatcher(OAUTH_ROUTES);

/** Answers the OAuth endpoints (405 for another method on one of their paths); undefined for other paths. */
export async function oauthRoute(state: EmulatorState, request: OAuthRequest): Promise<Answer | undefined> {
  const found = matchOAuth(request.method, request.path);
  if ("route" in found) return found.route.handle({ state, request }, found.params);
  if (found.pathKnown) throw methodNotAllowed();
  return undefined;
}

function serverFor(state: EmulatorState, serverId: string | undefined): ServerRef {
  if (serverId === undefined) return orgServer(state);
  const server = state.org.authorizationServers.get(serverId);
  if (!server || server.status === "INACTIVE") throw notFound(serverId, "AuthorizationServer");
  return customServer(state, server);
}

function formOf(request: OAuthRequest): URLSearchParams {
  const type = request.headers["content-type"] ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    throw new OAuthError(400, "invalid_request", "The request body must be sent as application/x-www-form-urlencoded.");
  }
  return new URLSearchParams(request.body);
}
