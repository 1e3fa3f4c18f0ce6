import { PolicyEvidence, PolicyFinding, RefusedRequest } from "./policyEvidence";
import { OktaManagementClient } from "../orgSettings/managementClient";

interface Ranked {
  id: string;
  name: string;
  status: string;
  priority: number;
}

interface PeopleCondition {
  users?: { include?: string[]; exclude?: string[] };
  groups?: { include?: string[]; exclude?: string[] };
}

interface SessionPolicy extends Ranked {
  conditions?: { people?: PeopleCondition };
}

interface SessionRule extends Ranked {
  conditions?: { people?: PeopleCondition };
  actions?: { signon?: { access?: string; primaryFactor?: string } };
}

interface AccessPolicy extends Ranked {
  conditions?: { clients?: { include?: string[] } };
}

interface AccessRule extends Ranked {
  conditions?: { people?: PeopleCondition; grantTypes?: { include?: string[] }; scopes?: { include?: string[] } };
}

/** Okta's keyword for "every user" in an access-policy rule, besides the Everyone group's id. */
const EVERYONE = "EVERYONE";
const ALL_CLIENTS = "ALL_CLIENTS";

const active = <T extends Ranked>(items: T[]): T[] => items.filter((i) => i.status === "ACTIVE").sort((a, b) => a.priority - b.priority);

interface UserGroups {
  userId: string;
  groupIds: Set<string>;
}

/**
 * Policy evidence from read-only management calls, with the credentials `--enroll-totp` uses:
 * the global session policy that applies to the user (first by priority whose groups hold the
 * user), and on a custom server the access policy assigned to the client. Okta evaluates them so.
 */
export function managementPolicyEvidence(client: OktaManagementClient): PolicyEvidence {
  const userGroups = async (username: string): Promise<UserGroups> => {
    const user = await client.get<{ id: string }>(`/api/v1/users/${encodeURIComponent(username)}`);
    const groups = await client.getAll<{ id: string }>(`/api/v1/users/${user.id}/groups`);
    return { userId: user.id, groupIds: new Set(groups.map((g) => g.id)) };
  };
  return {
    source: "management API reads",
    async refusingPolicy(request) {
      const who = await userGroups(request.username);
      if (request.passwordless) {
        const finding = await sessionPolicyRefusal(client, who);
        if (finding) return finding;
      }
      return request.authServerId ? accessPolicyRefusal(client, who, { ...request, authServerId: request.authServerId }) : undefined;
    },
  };
}

function covers(people: PeopleCondition | undefined, who: UserGroups): boolean {
  const users = people?.users;
  const groups = people?.groups;
  if (users?.exclude?.includes(who.userId) || groups?.exclude?.some((g) => who.groupIds.has(g))) return false;
  const named = [...(users?.include ?? []), ...(groups?.include ?? [])];
  return named.length === 0 || named.some((id) => id === who.userId || id === EVERYONE || who.groupIds.has(id));
}

async function sessionPolicyRefusal(client: OktaManagementClient, who: UserGroups): Promise<PolicyFinding | undefined> {
  for (const policy of active(await client.getAll<SessionPolicy>("/api/v1/policies?type=OKTA_SIGN_ON"))) {
    if (!covers(policy.conditions?.people, who)) continue;
    const rule = active(await client.getAll<SessionRule>(`/api/v1/policies/${policy.id}/rules`)).find((r) => covers(r.conditions?.people, who));
    if (!rule) continue;
    const where = `global session policy "${policy.name}", rule "${rule.name}"`;
    const signon = rule.actions?.signon;
    if (signon?.access === "DENY") return { policy: "session-policy", detail: `${where} denies access` };
    if (signon?.primaryFactor !== "PASSWORD_IDP_ANY_FACTOR") {
      return { policy: "session-policy", detail: `${where} starts sessions with ${signon?.primaryFactor ?? "PASSWORD_IDP"} only` };
    }
    return undefined;
  }
  return { policy: "session-policy", detail: "no global session policy rule applies to this user" };
}

async function accessPolicyRefusal(
  client: OktaManagementClient,
  who: UserGroups,
  request: RefusedRequest & { authServerId: string },
): Promise<PolicyFinding | undefined> {
  const server = `/api/v1/authorizationServers/${encodeURIComponent(request.authServerId)}`;
  const policy = active(await client.getAll<AccessPolicy>(`${server}/policies`)).find((p) => {
    const clients = p.conditions?.clients?.include ?? [];
    return clients.includes(ALL_CLIENTS) || clients.includes(request.clientId);
  });
  if (!policy) return { policy: "access-policy", detail: "no active access policy of the authorization server is assigned to this client" };
  const allows = (rule: AccessRule) => {
    const scopes = rule.conditions?.scopes?.include ?? [];
    return (
      covers(rule.conditions?.people, who) &&
      (!request.grantType || (rule.conditions?.grantTypes?.include ?? []).includes(request.grantType)) &&
      request.scopes.every((s) => scopes.includes("*") || scopes.includes(s))
    );
  };
  if (active(await client.getAll<AccessRule>(`${server}/policies/${policy.id}/rules`)).some(allows)) return undefined;
  return {
    policy: "access-policy",
    detail: `no active rule of access policy "${policy.name}" allows grant type ${request.grantType ?? "?"} with scopes "${request.scopes.join(" ")}" for this user`,
  };
}
