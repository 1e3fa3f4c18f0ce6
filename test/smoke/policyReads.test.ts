import { describe, expect, it } from "vitest";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { managementPolicyEvidence } from "../../src/smoke/policyReads";
import { RefusedRequest } from "../../src/smoke/policyEvidence";

/** Okta's management answers by path, as its API reference shapes them; anything else is a test bug. */
function orgAnswering(answers: Record<string, unknown>): { client: OktaManagementClient; asked: string[] } {
  const asked: string[] = [];
  const answer = async (path: string) => {
    asked.push(path);
    if (!(path in answers)) throw new Error(`unexpected read ${path}`);
    return answers[path];
  };
  return { client: { get: answer, getAll: answer } as unknown as OktaManagementClient, asked };
}

const USER = { id: "00uTESTER" };
const EVERYONE = "00gEVERYONE";
const TESTERS = "00gTESTERS";
const base = {
  "/api/v1/users/tester%40example.com": USER,
  "/api/v1/users/00uTESTER/groups": [{ id: EVERYONE }, { id: TESTERS }],
};
const request: RefusedRequest = {
  username: "tester@example.com",
  clientId: "0oaAPP",
  grantType: "urn:okta:params:oauth:grant-type:otp",
  scopes: ["openid", "profile"],
  passwordless: true,
};

const sessionPolicy = (id: string, name: string, priority: number, groups: string[], status = "ACTIVE") => ({
  id,
  name,
  priority,
  status,
  conditions: { people: { groups: { include: groups } } },
});
const sessionRule = (name: string, priority: number, signon: { access: string; primaryFactor: string }, people?: unknown, status = "ACTIVE") => ({
  id: `0pr${name}`,
  name,
  priority,
  status,
  conditions: people ? { people } : {},
  actions: { signon },
});
const ANY_FACTOR = { access: "ALLOW", primaryFactor: "PASSWORD_IDP_ANY_FACTOR" };
const PASSWORD_ONLY = { access: "ALLOW", primaryFactor: "PASSWORD_IDP" };

describe("policy evidence from management reads: the global session policy", () => {
  it("finds the first active policy by priority whose groups hold the user, and its first rule that covers them", async () => {
    const { client } = orgAnswering({
      ...base,
      "/api/v1/policies?type=OKTA_SIGN_ON": [
        sessionPolicy("00pDEFAULT", "Default Policy", 3, [EVERYONE]),
        sessionPolicy("00pOTHERS", "Others", 1, ["00gOTHERS"]),
        sessionPolicy("00pOFF", "Switched off", 0, [TESTERS], "INACTIVE"),
        sessionPolicy("00pTESTERS", "Testers", 2, [TESTERS]),
      ],
      "/api/v1/policies/00pTESTERS/rules": [
        sessionRule("Any factor", 2, ANY_FACTOR),
        sessionRule("Not for the tester", 1, PASSWORD_ONLY, { users: { exclude: [USER.id] } }),
        sessionRule("Off", 0, PASSWORD_ONLY, undefined, "INACTIVE"),
      ],
    });
    expect(await managementPolicyEvidence(client).refusingPolicy(request)).toBeUndefined();
  });

  it.each([
    [PASSWORD_ONLY, 'global session policy "Testers", rule "Password" starts sessions with PASSWORD_IDP only'],
    [{ access: "DENY", primaryFactor: "PASSWORD_IDP_ANY_FACTOR" }, 'global session policy "Testers", rule "Password" denies access'],
  ])("names the rule that refuses a passwordless session: %o", async (signon, detail) => {
    const { client } = orgAnswering({
      ...base,
      "/api/v1/policies?type=OKTA_SIGN_ON": [sessionPolicy("00pTESTERS", "Testers", 1, [TESTERS])],
      "/api/v1/policies/00pTESTERS/rules": [sessionRule("Password", 1, signon)],
    });
    expect(await managementPolicyEvidence(client).refusingPolicy(request)).toEqual({ policy: "session-policy", detail });
  });

  it("skips a policy with no rule for the user, and says so when none applies", async () => {
    const { client } = orgAnswering({
      ...base,
      "/api/v1/policies?type=OKTA_SIGN_ON": [sessionPolicy("00pTESTERS", "Testers", 1, [TESTERS])],
      "/api/v1/policies/00pTESTERS/rules": [sessionRule("Others only", 1, ANY_FACTOR, { groups: { include: ["00gOTHERS"] } })],
    });
    expect(await managementPolicyEvidence(client).refusingPolicy(request)).toEqual({
      policy: "session-policy",
      detail: "no global session policy rule applies to this user",
    });
  });

  it("does not read the session policy for a password flow, nor any access policy on the org server", async () => {
    const { client, asked } = orgAnswering(base);
    expect(await managementPolicyEvidence(client).refusingPolicy({ ...request, passwordless: false })).toBeUndefined();
    expect(asked).toEqual(["/api/v1/users/tester%40example.com", "/api/v1/users/00uTESTER/groups"]);
  });
});

describe("policy evidence from management reads: a custom server's access policy", () => {
  const server = "/api/v1/authorizationServers/aus1";
  const accessPolicy = (id: string, priority: number, clients: string[], status = "ACTIVE") => ({
    id,
    name: id,
    priority,
    status,
    conditions: { clients: { include: clients } },
  });
  const accessRule = (grants: string[], scopes: string[], people: unknown, status = "ACTIVE") => ({
    id: "0prRULE",
    name: "Rule",
    priority: 1,
    status,
    conditions: { people, grantTypes: { include: grants }, scopes: { include: scopes } },
  });
  const mfa = { ...request, passwordless: false, authServerId: "aus1" };
  const evidence = (policies: unknown[], rules: unknown[]) =>
    managementPolicyEvidence(orgAnswering({ ...base, [`${server}/policies`]: policies, [`${server}/policies/P/rules`]: rules }).client);

  it("takes a rule of the first active policy assigned to the client that allows the grant, scopes and user", async () => {
    const policies = [accessPolicy("Q", 0, ["0oaOTHER"]), accessPolicy("R", 0, ["0oaAPP"], "INACTIVE"), accessPolicy("P", 1, ["0oaAPP"])];
    expect(await evidence(policies, [accessRule([request.grantType!], ["openid", "profile"], { groups: { include: [TESTERS] } })]).refusingPolicy(mfa)).toBeUndefined();
    expect(await evidence([accessPolicy("P", 1, ["ALL_CLIENTS"])], [accessRule([request.grantType!], ["*"], { groups: { include: ["EVERYONE"] } })]).refusingPolicy(mfa)).toBeUndefined();
    expect(await evidence([accessPolicy("P", 1, ["ALL_CLIENTS"])], [accessRule([request.grantType!], ["*"], { users: { include: [USER.id] } })]).refusingPolicy(mfa)).toBeUndefined();
  });

  it.each([
    ["without the grant", accessRule(["password"], ["*"], { groups: { include: [EVERYONE] } })],
    ["without a scope", accessRule([request.grantType!], ["openid"], { groups: { include: [EVERYONE] } })],
    ["for other people", accessRule([request.grantType!], ["*"], { groups: { include: ["00gOTHERS"] } })],
    ["inactive", accessRule([request.grantType!], ["*"], { groups: { include: [EVERYONE] } }, "INACTIVE")],
  ])("names the policy whose rules refuse: a rule %s", async (_case, rule) => {
    expect(await evidence([accessPolicy("P", 1, ["0oaAPP"])], [rule]).refusingPolicy(mfa)).toEqual({
      policy: "access-policy",
      detail: 'no active rule of access policy "P" allows grant type urn:okta:params:oauth:grant-type:otp with scopes "openid profile" for this user',
    });
  });

  it("says when no active policy is assigned to the client", async () => {
    expect(await evidence([accessPolicy("P", 1, ["0oaOTHER"])], []).refusingPolicy(mfa)).toEqual({
      policy: "access-policy",
      detail: "no active access policy of the authorization server is assigned to this client",
    });
  });
});

describe("policy evidence from management reads: answers that leave fields out, and both policies in one request", () => {
  const server = "/api/v1/authorizationServers/aus1";
  const bare = (id: string, priority = 1) => ({ id, name: id, priority, status: "ACTIVE" });

  it("says it found its evidence by management API reads", () => {
    expect(managementPolicyEvidence(orgAnswering(base).client).source).toBe("management API reads");
  });

  it("reads a session policy and rule without conditions as covering everyone, and a rule without signon as password only", async () => {
    const { client } = orgAnswering({
      ...base,
      "/api/v1/policies?type=OKTA_SIGN_ON": [bare("00pDEFAULT")],
      "/api/v1/policies/00pDEFAULT/rules": [bare("Bare")],
    });
    expect(await managementPolicyEvidence(client).refusingPolicy(request)).toEqual({
      policy: "session-policy",
      detail: 'global session policy "00pDEFAULT", rule "Bare" starts sessions with PASSWORD_IDP only',
    });
  });

  it("leaves out a user any excluded group holds, and takes a rule naming the user among others", async () => {
    const { client } = orgAnswering({
      ...base,
      "/api/v1/policies?type=OKTA_SIGN_ON": [sessionPolicy("00pTESTERS", "Testers", 1, [TESTERS])],
      "/api/v1/policies/00pTESTERS/rules": [
        sessionRule("Excluded", 1, PASSWORD_ONLY, { groups: { include: [EVERYONE], exclude: ["00gOTHERS", TESTERS] } }),
        sessionRule("Named", 2, PASSWORD_ONLY, { users: { include: ["00uSOMEONE", USER.id] } }),
      ],
    });
    expect(await managementPolicyEvidence(client).refusingPolicy(request)).toEqual({
      policy: "session-policy",
      detail: 'global session policy "Testers", rule "Named" starts sessions with PASSWORD_IDP only',
    });
  });

  it("goes on to the access policy of a custom server when the session policy allows a passwordless flow", async () => {
    const { client } = orgAnswering({
      ...base,
      "/api/v1/policies?type=OKTA_SIGN_ON": [sessionPolicy("00pTESTERS", "Testers", 1, [TESTERS])],
      "/api/v1/policies/00pTESTERS/rules": [sessionRule("Any factor", 1, ANY_FACTOR)],
      [`${server}/policies`]: [bare("P")],
      [`${server}/policies/P/rules`]: [],
    });
    expect(await managementPolicyEvidence(client).refusingPolicy({ ...request, authServerId: "aus1" })).toEqual({
      policy: "access-policy",
      detail: "no active access policy of the authorization server is assigned to this client",
    });
  });

  it("reads an access rule without conditions as allowing no grant and no scope, and names an unknown grant", async () => {
    const { client } = orgAnswering({
      ...base,
      [`${server}/policies`]: [{ ...bare("P"), conditions: { clients: { include: ["ALL_CLIENTS"] } } }],
      [`${server}/policies/P/rules`]: [bare("Bare")],
    });
    const evidence = managementPolicyEvidence(client);
    const mfa = { ...request, passwordless: false, authServerId: "aus1" };
    expect(await evidence.refusingPolicy(mfa)).toMatchObject({ policy: "access-policy" });
    expect(await evidence.refusingPolicy({ ...mfa, grantType: undefined })).toEqual({
      policy: "access-policy",
      detail: 'no active rule of access policy "P" allows grant type ? with scopes "openid profile" for this user',
    });
    expect(await evidence.refusingPolicy({ ...mfa, grantType: undefined, scopes: [] })).toBeUndefined();
  });
});

describe("policy evidence from management reads: conditions that name nothing", () => {
  it("reads a policy and a rule whose conditions leave out clients, people, grants and scopes as naming none", async () => {
    const server = "/api/v1/authorizationServers/aus1";
    const active = (id: string, conditions: unknown) => ({ id, name: id, priority: 1, status: "ACTIVE", conditions });
    const mfa = { ...request, passwordless: false, authServerId: "aus1" };
    const unassigned = orgAnswering({ ...base, [`${server}/policies`]: [active("P", {})] });
    expect(await managementPolicyEvidence(unassigned.client).refusingPolicy(mfa)).toMatchObject({ detail: "no active access policy of the authorization server is assigned to this client" });
    const { client } = orgAnswering({
      ...base,
      [`${server}/policies`]: [active("P", { clients: { include: ["0oaAPP"] } })],
      [`${server}/policies/P/rules`]: [active("Empty", {})],
    });
    expect(await managementPolicyEvidence(client).refusingPolicy(mfa)).toMatchObject({ policy: "access-policy", detail: expect.stringMatching(/^no active rule of access policy "P"/) });
    expect(await managementPolicyEvidence(client).refusingPolicy({ ...mfa, grantType: undefined, scopes: [] })).toBeUndefined();
  });
});
