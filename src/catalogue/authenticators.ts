/**
 * The authenticators the variants use. `enrollmentField` is the attribute name the provider's
 * `okta.PolicyMfaDefault` uses for the same key; `methods` are the method types the flows need.
 */
export const AUTHENTICATORS = {
  google_otp: { name: "Google Authenticator", enrollmentField: "googleOtp", methods: [] },
  okta_verify: { name: "Okta Verify", enrollmentField: "oktaVerify", methods: ["push"] },
  phone_number: { name: "Phone", enrollmentField: "phoneNumber", methods: ["sms", "voice"] },
  okta_email: { name: "Email", enrollmentField: "oktaEmail", methods: ["email"] },
} as const;

export type AuthenticatorKey = keyof typeof AUTHENTICATORS;
export type AuthenticatorMethod = "push" | "sms" | "voice" | "email";

/** The password authenticator every Identity Engine org has; Okta insists it stays REQUIRED. */
export const PASSWORD_AUTHENTICATOR_KEY = "okta_password";
