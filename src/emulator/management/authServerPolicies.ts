import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { jsonAnswer, noContent } from "../answer";
import { notFound, validationFailed } from "../errors";
import { AccessPolicy, AccessRule, CustomAuthorizationServer } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso, section } from "./api";
import { accessPolicyJson, accessRuleJson } from "./authServerShapes";
import { authServerById } from "./authorizationServers";
import { existingGroups } from "./groupRefs";
import { placeByPriority } from "./priorities";
import { requestedPriority, requestedStatus } from "./ruleInput";


type Json = Record<string, unknown>;

function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function nameOf(body: Json): string {
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name) throw validationFailed("name", ["name: The field cannot be left blank"]);
  return name;
}

function policyOf(server: CustomAuthorizationServer, id: string): AccessPolicy {
  const policy = server.policies.find((p) => p.id === id);
  if (!policy) throw notFound(id, "OAuth2Policy");
  return policy;
}

function ruleOf(policy: AccessPolicy, id: string): AccessRule {
  const rule = policy.rules.find((r) => r.id === id);
  if (!rule) throw notFound(id, "OAuth2PolicyRule");
  return rule;
}

/** `conditions.clients.include`: the client ids the policy applies to, or ALL_CLIENTS. */
function policyFields(body: Json): Pick<AccessPolicy, "name" | "description" | "clients" | "status"> {
  const clients = ids(section(section(body.conditions).clients).include);
  if (clients.length === 0) throw validationFailed("conditions", ["conditions.clients.include: The field cannot be left blank"]);
  return { name: nameOf(body), description: typeof body.description === "string" ? body.description : undefined, clients, status: requestedStatus(body) };
}

/** The grants, scopes and people the rule lets through; the token actions are echoed back. */
function ruleFields(state: EmulatorState, body: Json): Pick<AccessRule, "name" | "status" | "grantTypes" | "scopes" | "groups" | "users" | "submitted"> {
  const conditions = section(body.conditions);
  const people = section(conditions.people);
  const grantTypes = ids(section(conditions.grantTypes).include);
  if (grantTypes.length === 0) throw validationFailed("conditions", ["conditions.grantTypes.include: The field cannot be left blank"]);
  return {
    name: nameOf(body),
    status: requestedStatus(body),
    grantTypes,
    scopes: ids(section(conditions.scopes).include),
    groups: existingGroups(state, "conditions.people.groups.include", ids(section(people.groups).include)),
    users: ids(section(people.users).include),
    submitted: { actions: body.actions },
  };
}

/** The access policy a path names; 404 when its server or the policy does not exist. */
function policyAt(state: EmulatorState, serverId: string, policyId: string): AccessPolicy {
  return policyOf(authServerById(state, serverId), policyId);
}

/** An access policy as Okta answers it (a server's id is its key, so the path's id is the server's). */
function policyAnswer(status: number, state: EmulatorState, serverId: string, policy: AccessPolicy) {
  return jsonAnswer(status, accessPolicyJson(state.url, serverId, policy));
}

/** An access policy rule as Okta answers it, under the path's server and policy. */
function ruleAnswer(status: number, state: EmulatorState, serverId: string, policyId: string, rule: AccessRule) {
  return jsonAnswer(status, accessRuleJson(state.url, serverId, policyId, rule));
}

/** `lifecycle/activate` or `lifecycle/deactivate` of an access policy or rule: its status, and when it changed. */
function applyLifecycle(item: AccessPolicy | AccessRule, verb: string) {
  item.status = verb === "activate" ? "ACTIVE" : "INACTIVE";
  item.lastUpdated = nowIso();
  return noContent();
}

function byPriorityOrder<T extends { priority: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.priority - b.priority);
}

export const AUTH_SERVER_POLICY_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/authorizationServers/{authServerId}/policies",
    description: "a server's access policies",
    handle: (state: EmulatorState, [serverId]) => {
      const server = authServerById(state, serverId);
      return jsonAnswer(200, byPriorityOrder(server.policies).map((p) => accessPolicyJson(state.url, server.id, p)));
    },
  },
  {
    method: "POST",
    path: "/api/v1/authorizationServers/{authServerId}/policies",
    description: "create an access policy",
    handle: (state, [serverId], request) => {
      const server = authServerById(state, serverId);
      const body = jsonBody(request);
      const now = nowIso();
      const policy: AccessPolicy = { id: oktaId("00p", randomBytes(12).toString("hex")), priority: 0, rules: [], created: now, lastUpdated: now, ...policyFields(body) };
      placeByPriority(server.policies, policy, requestedPriority(body));
      return policyAnswer(201, state, server.id, policy);
    },
  },
  {
    method: "GET",
    path: "/api/v1/authorizationServers/{authServerId}/policies/{policyId}",
    description: "read an access policy",
    handle: (state, [serverId, policyId]) => policyAnswer(200, state, serverId, policyAt(state, serverId, policyId)),
  },
  {
    method: "PUT",
    path: "/api/v1/authorizationServers/{authServerId}/policies/{policyId}",
    description: "replace an access policy",
    handle: (state, [serverId, policyId], request) => {
      const server = authServerById(state, serverId);
      const policy = policyOf(server, policyId);
      const body = jsonBody(request);
      const priority = requestedPriority(body);
      Object.assign(policy, policyFields(body), { lastUpdated: nowIso() });
      placeByPriority(server.policies, policy, priority ?? policy.priority);
      return policyAnswer(200, state, server.id, policy);
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/authorizationServers/{authServerId}/policies/{policyId}",
    description: "delete an access policy",
    handle: (state, [serverId, policyId]) => {
      const server = authServerById(state, serverId);
      server.policies.splice(server.policies.indexOf(policyOf(server, policyId)), 1);
      return noContent();
    },
  },
  {
    method: "POST",
    path: "/api/v1/authorizationServers/{authServerId}/policies/{policyId}/lifecycle/{action:activate|deactivate}",
    description: "activate or deactivate an access policy",
    handle: (state, [serverId, policyId, verb]) => applyLifecycle(policyAt(state, serverId, policyId), verb),
  },
  {
    method: "GET",
    path: "/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules",
    description: "an access policy's rules",
    handle: (state, [serverId, policyId]) => {
      const policy = policyAt(state, serverId, policyId);
      return jsonAnswer(200, byPriorityOrder(policy.rules).map((r) => accessRuleJson(state.url, serverId, policy.id, r)));
    },
  },
  {
    method: "POST",
    path: "/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules",
    description: "create an access policy rule",
    handle: (state, [serverId, policyId], request) => {
      const policy = policyAt(state, serverId, policyId);
      const body = jsonBody(request);
      const now = nowIso();
      const priority = requestedPriority(body);
      const rule: AccessRule = { id: oktaId("0pr", randomBytes(12).toString("hex")), priority: 0, created: now, lastUpdated: now, ...ruleFields(state, body) };
      placeByPriority(policy.rules, rule, priority);
      return ruleAnswer(201, state, serverId, policy.id, rule);
    },
  },
  {
    method: "GET",
    path: "/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules/{ruleId}",
    description: "read an access policy rule",
    handle: (state, [serverId, policyId, ruleId]) => ruleAnswer(200, state, serverId, policyId, ruleOf(policyAt(state, serverId, policyId), ruleId)),
  },
  {
    method: "PUT",
    path: "/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules/{ruleId}",
    description: "replace an access policy rule",
    handle: (state, [serverId, policyId, ruleId], request) => {
      const policy = policyAt(state, serverId, policyId);
      const rule = ruleOf(policy, ruleId);
      const body = jsonBody(request);
      const priority = requestedPriority(body);
      Object.assign(rule, ruleFields(state, body), { lastUpdated: nowIso() });
      placeByPriority(policy.rules, rule, priority ?? rule.priority);
      return ruleAnswer(200, state, serverId, policy.id, rule);
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules/{ruleId}",
    description: "delete an access policy rule",
    handle: (state, [serverId, policyId, ruleId]) => {
      const policy = policyAt(state, serverId, policyId);
      policy.rules.splice(policy.rules.indexOf(ruleOf(policy, ruleId)), 1);
      return noContent();
    },
  },
  {
    method: "POST",
    path: "/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules/{ruleId}/lifecycle/{action:activate|deactivate}",
    description: "activate or deactivate an access policy rule",
    handle: (state, [serverId, policyId, ruleId, verb]) => applyLifecycle(ruleOf(policyAt(state, serverId, policyId), ruleId), verb),
  },
];
