import { createLocalJWKSet, errors, JSONWebKeySet, JWTPayload, jwtVerify } from "jose";
import { fail } from "./problem";
import { JsonWebKeySet } from "./discovery";

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  /** Epoch ms; the run's clock, so tests can move time. */
  now: number;
}

/** Okta's clocks and ours may drift apart a little; more than this is a real expiry. */
const CLOCK_TOLERANCE_SECONDS = 60;

/**
 * Verifies the ID token against the JWKS fetched once for the run (OIDC Core §3.1.3.7): RS256
 * signature, `iss`, `aud`, `azp` when present or when there are several audiences, `exp`, and
 * `iat` not in the future. Failures become problems naming what did not match, never the token.
 */
export async function verifyIdToken(idToken: string, jwks: JsonWebKeySet, expected: IdTokenExpectations): Promise<void> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, createLocalJWKSet(jwks as JSONWebKeySet), {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: ["RS256"],
      requiredClaims: ["exp", "iat"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(expected.now),
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) fail("id_token_expired");
    if (error instanceof errors.JWTClaimValidationFailed) fail("id_token_claim", { detail: { claim: error.claim } });
    if (error instanceof errors.JWKSNoMatchingKey) fail("id_token_unknown_key");
    if (error instanceof errors.JWSSignatureVerificationFailed) fail("id_token_signature");
    if (error instanceof errors.JOSEAlgNotAllowed) fail("id_token_algorithm");
    fail("id_token_invalid", { detail: { reason: (error as { code?: string }).code ?? "malformed" } });
  }
  // OIDC Core §3.1.3.7: a token authorized for another party was not issued to this client, and
  // one for several audiences must name the party it was issued to.
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if ((audiences.length > 1 || payload.azp !== undefined) && payload.azp !== expected.clientId) {
    fail("id_token_claim", { detail: { claim: "azp" } });
  }
  // §3.1.3.7 item 10: a token issued in the future (beyond the clocks' drift) is refused.
  if (typeof payload.iat === "number" && payload.iat > expected.now / 1000 + CLOCK_TOLERANCE_SECONDS) {
    fail("id_token_claim", { detail: { claim: "iat" } });
  }
}
