import { notFound } from "../errors";
import { AppSignOnPolicy, CustomEnrollmentPolicy, EnrollmentPolicy, Org, SessionPolicy, byPriority } from "../orgModel";

/** The policy types the emulator serves, each kept where the flows read it. */
export type PolicyRef =
  | { type: "MFA_ENROLL"; system: true; policy: EnrollmentPolicy }
  | { type: "MFA_ENROLL"; system: false; policy: CustomEnrollmentPolicy }
  | { type: "ACCESS_POLICY"; policy: AppSignOnPolicy }
  | { type: "OKTA_SIGN_ON"; policy: SessionPolicy };

export const POLICY_TYPES: readonly PolicyRef["type"][] = ["OKTA_SIGN_ON", "MFA_ENROLL", "ACCESS_POLICY"];

export function policiesOfType(org: Org, type: string): PolicyRef[] {
  switch (type) {
    case "MFA_ENROLL":
      return [
        ...enrollmentPoliciesInOrder(org).map((policy) => ({ type, system: false, policy }) as const),
        { type, system: true, policy: org.enrollment },
      ];
    case "ACCESS_POLICY": {
      // Okta lists its own apps' policies first, then the default one, then the org's own.
      const others = [...org.appSignOnPolicies.values()];
      return [...others.filter((p) => p.preset), org.defaultAppSignOnPolicy, ...others.filter((p) => !p.preset)].map((policy) => ({ type, policy }));
    }
    case "OKTA_SIGN_ON":
      return sessionPoliciesInOrder(org).map((policy) => ({ type, policy }));
    default:
      return [];
  }
}

/** Custom enrollment policies by priority; the default one (kept apart) comes after them all. */
export function enrollmentPoliciesInOrder(org: Org): CustomEnrollmentPolicy[] {
  return byPriority(org.enrollmentPolicies ?? []);
}

/**
 * A policy with a lifecycle of its own; undefined for the org's default policy of each type, which
 * can be neither deactivated nor deleted.
 */
export function customPolicy(ref: PolicyRef): CustomEnrollmentPolicy | AppSignOnPolicy | SessionPolicy | undefined {
  if (ref.type === "MFA_ENROLL") return ref.system ? undefined : ref.policy;
  return ref.policy.system ? undefined : ref.policy;
}

/** Session policies by priority; the default one is always last. */
export function sessionPoliciesInOrder(org: Org): SessionPolicy[] {
  return [...org.sessionPolicies].sort((a, b) => Number(a.system ?? false) - Number(b.system ?? false) || a.priority - b.priority);
}

export function policyById(org: Org, id: string): PolicyRef {
  for (const type of POLICY_TYPES) {
    const found = policiesOfType(org, type).find((ref) => ref.policy.id === id);
    if (found) return found;
  }
  throw notFound(id, "Policy");
}
