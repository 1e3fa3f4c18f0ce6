import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { ManagementApiError, validationFailed } from "../errors";
import { AppSignOnPolicy, CustomEnrollmentPolicy, SessionPolicy, catchAllRule } from "../orgModel";
import { EmulatorState } from "../state";
import { nowIso, section } from "./api";
import { enrollmentSettingsOf } from "./enrollmentSettings";
import { PolicyRef, customPolicy } from "./policyStore";
import { existingGroups } from "./groupRefs";
import { placeByPriority } from "./priorities";
import { requestedPriority } from "./ruleInput";

/** `conditions.people.groups.include` of a session or enrollment policy; undefined when the body leaves it out. */
function groupsIncludedOf(state: EmulatorState, body: Record<string, unknown>): string[] | undefined {
  const include = section(section(section(body.conditions).people).groups).include;
  if (!Array.isArray(include)) return undefined;
  return existingGroups(state, "conditions.people.groups.include", include.filter((g): g is string => typeof g === "string"));
}

/**
 * A new ACCESS_POLICY starts with Okta's catch-all rule: ALLOW, two factor types, one of them
 * device-bound. Session and enrollment policies go before the default policy of their type.
 */
export function createPolicy(state: EmulatorState, body: Record<string, unknown>): PolicyRef {
  const now = nowIso();
  const id = (prefix: string) => oktaId(prefix, randomBytes(12).toString("hex"));
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name) throw validationFailed("name", ["name: The field cannot be left blank."]);
  const description = typeof body.description === "string" ? body.description : undefined;
  const status = body.status === "INACTIVE" ? "INACTIVE" : "ACTIVE";
  if (body.type === "ACCESS_POLICY") {
    const policyId = id("rst");
    const policy: AppSignOnPolicy = { id: policyId, name, description, status, system: false, created: now, lastUpdated: now, rules: [] };
    const catchAll = { ...catchAllRule(policyId, "ALLOW"), id: id("rul"), created: now, lastUpdated: now };
    catchAll.constraints = [{ possession: { required: true, deviceBound: "REQUIRED" } }];
    policy.rules.push(catchAll);
    state.org.appSignOnPolicies.set(policyId, policy);
    return { type: "ACCESS_POLICY", policy };
  }
  if (body.type === "OKTA_SIGN_ON") {
    const policy: SessionPolicy = {
      id: id("00p"),
      name,
      description,
      status,
      priority: 0,
      system: false,
      groupsIncluded: groupsIncludedOf(state, body) ?? [],
      rules: [],
      created: now,
      lastUpdated: now,
    };
    placeByPriority(state.org.sessionPolicies, policy, requestedPriority(body));
    return { type: "OKTA_SIGN_ON", policy };
  }
  if (body.type === "MFA_ENROLL") {
    const policy: CustomEnrollmentPolicy = {
      id: id("00p"),
      name,
      description,
      status,
      priority: 0,
      groupsIncluded: groupsIncludedOf(state, body) ?? [],
      settings: enrollmentSettingsOf(state, body),
      created: now,
      lastUpdated: now,
    };
    placeByPriority((state.org.enrollmentPolicies ??= []), policy, requestedPriority(body));
    return { type: "MFA_ENROLL", system: false, policy };
  }
  throw validationFailed("type", [
    `type: The emulator creates ACCESS_POLICY, OKTA_SIGN_ON and MFA_ENROLL policies, not ${JSON.stringify(body.type)}.`,
  ]);
}

/**
 * Name, description, and (session and custom enrollment policies) priority and groups; the
 * enrollment settings of either enrollment policy; the type never changes.
 */
export function updatePolicy(state: EmulatorState, ref: PolicyRef, body: Record<string, unknown>): void {
  // Everything a body can get wrong is checked before anything changes.
  const priority = requestedPriority(body);
  const groupsIncluded = groupsIncludedOf(state, body);
  if (ref.type === "MFA_ENROLL") {
    ref.policy.settings = enrollmentSettingsOf(state, body);
    ref.policy.lastUpdated = nowIso();
    if (!ref.system) updateCustomEnrollment(state, ref.policy, body, priority, groupsIncluded);
    return;
  }
  const policy = ref.policy;
  if (!policy.system && typeof body.name === "string" && body.name.trim()) policy.name = body.name.trim();
  if (typeof body.description === "string") policy.description = body.description;
  policy.lastUpdated = nowIso();
  if (ref.type === "OKTA_SIGN_ON" && !ref.policy.system) {
    ref.policy.groupsIncluded = groupsIncluded ?? ref.policy.groupsIncluded;
    if (priority !== undefined) placeByPriority(state.org.sessionPolicies, ref.policy, priority);
  }
}

function updateCustomEnrollment(
  state: EmulatorState,
  policy: CustomEnrollmentPolicy,
  body: Record<string, unknown>,
  priority: number | undefined,
  groupsIncluded: string[] | undefined,
): void {
  if (typeof body.name === "string" && body.name.trim()) policy.name = body.name.trim();
  if (typeof body.description === "string") policy.description = body.description;
  policy.groupsIncluded = groupsIncluded ?? policy.groupsIncluded;
  if (priority !== undefined) placeByPriority(state.org.enrollmentPolicies ?? [], policy, priority);
}

export function deletePolicy(state: EmulatorState, ref: PolicyRef): void {
  if (!customPolicy(ref)) {
    throw new ManagementApiError(403, "E0000006", "You do not have permission to perform the requested action", ["A default policy cannot be deleted."]);
  }
  if (ref.type === "MFA_ENROLL") {
    const policies = state.org.enrollmentPolicies ?? [];
    policies.splice(policies.findIndex((p) => p.id === ref.policy.id), 1);
  } else if (ref.type === "ACCESS_POLICY") {
    state.org.appSignOnPolicies.delete(ref.policy.id);
    for (const app of state.org.apps) if (app.authenticationPolicyId === ref.policy.id) app.authenticationPolicyId = undefined;
  } else state.org.sessionPolicies.splice(state.org.sessionPolicies.indexOf(ref.policy), 1);
}

