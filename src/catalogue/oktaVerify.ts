import { AuthenticatorKey } from "./authenticators";

/**
 * Okta's "Flexible Okta Verify authenticator configuration" (Early Access) splits `okta_verify` into
 * one authenticator per method. With it on, Okta refuses `okta_verify` in authenticator writes
 * (create, replace), in authenticator enrollment policies, in app sign-in policy rules and in
 * expressions; reads still answer (docs/direct-auth-reference.md#flexible-okta-verify).
 */
export const OKTA_VERIFY_MODES = ["classic", "flexible"] as const;
export type OktaVerifyMode = (typeof OKTA_VERIFY_MODES)[number];

/** The per-method authenticators of a flexible org, by the classic Okta Verify method they stand for. */
export const FLEXIBLE_OKTA_VERIFY_KEYS = {
  push: "okta_verify_push",
  totp: "okta_verify_totp",
  signed_nonce: "okta_verify_fastpass",
} as const;

export const CLASSIC_OKTA_VERIFY_KEY = "okta_verify";

const SPLIT_KEYS: readonly string[] = Object.values(FLEXIBLE_OKTA_VERIFY_KEYS);

/** Every key that means Okta Verify in either kind of org. */
export function isOktaVerifyKey(key: string): boolean {
  return key === CLASSIC_OKTA_VERIFY_KEY || SPLIT_KEYS.includes(key);
}

/** The key the variants' push is written with in an org of this kind. */
export function authenticatorKeyIn(mode: OktaVerifyMode, key: AuthenticatorKey): AuthenticatorKey {
  return mode === "flexible" && key === CLASSIC_OKTA_VERIFY_KEY ? FLEXIBLE_OKTA_VERIFY_KEYS.push : key;
}

/** A flexible org lists the per-method authenticators; a classic one never has them. */
export function oktaVerifyModeOf(authenticatorKeys: readonly string[]): OktaVerifyMode {
  return authenticatorKeys.some((k) => SPLIT_KEYS.includes(k)) ? "flexible" : "classic";
}
