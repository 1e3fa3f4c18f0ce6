/** The authenticators the variants use, with the method types their flows can use. */
export const AUTHENTICATORS = {
  google_otp: { name: "Google Authenticator", methods: [] },
  okta_verify: { name: "Okta Verify", methods: ["push"] },
  /** Okta Verify's push on an org with Flexible Okta Verify (src/catalogue/oktaVerify.ts). */
  okta_verify_push: { name: "Okta Verify Push", methods: ["push"] },
  phone_number: { name: "Phone", methods: ["sms", "voice"] },
  okta_email: { name: "Email", methods: ["email"] },
} as const;

export type AuthenticatorKey = keyof typeof AUTHENTICATORS;
export type AuthenticatorMethod = "push" | "sms" | "voice" | "email";

/** Okta's `settings.allowedFor`, the console's "Used for": `any` is "Authentication and recovery". */
export type AllowedFor = "recovery" | "sso" | "any" | "none";

/**
 * The "Used for" a variant's flow needs where Okta ships an authenticator narrower: a fresh org's
 * Email is for recovery only, and Okta refuses it as a primary factor until it is allowed for
 * authentication too.
 */
export const USE_NEEDED: Partial<Record<AuthenticatorKey, AllowedFor>> = { okta_email: "any" };

/** The password authenticator every Identity Engine org has; Okta insists it stays REQUIRED. */
export const PASSWORD_AUTHENTICATOR_KEY = "okta_password";
