import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { jsonAnswer, noContent } from "../answer";
import { ManagementApiError, methodNotAllowed, notFound } from "../errors";
import { AppSignOnRule, EnrollmentPolicy, EnrollmentRule, SessionRule } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso } from "./api";
import { PolicyRef, policyById } from "./policyStore";
import { existingGroups } from "./groupRefs";
import { placeByPriority } from "./priorities";
import { constraintsRefused } from "../flexibleOktaVerify";
import { appSignOnRuleInput, enrollmentRuleInput, requestedPriority, requestedStatus, sessionRuleInput } from "./ruleInput";
import { appSignOnRuleJson, enrollmentRuleJson, sessionRuleJson } from "./ruleShapes";


type RuleRef =
  | { type: "ACCESS_POLICY"; rule: AppSignOnRule }
  | { type: "OKTA_SIGN_ON"; rule: SessionRule }
  | { type: "MFA_ENROLL"; rule: EnrollmentRule };

/** Every default enrollment policy has Okta's Default Rule: enroll when challenged. */
function defaultEnrollmentRule(policy: EnrollmentPolicy): EnrollmentRule {
  return {
    id: oktaId("0pr", `${policy.id}::Default Rule`),
    name: "Default Rule",
    priority: 1,
    status: "ACTIVE",
    enroll: "CHALLENGE",
    system: true,
    created: policy.created,
    lastUpdated: policy.created,
  };
}

function enrollmentRulesOf(ref: Extract<PolicyRef, { type: "MFA_ENROLL" }>): EnrollmentRule[] {
  return (ref.policy.rules ??= ref.system ? [defaultEnrollmentRule(ref.policy)] : []);
}

/** The policy's own list of rules, to add to or remove from. */
function ruleListOf(ref: PolicyRef): { id: string; priority: number; system?: boolean }[] {
  return ref.type === "MFA_ENROLL" ? enrollmentRulesOf(ref) : ref.policy.rules;
}

function rulesOf(ref: PolicyRef): RuleRef[] {
  switch (ref.type) {
    case "ACCESS_POLICY":
      return ref.policy.rules.map((rule) => ({ type: ref.type, rule }));
    case "OKTA_SIGN_ON":
      return ref.policy.rules.map((rule) => ({ type: ref.type, rule }));
    case "MFA_ENROLL":
      return enrollmentRulesOf(ref).map((rule) => ({ type: ref.type, rule }));
  }
}

function ruleOf(ref: PolicyRef, ruleId: string): RuleRef {
  const found = rulesOf(ref).find((r) => r.rule.id === ruleId);
  if (!found) throw notFound(ruleId, "PolicyRule");
  return found;
}

function ruleJson(url: string, ref: PolicyRef, rule: RuleRef): Record<string, unknown> {
  switch (rule.type) {
    case "ACCESS_POLICY":
      return appSignOnRuleJson(url, ref.policy.id, rule.rule);
    case "OKTA_SIGN_ON":
      return sessionRuleJson(url, ref.policy.id, rule.rule);
    case "MFA_ENROLL":
      return enrollmentRuleJson(url, ref.policy.id, rule.rule, inOrder(ref).findIndex((r) => r.rule.id === rule.rule.id) + 1);
  }
}

/** By priority; an enrollment policy's Default Rule comes after every rule added to it. */
function inOrder(ref: PolicyRef): RuleRef[] {
  const last = (r: RuleRef) => Number(r.type === "MFA_ENROLL" && (r.rule.system ?? false));
  return rulesOf(ref).sort((a, b) => last(a) - last(b) || a.rule.priority - b.rule.priority);
}

/** An app sign-in rule's input, its groups checked to exist. */
function appSignOnInput(state: EmulatorState, body: Record<string, unknown>, system?: boolean) {
  const input = appSignOnRuleInput(body, system);
  existingGroups(state, "conditions.people.groups.include", input.groupsIncluded);
  existingGroups(state, "conditions.people.groups.exclude", input.groupsExcluded);
  return input;
}

function createRule(state: EmulatorState, ref: PolicyRef, body: Record<string, unknown>): RuleRef {
  const priority = requestedPriority(body);
  const now = nowIso();
  const base = { id: "", priority: 0, status: requestedStatus(body), created: now, lastUpdated: now };
  if (ref.type === "MFA_ENROLL") {
    const rule: EnrollmentRule = { ...base, id: oktaId("0pr", randomBytes(12).toString("hex")), ...enrollmentRuleInput(body) };
    placeByPriority(enrollmentRulesOf(ref), rule, priority);
    return { type: ref.type, rule };
  }
  if (ref.type === "ACCESS_POLICY") {
    const rule: AppSignOnRule = { ...base, id: oktaId("rul", randomBytes(12).toString("hex")), ...appSignOnInput(state, body) };
    placeByPriority(ref.policy.rules, rule, priority);
    return { type: ref.type, rule };
  }
  const rule: SessionRule = { ...base, id: oktaId("0pr", randomBytes(12).toString("hex")), ...sessionRuleInput(body) };
  placeByPriority(ref.policy.rules, rule, priority);
  return { type: ref.type, rule };
}

/** A PUT replaces the rule but keeps its place unless it sends a priority; the catch-all keeps its people and place. */
/** An app sign-in rule naming `okta_verify` in a flexible org is refused before anything changes. */
function refuseClassicOktaVerify(state: EmulatorState, body: Record<string, unknown>): void {
  const method = (body.actions as { appSignOn?: { verificationMethod?: { constraints?: unknown } } } | undefined)?.appSignOn?.verificationMethod;
  const refused = Array.isArray(method?.constraints) ? constraintsRefused(state.org, method.constraints) : undefined;
  if (refused) throw refused;
}

function updateRule(state: EmulatorState, ref: PolicyRef, found: RuleRef, body: Record<string, unknown>): void {
  const { rule } = found;
  const priority = requestedPriority(body);
  if (found.type === "ACCESS_POLICY") Object.assign(found.rule, appSignOnInput(state, body, found.rule.system));
  else if (found.type === "MFA_ENROLL") Object.assign(found.rule, enrollmentRuleInput(body));
  else Object.assign(found.rule, sessionRuleInput(body));
  rule.lastUpdated = nowIso();
  if (!rule.system) placeByPriority(ruleListOf(ref), rule, priority ?? rule.priority);
}

export const POLICY_RULE_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/policies/{policyId}/rules",
    description: "a policy's rules",
    handle: (state: EmulatorState, [id]) => {
      const ref = policyById(state.org, id);
      return jsonAnswer(200, inOrder(ref).map((rule) => ruleJson(state.url, ref, rule)));
    },
  },
  {
    method: "POST",
    path: "/api/v1/policies/{policyId}/rules",
    description: "create a policy rule",
    handle: (state, [id], request) => {
      const ref = policyById(state.org, id);
      const body = jsonBody(request);
      if (ref.type === "ACCESS_POLICY") refuseClassicOktaVerify(state, body);
      return jsonAnswer(200, ruleJson(state.url, ref, createRule(state, ref, body)));
    },
  },
  {
    method: "GET",
    path: "/api/v1/policies/{policyId}/rules/{ruleId}",
    description: "read a policy rule",
    handle: (state, [id, ruleId]) => {
      const ref = policyById(state.org, id);
      return jsonAnswer(200, ruleJson(state.url, ref, ruleOf(ref, ruleId)));
    },
  },
  {
    method: "PUT",
    path: "/api/v1/policies/{policyId}/rules/{ruleId}",
    description: "replace a policy rule",
    handle: (state, [id, ruleId], request) => {
      const ref = policyById(state.org, id);
      const rule = ruleOf(ref, ruleId);
      const body = jsonBody(request);
      if (ref.type === "ACCESS_POLICY") refuseClassicOktaVerify(state, body);
      updateRule(state, ref, rule, body);
      return jsonAnswer(200, ruleJson(state.url, ref, rule));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/policies/{policyId}/rules/{ruleId}",
    description: "delete a policy rule",
    handle: (state, [id, ruleId]) => {
      const ref = policyById(state.org, id);
      const { rule } = ruleOf(ref, ruleId);
      if (rule.system) throw methodNotAllowed();
      const rules = ruleListOf(ref);
      rules.splice(rules.findIndex((r) => r.id === ruleId), 1);
      return noContent();
    },
  },
  {
    method: "POST",
    path: "/api/v1/policies/{policyId}/rules/{ruleId}/lifecycle/{action:activate|deactivate}",
    description: "activate or deactivate a policy rule",
    handle: (state, [id, ruleId, verb]) => {
      const { rule } = ruleOf(policyById(state.org, id), ruleId);
      if (rule.system) throw new ManagementApiError(400, "E0000001", "Api validation failed: status", ["The default rule cannot be deactivated."]);
      rule.status = verb === "activate" ? "ACTIVE" : "INACTIVE";
      rule.lastUpdated = nowIso();
      return noContent();
    },
  },
];
