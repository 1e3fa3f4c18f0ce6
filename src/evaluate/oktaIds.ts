import { createHash } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A 20-character id shaped like Okta's (type prefix + base62), derived from a seed so runs repeat. */
export function oktaId(prefix: string, seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  let id = prefix;
  for (let i = 0; id.length < 20; i++) id += ALPHABET[digest[i] % ALPHABET.length];
  return id;
}

/** Okta's id prefixes for the object types the program declares. */
export const ID_PREFIX: Record<string, string> = {
  "okta:app/oAuth:OAuth": "0oa",
  "okta:user/user:User": "00u",
  "okta:group/group:Group": "00g",
  "okta:index/authenticator:Authenticator": "aut",
  "okta:index/appSignonPolicy:AppSignonPolicy": "rst",
  "okta:index/appSignonPolicyRule:AppSignonPolicyRule": "rul",
  "okta:policy/signon:Signon": "00p",
  "okta:policy/ruleSignon:RuleSignon": "0pr",
  "okta:auth/serverPolicy:ServerPolicy": "00p",
  "okta:auth/serverPolicyRule:ServerPolicyRule": "0pr",
};
