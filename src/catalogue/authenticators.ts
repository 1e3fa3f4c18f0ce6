/** The authenticators the variants use, with the method types their flows can use. */
export const AUTHENTICATORS = {
  google_otp: { name: "Google Authenticator", methods: [] },
  okta_verify: { name: "Okta Verify", methods: ["push"] },
  phone_number: { name: "Phone", methods: ["sms", "voice"] },
  okta_email: { name: "Email", methods: ["email"] },
} as const;

export type AuthenticatorKey = keyof typeof AUTHENTICATORS;
export type AuthenticatorMethod = "push" | "sms" | "voice" | "email";

/** The password authenticator every Identity Engine org has; Okta insists it stays REQUIRED. */
export const PASSWORD_AUTHENTICATOR_KEY = "okta_password";
