import { createHash } from "node:crypto";
import { LOOKUPS } from "./resourceTypes";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A 20-character id shaped like Okta's (type prefix + base62), derived from a seed so runs repeat. */
export function oktaId(prefix: string, seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  let id = prefix;
  for (let i = 0; id.length < 20; i++) id += ALPHABET[digest[i] % ALPHABET.length];
  return id;
}

/** The Everyone group's id in an org that only exists as an evaluation (the offline org's answer). */
export const EVERYONE_GROUP_ID = oktaId(LOOKUPS.everyoneGroup.idPrefix, "Everyone");

/** The id an evaluation gives an existing user it looks up by login. */
export function lookedUpUserId(login: string): string {
  return oktaId(LOOKUPS.user.idPrefix, login);
}
