import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { LifecycleStatus } from "../../okta/status";
import { jsonAnswer, noContent } from "../answer";
import { notFound, validationFailed } from "../errors";
import { GroupRule } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso, section } from "./api";
import { groupRuleJson } from "./groupRuleShapes";
import { limited } from "./listQuery";
import { selfLinkHeader } from "./pageLinks";

const EXPRESSION_TYPE = "urn:okta:expression:1.0";

const rulesOf = (state: EmulatorState): GroupRule[] => (state.org.groupRules ??= []);

function ruleById(state: EmulatorState, id: string): GroupRule {
  const rule = rulesOf(state).find((r) => r.id === id);
  if (!rule) throw notFound(id, "GroupRule");
  return rule;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** What a create or replace sets: the name, the expression, the people excluded and the groups to assign. */
function ruleFields(body: Record<string, unknown>): Pick<GroupRule, "name" | "expression" | "usersExcluded" | "groupsExcluded" | "groupIds"> {
  const name = typeof body.name === "string" ? body.name : "";
  if (!name.trim()) throw validationFailed("name", ["name: The field cannot be left blank"]);
  const conditions = section(body.conditions);
  const expression = section(conditions.expression);
  const value = typeof expression.value === "string" ? expression.value : "";
  if (!value.trim()) throw validationFailed("conditions.expression.value", ["conditions.expression.value: The field cannot be left blank"]);
  const people = section(conditions.people);
  const groupIds = strings(section(section(body.actions).assignUserToGroups).groupIds);
  return {
    name,
    expression: { type: typeof expression.type === "string" ? expression.type : EXPRESSION_TYPE, value },
    usersExcluded: strings(section(people.users).exclude),
    groupsExcluded: strings(section(people.groups).exclude),
    groupIds,
  };
}

export const GROUP_RULE_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/groups/rules",
    description: "list group rules (search by name, limit)",
    handle: (state, _params, request) => {
      const search = request.query.get("search")?.toLowerCase();
      const matching = rulesOf(state).filter((r) => !search || r.name.toLowerCase().includes(search));
      return jsonAnswer(200, limited(matching.map((r) => groupRuleJson(state.org, r)), request.query), selfLinkHeader(state.url, request));
    },
  },
  {
    method: "POST",
    path: "/api/v1/groups/rules",
    description: "create a group rule (INACTIVE until activated)",
    handle: (state, _params, request) => {
      const now = nowIso();
      const rule: GroupRule = { id: oktaId("0pr", randomBytes(12).toString("hex")), status: "INACTIVE", ...ruleFields(jsonBody(request)), created: now, lastUpdated: now };
      rulesOf(state).push(rule);
      return jsonAnswer(200, groupRuleJson(state.org, rule));
    },
  },
  {
    method: "GET",
    path: "/api/v1/groups/rules/{ruleId}",
    description: "read a group rule",
    handle: (state, [id]) => jsonAnswer(200, groupRuleJson(state.org, ruleById(state, id))),
  },
  {
    method: "PUT",
    path: "/api/v1/groups/rules/{ruleId}",
    description: "replace a group rule",
    handle: (state, [id], request) => {
      const rule = ruleById(state, id);
      Object.assign(rule, ruleFields(jsonBody(request)), { lastUpdated: nowIso() });
      return jsonAnswer(200, groupRuleJson(state.org, rule));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/groups/rules/{ruleId}",
    description: "delete a group rule (202, removeUsers accepted)",
    handle: (state, [id]) => {
      const rule = ruleById(state, id);
      state.org.groupRules = rulesOf(state).filter((r) => r !== rule);
      return jsonAnswer(202, {});
    },
  },
  {
    method: "POST",
    path: "/api/v1/groups/rules/{ruleId}/lifecycle/{action:activate|deactivate}",
    description: "activate or deactivate a group rule",
    handle: (state, [id, verb]) => {
      const rule = ruleById(state, id);
      const status: LifecycleStatus = verb === "activate" ? "ACTIVE" : "INACTIVE";
      if (rule.status !== status) Object.assign(rule, { status, lastUpdated: nowIso() });
      return noContent();
    },
  },
];
