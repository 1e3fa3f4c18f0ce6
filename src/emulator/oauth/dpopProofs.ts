import { createHash } from "node:crypto";
import { EmbeddedJWK, JWK, calculateJwkThumbprint, jwtVerify } from "jose";

/** How far a proof's `iat` may be from the emulator's clock, either way. */
const PROOF_WINDOW_SECONDS = 300;
const PROOF_ALGORITHMS = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"];

/** A DPoP proof (RFC 9449) the emulator accepted: the key it is bound to, and what it carried. */
export interface VerifiedProof {
  /** JWK SHA-256 thumbprint of the proof's key, which the access token is bound to. */
  jkt: string;
  jti: string;
  nonce?: string;
  /** When the proof leaves its window: its jti need not be remembered past that. */
  usableUntilMs: number;
}

/** Why a DPoP proof is refused; the caller answers it in its endpoint's style. */
export class ProofRefused extends Error {}

/**
 * Checks a proof's signature against its own embedded key, its type, method, URL (`htu` without
 * query), age, and for resource requests the hash of the access token (`ath`). Replays are the
 * caller's to track by `jti`.
 */
export async function verifyProof(
  proof: string,
  method: string,
  url: string,
  accessToken?: string,
): Promise<VerifiedProof> {
  let verified;
  try {
    verified = await jwtVerify(proof, EmbeddedJWK, { typ: "dpop+jwt", algorithms: PROOF_ALGORITHMS });
  } catch {
    throw new ProofRefused("The DPoP proof JWT is invalid: its signature, typ or alg cannot be verified.");
  }
  const { payload, protectedHeader } = verified;
  const claim = (name: string) => (typeof payload[name] === "string" ? (payload[name] as string) : undefined);
  if (claim("htm") !== method) throw new ProofRefused(`The DPoP proof's htm claim does not match the request method ${method}.`);
  if (claim("htu") !== url) throw new ProofRefused(`The DPoP proof's htu claim does not match the request URL ${url}.`);
  const jti = claim("jti");
  if (!jti) throw new ProofRefused("The DPoP proof has no jti claim.");
  const iat = typeof payload.iat === "number" ? payload.iat : undefined;
  if (iat === undefined || Math.abs(Date.now() / 1000 - iat) > PROOF_WINDOW_SECONDS) {
    throw new ProofRefused("The DPoP proof's iat claim is missing or too far from the server's time.");
  }
  if (accessToken !== undefined && claim("ath") !== accessTokenHash(accessToken)) {
    throw new ProofRefused("The DPoP proof's ath claim does not match the access token.");
  }
  return {
    jkt: await calculateJwkThumbprint(protectedHeader.jwk as JWK),
    jti,
    nonce: claim("nonce"),
    usableUntilMs: (iat + PROOF_WINDOW_SECONDS) * 1000,
  };
}

/** `ath`: base64url of the SHA-256 of the access token. */
export function accessTokenHash(accessToken: string): string {
  return createHash("sha256").update(accessToken).digest("base64url");
}
