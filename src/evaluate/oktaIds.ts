import { createHash } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A 20-character id shaped like Okta's (type prefix + base62), derived from a seed so runs repeat. */
export function oktaId(prefix: string, seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  let id = prefix;
  for (let i = 0; id.length < 20; i++) id += ALPHABET[digest[i] % ALPHABET.length];
  return id;
}
