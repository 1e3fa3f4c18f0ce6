import { IncomingHttpHeaders } from "node:http";
import { createLocalJWKSet, decodeJwt, jwtVerify } from "jose";
import { Answer, jsonAnswer } from "../answer";
import { OAuthError } from "../errors";
import { EmulatorState } from "../state";
import { ProofRefused, verifyProof } from "./dpopProofs";
import { listParam, param } from "./params";
import { ServiceAppRegistration } from "./serviceApps";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const TOKEN_LIFETIME_SECONDS = 3600;
const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

/** `client_credentials` with a private_key_jwt assertion: a service app asking for a management API token. */
export function isServiceAppTokenRequest(form: URLSearchParams): boolean {
  return param(form, "grant_type") === "client_credentials" && param(form, "client_assertion_type") === JWT_BEARER;
}

/**
 * The org authorization server's token endpoint for service apps, as Okta answers a new service
 * app (DPoP required): the client assertion must verify against the app's keys, a DPoP proof must
 * come with a nonce this server handed out (the first answer hands one out), and every scope asked
 * for must be granted to the app.
 */
export async function serviceAppToken(
  state: EmulatorState,
  tokenUrl: { audience: string; addressed: string },
  form: URLSearchParams,
  headers: IncomingHttpHeaders,
): Promise<Answer> {
  const apps = state.serviceApps;
  const { app, assertionJti, assertionExpiresAtMs } = await authenticateServiceApp(state, tokenUrl.audience, form);
  const proofHeader = headers.dpop;
  if (typeof proofHeader !== "string") throw new OAuthError(400, "invalid_dpop_proof", "The DPoP proof JWT header is missing.");
  let proof;
  try {
    proof = await verifyProof(proofHeader, "POST", tokenUrl.addressed);
  } catch (error) {
    if (error instanceof ProofRefused) throw new OAuthError(400, "invalid_dpop_proof", error.message);
    throw error;
  }
  if (!apps.knowsNonce(proof.nonce)) {
    return jsonAnswer(
      400,
      { error: "use_dpop_nonce", error_description: "Authorization server requires nonce in DPoP proof." },
      { "DPoP-Nonce": apps.newNonce(), ...NO_STORE },
    );
  }
  // Used up only now: the retry with the nonce may repeat the assertion.
  if (!apps.useJti(`assertion:${assertionJti}`, assertionExpiresAtMs)) throw clientRefused("the client_assertion's jti was used before");
  if (!apps.useJti(proof.jti, proof.usableUntilMs)) throw new OAuthError(400, "invalid_dpop_proof", "The DPoP proof's jti was used before.");
  const scopes = listParam(form, "scope") ?? [];
  const notGranted = scopes.filter((s) => !app.scopes.includes(s));
  if (scopes.length === 0 || notGranted.length > 0) {
    throw new OAuthError(
      400,
      "invalid_scope",
      `The following scopes were requested, but not granted: ${notGranted.join(" ") || "(no scope requested)"}.`,
    );
  }
  const accessToken = apps.issue({ clientId: app.clientId, scopes, jkt: proof.jkt, expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000 });
  return jsonAnswer(
    200,
    { token_type: "DPoP", expires_in: TOKEN_LIFETIME_SECONDS, access_token: accessToken, scope: scopes.join(" ") },
    NO_STORE,
  );
}

function clientRefused(why: string): OAuthError {
  return new OAuthError(401, "invalid_client", `Client authentication failed. Either the client or the client credentials are invalid. (${why})`);
}

/** private_key_jwt (RFC 7523): iss and sub the client id, aud the token URL, signed by one of the app's keys. */
async function authenticateServiceApp(
  state: EmulatorState,
  tokenUrl: string,
  form: URLSearchParams,
): Promise<{ app: ServiceAppRegistration; assertionJti: string; assertionExpiresAtMs: number }> {
  const assertion = param(form, "client_assertion");
  if (!assertion) throw new OAuthError(400, "invalid_request", "The 'client_assertion' parameter is required.");
  let issuer: unknown;
  try {
    issuer = decodeJwt(assertion).iss;
  } catch {
    throw clientRefused("the client_assertion is not a JWT");
  }
  const app = typeof issuer === "string" ? state.serviceApps.find(state.org, issuer) : undefined;
  if (!app) throw clientRefused("no service app has the client_assertion's issuer as its client id");
  try {
    const { payload } = await jwtVerify(assertion, createLocalJWKSet({ keys: app.publicKeys }), {
      issuer: app.clientId,
      subject: app.clientId,
      audience: tokenUrl,
      requiredClaims: ["exp", "jti"],
    });
    return { app, assertionJti: String(payload.jti), assertionExpiresAtMs: Number(payload.exp) * 1000 };
  } catch {
    throw clientRefused("the client_assertion's signature, audience, subject or expiry is wrong");
  }
}
