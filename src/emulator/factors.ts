import { PASSWORD_AUTHENTICATOR_KEY } from "../catalogue/authenticators";
import { FLEXIBLE_OKTA_VERIFY_KEYS } from "../catalogue/oktaVerify";
import { Org, OrgUser, authenticatorByKey, enrollmentOf } from "./orgModel";

/** How the user proved who they are in one leg of a flow. */
export type FactorKind = "password" | "otp" | "push" | "sms" | "voice" | "email";
export type OobChannel = "push" | "sms" | "voice" | "email";

/** The authenticator key and method each factor needs (guide step "Enable authenticators"). */
export const FACTOR_AUTHENTICATOR: Record<FactorKind, { key: string; method: string }> = {
  password: { key: PASSWORD_AUTHENTICATOR_KEY, method: "password" },
  otp: { key: "google_otp", method: "otp" },
  push: { key: "okta_verify", method: "push" },
  sms: { key: "phone_number", method: "sms" },
  voice: { key: "phone_number", method: "voice" },
  email: { key: "okta_email", method: "email" },
};

/** The authenticator a factor needs in this org: a flexible org's push is `okta_verify_push`. */
export function factorAuthenticator(org: Org, factor: FactorKind): { key: string; method: string } {
  const needed = FACTOR_AUTHENTICATOR[factor];
  return org.oktaVerify === "flexible" && factor === "push" ? { ...needed, key: FLEXIBLE_OKTA_VERIFY_KEYS.push } : needed;
}

/** The authenticator type each factor is, as sign-in policy constraints name it. */
const CONSTRAINT_TYPE: Record<FactorKind, string> = { password: "password", otp: "app", push: "app", sms: "phone", voice: "phone", email: "email" };

/** Factor class and type as sign-in policy constraints name them: the password is the one knowledge factor. */
export function factorClass(factor: FactorKind): { kind: "knowledge" | "possession"; type: string } {
  return { kind: factor === "password" ? "knowledge" : "possession", type: CONSTRAINT_TYPE[factor] };
}

/**
 * What `/primary-authenticate` and `/challenge` accept: Okta's guide page "MFA OOB with Email"
 * challenges with `channel_hint=email` after the password leg, as the primary-factor page does.
 */
export const OOB_CHANNELS: readonly OobChannel[] = ["push", "sms", "voice", "email"];

/**
 * The simulated user has enrolled in every authenticator that is ACTIVE and enrollable, unless the
 * enrollment was deleted through the factors API since.
 */
export function isEnrolled(org: Org, user: OrgUser, key: string): boolean {
  if (key === PASSWORD_AUTHENTICATOR_KEY) return true;
  const authenticator = authenticatorByKey(org, key);
  return (
    authenticator?.status === "ACTIVE" && enrollmentOf(org, key, user.id) !== "NOT_ALLOWED" && !user.unenrolled.has(key)
  );
}
