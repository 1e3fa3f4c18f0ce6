import { notFound } from "../errors";
import { AppSignOnPolicy, EnrollmentPolicy, Org, SessionPolicy } from "../orgModel";

/** The policy types the emulator serves, each kept where the flows read it. */
export type PolicyRef =
  | { type: "MFA_ENROLL"; policy: EnrollmentPolicy }
  | { type: "ACCESS_POLICY"; policy: AppSignOnPolicy }
  | { type: "OKTA_SIGN_ON"; policy: SessionPolicy };

export const POLICY_TYPES: readonly PolicyRef["type"][] = ["OKTA_SIGN_ON", "MFA_ENROLL", "ACCESS_POLICY"];

export function policiesOfType(org: Org, type: string): PolicyRef[] {
  switch (type) {
    case "MFA_ENROLL":
      return [{ type, policy: org.enrollment }];
    case "ACCESS_POLICY":
      return [org.defaultAppSignOnPolicy, ...org.appSignOnPolicies.values()].map((policy) => ({ type, policy }));
    case "OKTA_SIGN_ON":
      return sessionPoliciesInOrder(org).map((policy) => ({ type, policy }));
    default:
      return [];
  }
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
