import { randomBytes } from "node:crypto";

/** An unguessable token (oob codes, mfa tokens, nonces, access tokens): 192 random bits, base64url. */
export function opaqueToken(): string {
  return randomBytes(24).toString("base64url");
}
