import { JWTPayload, SignJWT, UnsecuredJWT } from "jose";
import { SigningKey, signingKey } from "../keys";

/**
 * How the next ID token (or, for `jwks-without-kid`, the next JWKS) is broken: signed by another
 * key under the real `kid`, issued by another issuer, for another audience, authorized for another
 * party (`azp`), already expired, unsigned (`alg: none`), or with its key missing from the JWKS.
 */
export type IdTokenDefect =
  | "bad-signature"
  | "wrong-issuer"
  | "wrong-audience"
  | "wrong-azp"
  | "expired"
  | "alg-none"
  | "jwks-without-kid";

/** The key of no server here: what signs a forged token, and all a JWKS that lost the real key holds. */
export const FOREIGN_KEY = "__foreign__";
/** Another org's issuer and another org's client, for tokens meant for someone else. */
export const FOREIGN_ISSUER = "https://foreign.example.com/oauth2/default";
export const FOREIGN_CLIENT_ID = "0oaF0RE1GNC11ENT0000";

export type IdTokenClaims = JWTPayload & { iss: string; aud: string; iat: number; exp: number };

/**
 * The ID token as `defect` breaks it, or signed as Okta signs it (RS256, the server's `kid`) when
 * there is none. Only the one thing named is wrong, so a client that misses it accepts the token.
 */
export async function signIdToken(claims: IdTokenClaims, key: SigningKey, defect?: IdTokenDefect): Promise<string> {
  let payload: JWTPayload = claims;
  let signer = key.privateKey;
  switch (defect) {
    case "wrong-issuer":
      payload = { ...claims, iss: FOREIGN_ISSUER };
      break;
    case "wrong-audience":
      payload = { ...claims, aud: FOREIGN_CLIENT_ID };
      break;
    case "wrong-azp":
      payload = { ...claims, azp: FOREIGN_CLIENT_ID };
      break;
    case "expired":
      payload = { ...claims, iat: claims.iat - 7200, auth_time: claims.iat - 7200, exp: claims.iat - 3600 };
      break;
    case "alg-none":
      return new UnsecuredJWT(claims).encode();
    case "bad-signature":
      signer = (await signingKey(FOREIGN_KEY)).privateKey;
      break;
  }
  return new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid: key.kid }).sign(signer);
}
