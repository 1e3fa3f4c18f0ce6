import { randomBytes } from "node:crypto";
import { oktaId } from "../../evaluate/oktaIds";
import { jsonAnswer, noContent } from "../answer";
import { OktaApiError, methodNotAllowed, notFound } from "../errors";
import { AppSignOnRule, Org, SessionRule } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso } from "./api";
import { PolicyRef, policyById } from "./policyStore";
import { placeByPriority } from "./priorities";
import { appSignOnRuleInput, requestedPriority, requestedStatus, sessionRuleInput } from "./ruleInput";
import { appSignOnRuleJson, sessionRuleJson } from "./ruleShapes";

const ID = "([^/]+)";
const RULES = `^/api/v1/policies/${ID}/rules`;

type RuleRef = { type: "ACCESS_POLICY"; rule: AppSignOnRule } | { type: "OKTA_SIGN_ON"; rule: SessionRule };
type RuledPolicy = Exclude<PolicyRef, { type: "MFA_ENROLL" }>;

/** MFA_ENROLL policies have no rules the emulator models. */
function ruledPolicy(org: Org, id: string): RuledPolicy {
  const ref = policyById(org, id);
  if (ref.type === "MFA_ENROLL") throw notFound(`${id}/rules`, "PolicyRule");
  return ref;
}

function rulesOf(ref: RuledPolicy): RuleRef[] {
  return ref.type === "ACCESS_POLICY"
    ? ref.policy.rules.map((rule) => ({ type: ref.type, rule }))
    : ref.policy.rules.map((rule) => ({ type: ref.type, rule }));
}

function ruleOf(ref: RuledPolicy, ruleId: string): RuleRef {
  const found = rulesOf(ref).find((r) => r.rule.id === ruleId);
  if (!found) throw notFound(ruleId, "PolicyRule");
  return found;
}

function ruleJson(url: string, ref: RuledPolicy, rule: RuleRef): Record<string, unknown> {
  return rule.type === "ACCESS_POLICY" ? appSignOnRuleJson(url, ref.policy.id, rule.rule) : sessionRuleJson(url, ref.policy.id, rule.rule);
}

function inOrder(ref: RuledPolicy): RuleRef[] {
  return rulesOf(ref).sort((a, b) => a.rule.priority - b.rule.priority);
}

function createRule(ref: RuledPolicy, body: Record<string, unknown>): RuleRef {
  const now = nowIso();
  const base = { id: "", priority: 0, status: requestedStatus(body), created: now, lastUpdated: now };
  if (ref.type === "ACCESS_POLICY") {
    const rule: AppSignOnRule = { ...base, id: oktaId("rul", randomBytes(12).toString("hex")), ...appSignOnRuleInput(body) };
    placeByPriority(ref.policy.rules, rule, requestedPriority(body));
    return { type: ref.type, rule };
  }
  const rule: SessionRule = { ...base, id: oktaId("0pr", randomBytes(12).toString("hex")), ...sessionRuleInput(body) };
  placeByPriority(ref.policy.rules, rule, requestedPriority(body));
  return { type: ref.type, rule };
}

/** A PUT replaces the rule but keeps its place unless it sends a priority; the catch-all keeps its people and place. */
function updateRule(ref: RuledPolicy, found: RuleRef, body: Record<string, unknown>): void {
  const { rule } = found;
  if (found.type === "ACCESS_POLICY") Object.assign(found.rule, appSignOnRuleInput(body, found.rule.system));
  else Object.assign(found.rule, sessionRuleInput(body));
  rule.lastUpdated = nowIso();
  if (!rule.system) placeByPriority(ref.policy.rules as { priority: number; system?: boolean }[], rule, requestedPriority(body) ?? rule.priority);
}

export const POLICY_RULE_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    pattern: new RegExp(`${RULES}$`),
    handle: (state: EmulatorState, [id]) => {
      const ref = ruledPolicy(state.org, id);
      return jsonAnswer(200, inOrder(ref).map((rule) => ruleJson(state.url, ref, rule)));
    },
  },
  {
    method: "POST",
    pattern: new RegExp(`${RULES}$`),
    handle: (state, [id], request) => {
      const ref = ruledPolicy(state.org, id);
      return jsonAnswer(200, ruleJson(state.url, ref, createRule(ref, jsonBody(request))));
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`${RULES}/${ID}$`),
    handle: (state, [id, ruleId]) => {
      const ref = ruledPolicy(state.org, id);
      return jsonAnswer(200, ruleJson(state.url, ref, ruleOf(ref, ruleId)));
    },
  },
  {
    method: "PUT",
    pattern: new RegExp(`${RULES}/${ID}$`),
    handle: (state, [id, ruleId], request) => {
      const ref = ruledPolicy(state.org, id);
      const rule = ruleOf(ref, ruleId);
      updateRule(ref, rule, jsonBody(request));
      return jsonAnswer(200, ruleJson(state.url, ref, rule));
    },
  },
  {
    method: "DELETE",
    pattern: new RegExp(`${RULES}/${ID}$`),
    handle: (state, [id, ruleId]) => {
      const ref = ruledPolicy(state.org, id);
      const { rule } = ruleOf(ref, ruleId);
      if (rule.system) throw methodNotAllowed();
      const rules = ref.policy.rules as { id: string }[];
      rules.splice(rules.findIndex((r) => r.id === ruleId), 1);
      return noContent();
    },
  },
  {
    method: "POST",
    pattern: new RegExp(`${RULES}/${ID}/lifecycle/(activate|deactivate)$`),
    handle: (state, [id, ruleId, verb]) => {
      const { rule } = ruleOf(ruledPolicy(state.org, id), ruleId);
      if (rule.system) throw new OktaApiError(400, "E0000001", "Api validation failed: status", ["The default rule cannot be deactivated."]);
      rule.status = verb === "activate" ? "ACTIVE" : "INACTIVE";
      rule.lastUpdated = nowIso();
      return noContent();
    },
  },
];
