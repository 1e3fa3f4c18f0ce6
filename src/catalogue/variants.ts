import { AuthenticatorKey, AuthenticatorMethod } from "./authenticators";
import { GRANT, GrantType } from "./grants";

/**
 * "User must authenticate with" in the app sign-in policy rule. 1FA = "Any 1 factor type";
 * 2FA = "Password + Another factor" (docs/direct-auth-reference.md#variants: the two cannot share one rule).
 */
export type FactorMode = "1FA" | "2FA";

/** Which wire protocol the client speaks (docs/direct-auth-reference.md#wire-protocol). */
export type FlowKind = "otp" | "mfa-otp" | "oob" | "mfa-oob";

export interface Variant {
  id: VariantId;
  /** The guide's page title. */
  title: string;
  /** The grant type the client sends to finish the flow. */
  grantType: GrantType;
  /** Grant types to tick on the app besides authorization_code (password first for MFA). */
  appGrantTypes: readonly GrantType[];
  authenticatorKey: AuthenticatorKey;
  /** channel_hint values the flow can use; empty for OTP. */
  channels: readonly AuthenticatorMethod[];
  factorMode: FactorMode;
  flow: FlowKind;
  /** The app integration name used when the variant has an app of its own. */
  appLabel: string;
  /** The guide's example authentication policy and rule names. */
  policyName: string;
  ruleName: string;
}

export const VARIANT_IDS = [
  "otp",
  "mfa-otp",
  "oob-okta-verify",
  "mfa-oob-okta-verify",
  "oob-phone",
  "mfa-oob-phone",
  "oob-email",
  "mfa-oob-email",
] as const;

export type VariantId = (typeof VARIANT_IDS)[number];

const catalogue: readonly Variant[] = [
  {
    id: "otp",
    title: "OTP (primary factor)",
    grantType: GRANT.otp,
    appGrantTypes: [GRANT.otp],
    authenticatorKey: "google_otp",
    channels: [],
    factorMode: "1FA",
    flow: "otp",
    appLabel: "Direct Auth OTP",
    policyName: "Direct Auth 1FA",
    ruleName: "1Factor",
  },
  {
    id: "mfa-otp",
    title: "OTP (MFA)",
    grantType: GRANT.mfaOtp,
    appGrantTypes: [GRANT.password, GRANT.mfaOtp],
    authenticatorKey: "google_otp",
    channels: [],
    factorMode: "2FA",
    flow: "mfa-otp",
    appLabel: "Direct Auth MFA OTP",
    policyName: "Direct Auth MFA OTP 2FA",
    ruleName: "2 MFA OTP Factor",
  },
  {
    id: "oob-okta-verify",
    title: "Okta Verify Push (primary factor)",
    grantType: GRANT.oob,
    appGrantTypes: [GRANT.oob],
    authenticatorKey: "okta_verify",
    channels: ["push"],
    factorMode: "1FA",
    flow: "oob",
    appLabel: "Direct Auth Okta Verify Push",
    policyName: "Direct Auth OOB 1FA",
    ruleName: "1Factor",
  },
  {
    id: "mfa-oob-okta-verify",
    title: "Okta Verify Push (MFA)",
    grantType: GRANT.mfaOob,
    appGrantTypes: [GRANT.password, GRANT.mfaOob],
    authenticatorKey: "okta_verify",
    channels: ["push"],
    factorMode: "2FA",
    flow: "mfa-oob",
    appLabel: "Direct Auth MFA Okta Verify Push",
    policyName: "Direct Auth MFA OOB 2FA",
    ruleName: "2 MFA OOB Factor",
  },
  {
    id: "oob-phone",
    title: "Phone (primary factor)",
    grantType: GRANT.oob,
    appGrantTypes: [GRANT.oob],
    authenticatorKey: "phone_number",
    channels: ["sms", "voice"],
    factorMode: "1FA",
    flow: "oob",
    appLabel: "Direct Auth Phone",
    policyName: "Direct Auth OOB 1FA",
    ruleName: "1Factor",
  },
  {
    id: "mfa-oob-phone",
    title: "Phone (MFA)",
    grantType: GRANT.mfaOob,
    appGrantTypes: [GRANT.password, GRANT.mfaOob],
    authenticatorKey: "phone_number",
    channels: ["sms", "voice"],
    factorMode: "2FA",
    flow: "mfa-oob",
    appLabel: "Direct Auth MFA Phone",
    policyName: "Direct Auth MFA OOB 2FA",
    ruleName: "2 MFA OOB Factor",
  },
  {
    id: "oob-email",
    title: "Email (primary factor)",
    grantType: GRANT.oob,
    appGrantTypes: [GRANT.oob],
    authenticatorKey: "okta_email",
    channels: ["email"],
    factorMode: "1FA",
    flow: "oob",
    appLabel: "Direct Auth Email",
    policyName: "Direct Auth OOB Email 1FA",
    ruleName: "1Factor",
  },
  {
    id: "mfa-oob-email",
    title: "Email (MFA)",
    grantType: GRANT.mfaOob,
    appGrantTypes: [GRANT.password, GRANT.mfaOob],
    authenticatorKey: "okta_email",
    channels: ["email"],
    factorMode: "2FA",
    flow: "mfa-oob",
    appLabel: "Direct Auth MFA Email",
    policyName: "Direct Auth Email MFA OOB 2FA",
    ruleName: "2 MFA Email OOB Factor",
  },
];

const byId = new Map<string, Variant>(catalogue.map((v) => [v.id, v]));

export function allVariants(): readonly Variant[] {
  return catalogue;
}

export function variant(id: VariantId): Variant {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown variant ${JSON.stringify(id)}`);
  return found;
}

export function isVariantId(value: string): value is VariantId {
  return byId.has(value);
}
