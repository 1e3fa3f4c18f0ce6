import { z } from "zod";
import { checkTransport, HttpClient, pathOf, RequestTally } from "./httpClient";
import { readOAuth } from "./oauthResponse";
import { fail, ProblemError } from "./problem";

/** Every leg of a flow goes to the same authorization server (docs/direct-auth-reference.md#wire-protocol). */
export interface Endpoints {
  issuer: string;
  token: string;
  primaryAuthenticate: string;
  challenge: string;
  jwks: string;
}

const metadataSchema = z.object({
  issuer: z.string(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
});

const jwksSchema = z.object({ keys: z.array(z.object({ kty: z.string() }).passthrough()).min(1) });

export type JsonWebKeySet = { keys: Record<string, unknown>[] };

export function normalizeIssuer(issuer: string): string {
  return issuer.replace(/\/+$/, "");
}

/** The custom authorization server's id from an issuer `{org}/oauth2/{id}`; undefined for the org server. */
export function customServerId(issuer: string): string | undefined {
  return /\/oauth2\/([^/]+)$/.exec(normalizeIssuer(issuer))?.[1];
}

export function discoveryUrl(issuer: string): string {
  return `${normalizeIssuer(issuer)}/.well-known/openid-configuration`;
}

/**
 * Reads `token_endpoint` and `jwks_uri` from the issuer's metadata; the two Direct Authentication
 * endpoints are not advertised there, so they are derived from the token endpoint the way Okta's
 * own SDK does.
 */
export async function discover(http: HttpClient, issuer: string, tally: RequestTally): Promise<Endpoints> {
  const expected = normalizeIssuer(issuer);
  const url = discoveryUrl(expected);
  const answer = readOAuth(await http.getJson(url, tally), pathOf(url));
  if (!answer.ok) {
    throw new ProblemError({ ...answer.problem, code: answer.problem.status === 404 ? "discovery_not_found" : answer.problem.code });
  }
  const parsed = metadataSchema.safeParse(answer.body);
  if (!parsed.success) fail("missing_field", { detail: { path: pathOf(url), field: parsed.error.issues[0]?.path.join(".") ?? "?" } });
  const metadata = parsed.data;
  if (normalizeIssuer(metadata.issuer) !== expected) fail("issuer_mismatch", { detail: { announced: metadata.issuer } });
  if (!/\/token$/.test(new URL(metadata.token_endpoint).pathname)) {
    fail("unexpected_token_endpoint", { detail: { tokenEndpoint: metadata.token_endpoint } });
  }
  // Okta serves both on the issuer's own origin; anywhere else would get the password, or vouch for tokens.
  const origin = new URL(expected).origin;
  for (const [field, endpoint] of [["token_endpoint", metadata.token_endpoint], ["jwks_uri", metadata.jwks_uri]] as const) {
    if (new URL(endpoint).origin !== origin) fail("foreign_endpoint", { detail: { field, origin: new URL(endpoint).origin, issuerOrigin: origin } });
  }
  checkTransport(metadata.token_endpoint);
  checkTransport(metadata.jwks_uri);
  const base = metadata.token_endpoint.replace(/\/token$/, "");
  return {
    issuer: expected,
    token: metadata.token_endpoint,
    primaryAuthenticate: `${base}/primary-authenticate`,
    challenge: `${base}/challenge`,
    jwks: metadata.jwks_uri,
  };
}

export async function fetchJwks(http: HttpClient, jwksUri: string, tally: RequestTally): Promise<JsonWebKeySet> {
  const path = pathOf(jwksUri);
  const answer = readOAuth(await http.getJson(jwksUri, tally), path);
  if (!answer.ok) throw new ProblemError(answer.problem);
  const parsed = jwksSchema.safeParse(answer.body);
  if (!parsed.success) fail("missing_field", { detail: { path, field: "keys" } });
  return parsed.data as JsonWebKeySet;
}
