import type * as Jose from "jose";

/**
 * The key pair a service app's access token is bound to (DPoP, RFC 9449), made per client and kept
 * in memory only: Okta requires DPoP for new service apps (okta/okta-sdk-nodejs#424).
 */
export interface DpopKey {
  privateKey: Jose.CryptoKey;
  publicJwk: Jose.JWK;
}

// jose and node:crypto are required at call time, not imported: Pulumi serializes these functions
// into the dynamic provider by value, and a module object they captured would be copied whole.

export async function newDpopKey(): Promise<DpopKey> {
  const { exportJWK, generateKeyPair } = require("jose") as typeof Jose;
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  return { privateKey, publicJwk: await exportJWK(publicKey) };
}

/**
 * A proof for one request, never reused: the method, the URL without query or fragment, the
 * server's nonce when it asked for one, and for API calls the hash of the access token (`ath`).
 */
export async function dpopProof(
  key: DpopKey,
  method: string,
  url: string,
  bound: { nonce?: string; accessToken?: string } = {},
): Promise<string> {
  const { SignJWT } = require("jose") as typeof Jose;
  const { createHash, randomUUID } = require("node:crypto") as typeof import("node:crypto");
  const claims: Record<string, string> = { htm: method, htu: url.split(/[?#]/)[0] };
  if (bound.nonce) claims.nonce = bound.nonce;
  if (bound.accessToken) claims.ath = createHash("sha256").update(bound.accessToken).digest("base64url");
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk: key.publicJwk })
    .setIssuedAt()
    .setJti(randomUUID())
    .sign(key.privateKey);
}
