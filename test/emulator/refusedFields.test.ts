import { describe, expect, it } from "vitest";
import { devOrgs } from "./support/devOrgs";
import { expectOktaError } from "./support/expectations";
import { JsonResponse } from "./support/http";
import { listOf } from "./support/managementApi";

const orgs = devOrgs();

type Json = Record<string, any>;

/** Okta's E0000001 naming `field` in its summary and in every cause. */
function expectFieldRefused(answer: JsonResponse, field: string): void {
  expectOktaError(answer, 400, "E0000001");
  expect(answer.body.errorSummary).toBe(`Api validation failed: ${field}`);
  expect(answer.body.errorCauses).toEqual([{ errorSummary: expect.stringMatching(new RegExp(`^${field.replace(/\./g, "\\.")}: `)) }]);
}

const rule = (name: string, extra: Json = {}) => ({
  name,
  type: "ACCESS_POLICY",
  conditions: { network: { connection: "ANYWHERE" }, ...(extra.conditions ?? {}) },
  actions: { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "1FA", type: "ASSURANCE" } } },
  ...(extra.priority === undefined ? {} : { priority: extra.priority }),
});

describe("fields Okta refuses, refused with the field named", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])(
    "refuses the authenticator key %s, which every object inherits, and adds nothing",
    async (key) => {
      const { api } = await orgs.withApi();
      const before = listOf(await api.get("/api/v1/authenticators")).length;
      expectFieldRefused(await api.post("/api/v1/authenticators", { key, name: key }), "key");
      expect(listOf(await api.get("/api/v1/authenticators"))).toHaveLength(before);
    },
  );

  it.each([1e308, -1, 1.5, "x", true, [1]])("refuses the rule priority %j and stores no rule", async (priority) => {
    const { api } = await orgs.withApi();
    const policy = (await api.post("/api/v1/policies", { name: "Priorities", type: "ACCESS_POLICY" })).body as Json;
    expectFieldRefused(await api.post(`/api/v1/policies/${policy.id}/rules`, rule("bad", { priority })), "priority");
    expect(listOf(await api.get(`/api/v1/policies/${policy.id}/rules`)).map((r) => r.name)).toEqual(["Catch-all Rule"]);
  });

  it("places a priority past the end last, before the catch-all rule", async () => {
    const { api } = await orgs.withApi();
    const policy = (await api.post("/api/v1/policies", { name: "Far priority", type: "ACCESS_POLICY" })).body as Json;
    await api.post(`/api/v1/policies/${policy.id}/rules`, rule("first"));
    expect((await api.post(`/api/v1/policies/${policy.id}/rules`, rule("far", { priority: 1_000_000 }))).status).toBe(200);
    const rules = listOf(await api.get(`/api/v1/policies/${policy.id}/rules`));
    expect(rules.map((r) => [r.name, r.priority])).toEqual([
      ["first", 1],
      ["far", 2],
      ["Catch-all Rule", 99],
    ]);
  });

  it("refuses a policy priority that is not a whole number, leaving the policy as it was", async () => {
    const { api } = await orgs.withApi();
    const created = (await api.post("/api/v1/policies", { name: "Session", type: "OKTA_SIGN_ON", priority: 1 })).body as Json;
    expectFieldRefused(await api.post("/api/v1/policies", { name: "Bad", type: "OKTA_SIGN_ON", priority: "x" }), "priority");
    expectFieldRefused(await api.put(`/api/v1/policies/${created.id}`, { name: "Renamed", type: "OKTA_SIGN_ON", priority: -1 }), "priority");
    expect((await api.get(`/api/v1/policies/${created.id}`)).body).toMatchObject({ name: "Session", priority: 1 });
  });

  it("refuses a policy or a rule naming a group that does not exist", async () => {
    const { api } = await orgs.withApi();
    const people = { people: { groups: { include: ["00gdoesnotexist"] } } };
    expectFieldRefused(
      await api.post("/api/v1/policies", { name: "Ghost group", type: "OKTA_SIGN_ON", conditions: people }),
      "conditions.people.groups.include",
    );
    expect(listOf(await api.get("/api/v1/policies?type=OKTA_SIGN_ON")).map((p) => p.name)).not.toContain("Ghost group");
    const policy = (await api.post("/api/v1/policies", { name: "Rules", type: "ACCESS_POLICY" })).body as Json;
    expectFieldRefused(
      await api.post(`/api/v1/policies/${policy.id}/rules`, rule("ghost", { conditions: people })),
      "conditions.people.groups.include",
    );
    const server = listOf(await api.get("/api/v1/authorizationServers")).find((s) => s.name === "default")!;
    const accessPolicy = listOf(await api.get(`/api/v1/authorizationServers/${server.id}/policies`))[0];
    expectFieldRefused(
      await api.post(`/api/v1/authorizationServers/${server.id}/policies/${accessPolicy.id}/rules`, {
        name: "ghost",
        conditions: { grantTypes: { include: ["password"] }, scopes: { include: ["*"] }, ...people },
      }),
      "conditions.people.groups.include",
    );
  });
});
