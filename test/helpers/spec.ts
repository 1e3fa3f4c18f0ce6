import { CATCH_ALL, OKTA, ORG_SETTINGS, RANDOM_PASSWORD } from "./tokens";

/**
 * The reference's tables (docs/direct-auth-reference.md#variants, #setup-steps) transcribed as data, literal
 * strings and all, so tests compare the code against the spec rather than against the code's own
 * constants: a typo in a grant URN or an authenticator key fails here.
 */

export type UserMustAuthenticateWith = "Any 1 factor type" | "Password + Another factor";

export interface SpecVariant {
  id: string;
  /** "grant the client uses" */
  grant: string;
  /** "app grant types to tick (besides authorization_code)" */
  appGrants: string[];
  authenticatorKey: string;
  channels: string[];
  mustAuthenticateWith: UserMustAuthenticateWith;
  policyName: string;
  ruleName: string;
}

const OTP = "urn:okta:params:oauth:grant-type:otp";
const OOB = "urn:okta:params:oauth:grant-type:oob";
const MFA_OTP = "http://auth0.com/oauth/grant-type/mfa-otp";
const MFA_OOB = "http://auth0.com/oauth/grant-type/mfa-oob";

/** §1 "The variants", in the table's order. */
export const SPEC_VARIANTS: readonly SpecVariant[] = [
  { id: "otp", grant: OTP, appGrants: [OTP], authenticatorKey: "google_otp", channels: [], mustAuthenticateWith: "Any 1 factor type", policyName: "Direct Auth 1FA", ruleName: "1Factor" },
  { id: "mfa-otp", grant: MFA_OTP, appGrants: ["password", MFA_OTP], authenticatorKey: "google_otp", channels: [], mustAuthenticateWith: "Password + Another factor", policyName: "Direct Auth MFA OTP 2FA", ruleName: "2 MFA OTP Factor" },
  { id: "oob-okta-verify", grant: OOB, appGrants: [OOB], authenticatorKey: "okta_verify", channels: ["push"], mustAuthenticateWith: "Any 1 factor type", policyName: "Direct Auth OOB 1FA", ruleName: "1Factor" },
  { id: "mfa-oob-okta-verify", grant: MFA_OOB, appGrants: ["password", MFA_OOB], authenticatorKey: "okta_verify", channels: ["push"], mustAuthenticateWith: "Password + Another factor", policyName: "Direct Auth MFA OOB 2FA", ruleName: "2 MFA OOB Factor" },
  { id: "oob-phone", grant: OOB, appGrants: [OOB], authenticatorKey: "phone_number", channels: ["sms", "voice"], mustAuthenticateWith: "Any 1 factor type", policyName: "Direct Auth OOB 1FA", ruleName: "1Factor" },
  { id: "mfa-oob-phone", grant: MFA_OOB, appGrants: ["password", MFA_OOB], authenticatorKey: "phone_number", channels: ["sms", "voice"], mustAuthenticateWith: "Password + Another factor", policyName: "Direct Auth MFA OOB 2FA", ruleName: "2 MFA OOB Factor" },
  { id: "oob-email", grant: OOB, appGrants: [OOB], authenticatorKey: "okta_email", channels: ["email"], mustAuthenticateWith: "Any 1 factor type", policyName: "Direct Auth OOB Email 1FA", ruleName: "1Factor" },
  // Okta's guide page "MFA OOB with Email" (main/mfaoobem): its policy and rule names.
  { id: "mfa-oob-email", grant: MFA_OOB, appGrants: ["password", MFA_OOB], authenticatorKey: "okta_email", channels: ["email"], mustAuthenticateWith: "Password + Another factor", policyName: "Direct Auth Email MFA OOB 2FA", ruleName: "2 MFA Email OOB Factor" },
];

export function specVariant(id: string): SpecVariant {
  const row = SPEC_VARIANTS.find((v) => v.id === id);
  if (!row) throw new Error(`no spec row ${id}`);
  return row;
}

export const isPrimaryFactor = (v: SpecVariant) => v.mustAuthenticateWith === "Any 1 factor type";

/**
 * §2, clone-policy row: how each "User must authenticate with" choice is written with the provider.
 * The spec writes the password constraint without `required`; the provider then sends
 * `required: false` (its struct field has no omitempty), which lets any two factor types through, so
 * "Password + Another factor" must say `required: true` (issue 10).
 */
export const RULE_FOR: Record<UserMustAuthenticateWith, { factorMode: string; constraints: string[] }> = {
  "Any 1 factor type": { factorMode: "1FA", constraints: [] },
  "Password + Another factor": { factorMode: "2FA", constraints: [JSON.stringify({ knowledge: { types: ["password"], required: true } })] },
};

/** Scopes a custom authorization server's rule must allow for the smoke check's token requests. */
export const DIRECT_AUTH_SCOPES = ["openid", "profile", "offline_access"];

/** What the app grants for a set of variants that share one app: §2 native-app row plus §1. */
export function specAppGrants(variants: readonly SpecVariant[]): string[] {
  return [...new Set(["authorization_code", ...variants.flatMap((v) => v.appGrants)])];
}

export interface SetupShape {
  /** Distinct authenticators the variants use. */
  authenticators: number;
  apps: number;
  /** Any primary-factor (1FA) variant present. */
  primaryFactor: boolean;
  customServer?: boolean;
  createUser?: boolean;
}

/**
 * §2 "declared by the program", row by row: how many of each object a setup of this shape needs.
 * Shared steps (enrollment, session policy, access policy, test user) appear once per setup.
 */
export function specInventory(shape: SetupShape): Record<string, number> {
  const inventory: Record<string, number> = {
    // Enable authenticator + enrollment (a REST read-modify-write the provider cannot do safely)
    [OKTA.authenticator]: shape.authenticators,
    [ORG_SETTINGS]: 1,
    // Native app + "Allow everyone"
    [OKTA.app]: shape.apps,
    [OKTA.groupAssignment]: shape.apps,
    // Cloned authentication policy + test-user rule, one per app
    [OKTA.appSignOnPolicy]: shape.apps,
    [OKTA.appSignOnPolicyRule]: shape.apps,
    // Its catch-all's access, set in place (the provider sets it only at creation)
    [CATCH_ALL]: shape.apps,
  };
  if (shape.primaryFactor) {
    Object.assign(inventory, { [OKTA.group]: 1, [OKTA.groupMemberships]: 1, [OKTA.sessionPolicy]: 1, [OKTA.sessionPolicyRule]: 1 });
  }
  if (shape.customServer) Object.assign(inventory, { [OKTA.serverPolicy]: 1, [OKTA.serverPolicyRule]: 1 });
  if (shape.createUser) Object.assign(inventory, { [OKTA.user]: 1, [RANDOM_PASSWORD]: 1 });
  return inventory;
}
