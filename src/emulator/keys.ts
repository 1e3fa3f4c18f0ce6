import { randomBytes } from "node:crypto";
import { CryptoKey, JWK, exportJWK, generateKeyPair } from "jose";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * One RS256 key per authorization server, as in Okta, so a client that verifies against the wrong
 * server's `jwks_uri` fails here too. Generating an RSA key takes 100–500 ms, and tests start dozens
 * of emulators, so the emulators of one process share each server's key; keys live in memory only.
 */
const keysByServer = new Map<string, Promise<SigningKey>>();

/** `serverKey` is the custom server id, or "" for the org authorization server. */
export function signingKey(serverKey: string): Promise<SigningKey> {
  let key = keysByServer.get(serverKey);
  if (!key) {
    key = newSigningKey();
    keysByServer.set(serverKey, key);
  }
  return key;
}

export async function jwks(serverKey: string): Promise<{ keys: JWK[] }> {
  return { keys: [(await signingKey(serverKey)).publicJwk] };
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { modulusLength: 2048 });
  const kid = randomBytes(32).toString("base64url");
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return { kid, privateKey, publicJwk };
}
