import { jsonAnswer } from "../answer";
import { malformedBody, notFound, validationFailed } from "../errors";
import { AppSignOnRule, Org, OrgUser, PeopleCondition, byPriority, groupIdsOf, userById } from "../orgModel";
import { appSignOnPolicyOf, matchingAppSignOnRule, matchingSessionRule } from "../policyChecks";
import { EmulatorState } from "../state";
import { nestingDepth } from "../jsonDepth";
import { ApiRoute, MAX_BODY_DEPTH } from "./api";

/**
 * `POST /api/v1/policies/simulate` (Okta's Policy API, "Create a policy simulation"): which policy and
 * rule of each type Okta would apply to a user signing in to an app, with no sign-in and no message
 * sent. The body is a list of `{appInstance, policyTypes?, policyContext: {user: {id}, groups: {ids}}}`;
 * the answer one evaluation per policy type: `{status, policyType, result: {policies: [{id, name,
 * status, rules: [{id, name, status}]}]}, evaluated?, undefined?}`. `expand=EVALUATED` adds what was
 * evaluated but did not match, `expand=RULE` each rule's conditions and whether they matched.
 *
 * The matching itself is the flows' own (matchingAppSignOnRule, matchingSessionRule): a simulation
 * and a sign-in can never disagree about which rule applies.
 */
type SimulatedType = "ACCESS_POLICY" | "OKTA_SIGN_ON";
const SIMULATED_TYPES: readonly SimulatedType[] = ["ACCESS_POLICY", "OKTA_SIGN_ON"];
/** Okta's other simulatable types; the emulator models none of their policies, so they match nothing. */
const OTHER_TYPES = ["MFA_ENROLL", "PROFILE_ENROLLMENT", "POST_AUTH_SESSION", "ENTITY_RISK"];

type Status = "MATCH" | "UNMATCHED";

interface SimulatedRule {
  id: string;
  name: string;
  status: Status;
  conditions?: { type: string; status: Status }[];
}

interface SimulatedPolicy {
  id: string;
  name: string;
  status: Status;
  conditions?: { type: string; status: Status }[];
  rules: SimulatedRule[];
}

interface Expand {
  evaluated: boolean;
  rule: boolean;
}

interface SimulationRequest {
  appId: string;
  types: readonly string[];
  userId: string;
}

function requestsOf(text: string): SimulationRequest[] {
  if (nestingDepth(text) > MAX_BODY_DEPTH) throw malformedBody();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text || "null");
  } catch {
    throw malformedBody();
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw validationFailed("simulatePolicy", ["The request body must be a non-empty list of {appInstance, policyContext}."]);
  }
  return parsed.map((entry: Record<string, any>) => {
    const appId = entry?.appInstance;
    const userId = entry?.policyContext?.user?.id;
    const types = entry?.policyTypes ?? null;
    if (typeof appId !== "string") throw validationFailed("appInstance", ["appInstance: The field cannot be left blank."]);
    if (typeof userId !== "string") throw validationFailed("policyContext.user.id", ["policyContext.user.id: The field cannot be left blank."]);
    if (types !== null && (!Array.isArray(types) || types.some((t) => ![...SIMULATED_TYPES, ...OTHER_TYPES].includes(t)))) {
      throw validationFailed("policyTypes", [`policyTypes: Must be a list of ${[...SIMULATED_TYPES, ...OTHER_TYPES].join(", ")}.`]);
    }
    return { appId, userId, types: types ?? [...SIMULATED_TYPES, ...OTHER_TYPES] };
  });
}

function peopleConditions(org: Org, condition: PeopleCondition, userId: string): { type: string; status: Status }[] {
  const groups = groupIdsOf(org, userId);
  const conditions: { type: string; status: Status }[] = [];
  if (condition.usersIncluded.length > 0 || condition.usersExcluded.length > 0) {
    const ok = condition.usersIncluded.includes(userId) && !condition.usersExcluded.includes(userId);
    conditions.push({ type: "people.users", status: ok ? "MATCH" : "UNMATCHED" });
  }
  if (condition.groupsIncluded.length > 0 || condition.groupsExcluded.length > 0) {
    const ok = condition.groupsIncluded.some((g) => groups.has(g)) && !condition.groupsExcluded.some((g) => groups.has(g));
    conditions.push({ type: "people.groups", status: ok ? "MATCH" : "UNMATCHED" });
  }
  return conditions;
}

function ruleResult(rule: { id: string; name: string }, status: Status, conditions: { type: string; status: Status }[], expand: Expand): SimulatedRule {
  return { id: rule.id, name: rule.name, status, ...(expand.rule ? { conditions } : {}) };
}

/** The app's authentication policy: its rules in order up to the one the flows would apply. */
function accessPolicy(org: Org, appId: string, user: OrgUser, expand: Expand) {
  const app = org.apps.find((a) => a.id === appId);
  if (!app) throw notFound(appId, "AppInstance");
  const policy = appSignOnPolicyOf(org, app);
  const matched = matchingAppSignOnRule(org, app, user);
  const ordered = byPriority(policy.rules).filter((r) => r.status === "ACTIVE");
  const before = matched ? ordered.slice(0, ordered.indexOf(matched)) : ordered;
  const conditionsOf = (r: AppSignOnRule) => peopleConditions(org, r, user.id);
  const matchedPolicies: SimulatedPolicy[] = matched
    ? [{ id: policy.id, name: policy.name, status: "MATCH", rules: [ruleResult(matched, "MATCH", conditionsOf(matched), expand)] }]
    : [];
  const evaluated: SimulatedPolicy[] = before.length
    ? [{ id: policy.id, name: policy.name, status: matched ? "MATCH" : "UNMATCHED", rules: before.map((r) => ruleResult(r, "UNMATCHED", conditionsOf(r), expand)) }]
    : [];
  return { matchedPolicies, evaluated };
}

/** Global session policies in priority order up to the first that covers the user with an active rule. */
function sessionPolicy(org: Org, user: OrgUser, expand: Expand) {
  const matched = matchingSessionRule(org, user);
  const groups = groupIdsOf(org, user.id);
  const evaluated: SimulatedPolicy[] = [];
  for (const policy of byPriority(org.sessionPolicies).filter((p) => p.status === "ACTIVE")) {
    if (policy === matched?.policy) break;
    const covers = policy.groupsIncluded.length === 0 || policy.groupsIncluded.some((g) => groups.has(g));
    evaluated.push({
      id: policy.id,
      name: policy.name,
      status: "UNMATCHED",
      ...(expand.rule && policy.groupsIncluded.length > 0 ? { conditions: [{ type: "people.groups", status: covers ? "MATCH" : "UNMATCHED" }] } : {}),
      rules: [],
    });
  }
  const matchedPolicies: SimulatedPolicy[] = matched
    ? [{ id: matched.policy.id, name: matched.policy.name, status: "MATCH", rules: [ruleResult(matched.rule, "MATCH", [], expand)] }]
    : [];
  return { matchedPolicies, evaluated };
}

export function simulate(org: Org, body: string, expand: Expand): Record<string, unknown>[] {
  return requestsOf(body).flatMap((request) => {
    const user = userById(org, request.userId);
    if (!user) throw notFound(request.userId, "User");
    return request.types.map((type) => {
      const { matchedPolicies, evaluated } =
        type === "ACCESS_POLICY"
          ? accessPolicy(org, request.appId, user, expand)
          : type === "OKTA_SIGN_ON"
            ? sessionPolicy(org, user, expand)
            : { matchedPolicies: [], evaluated: [] };
      return {
        status: "COMPLETED",
        policyType: [type],
        result: { policies: matchedPolicies },
        ...(expand.evaluated ? { evaluated: { policies: evaluated }, undefined: { policies: [] } } : {}),
      };
    });
  });
}

export const POLICY_SIMULATION_ROUTES: ApiRoute[] = [
  {
    method: "POST",
    path: "/api/v1/policies/simulate",
    description: "which policies and rules a sign-in would match",
    handle: (state: EmulatorState, _params, request) => {
      const expand = request.query.getAll("expand").flatMap((e) => e.split(","));
      return jsonAnswer(200, simulate(state.org, request.body, { evaluated: expand.includes("EVALUATED"), rule: expand.includes("RULE") }));
    },
  },
];
