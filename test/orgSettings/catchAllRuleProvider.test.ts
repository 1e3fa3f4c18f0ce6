import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { devEvaluation } from "../helpers/devStack";
import { CATCH_ALL_KIND } from "../../src/okta/declaration";
import { CatchAllRuleInputs, catchAllRuleProvider } from "../../src/orgSettings/catchAllRuleProvider";
import { setCatchAllAccess } from "../../src/orgSettings/catchAllRule";
import { OktaApiError, OktaManagementClient } from "../../src/orgSettings/managementClient";
import { API_TOKEN, clientFor, orgWithBaseline } from "./support/orgUnderTest";

type Rule = { id: string; name: string; system?: boolean; priority: number; actions: { appSignOn: { access: string } } };

let emulator: RunningEmulator;
let client: OktaManagementClient;

beforeAll(async () => {
  emulator = await orgWithBaseline(await devEvaluation());
  client = clientFor(emulator);
});

afterAll(async () => {
  await emulator.close();
});

/** A policy made by hand (the console's "Add a policy"), with a rule of its own besides Okta's catch-all. */
async function handMadePolicy(): Promise<string> {
  const policy = await client.post<{ id: string }>("/api/v1/policies", { type: "ACCESS_POLICY", name: `By hand ${Math.random()}`, description: "" });
  await client.post(`/api/v1/policies/${policy.id}/rules`, {
    type: "ACCESS_POLICY",
    name: "Test user",
    actions: { appSignOn: { access: "ALLOW", verificationMethod: { type: "ASSURANCE", factorMode: "1FA" } } },
  });
  return policy.id;
}

async function rulesOf(policyId: string): Promise<Rule[]> {
  return client.get<Rule[]>(`/api/v1/policies/${policyId}/rules`);
}

const catchAllOf = async (policyId: string) => (await rulesOf(policyId)).find((r) => r.system)!;

function inputs(policyId: string, access: "ALLOW" | "DENY"): CatchAllRuleInputs {
  return { settingsKind: CATCH_ALL_KIND, connection: { orgUrl: emulator.url, apiToken: API_TOKEN }, policyId, access };
}

describe("the catch-all record", () => {
  it("records the catch-all's access, sets it in place, changes it in place and gives it back on delete", async () => {
    const policyId = await handMadePolicy();
    const before = await rulesOf(policyId);
    expect(before.find((r) => r.system)?.actions.appSignOn.access).toBe("ALLOW");

    const created = await catchAllRuleProvider.create(inputs(policyId, "DENY"));
    // The engine refuses a create without an id; this one names the policy in the stack's state.
    expect(created.id).toBe(`catch-all-${policyId}`);
    expect(created.outs).toMatchObject({ found: "ALLOW", access: "DENY" });
    expect((await catchAllOf(policyId)).actions.appSignOn.access).toBe("DENY");

    const diff = await catchAllRuleProvider.diff!(created.id, created.outs!, inputs(policyId, "ALLOW"));
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    const updated = await catchAllRuleProvider.update!(created.id, created.outs!, inputs(policyId, "ALLOW"));
    expect(updated.outs).toMatchObject({ found: "ALLOW", access: "ALLOW" });
    expect((await catchAllOf(policyId)).actions.appSignOn.access).toBe("ALLOW");

    await catchAllRuleProvider.update!(created.id, updated.outs!, inputs(policyId, "DENY"));
    await catchAllRuleProvider.delete!(created.id, { ...updated.outs!, access: "DENY" });
    const after = await rulesOf(policyId);
    // The same rules, same ids and places: nothing was deleted or recreated, only the access given back.
    expect(after.map((r) => [r.id, r.name, r.priority, r.actions.appSignOn.access])).toEqual(
      before.map((r) => [r.id, r.name, r.priority, r.actions.appSignOn.access]),
    );
  });

  it("leaves a catch-all that already has the declared access untouched", async () => {
    const policyId = await handMadePolicy();
    const writes = () => emulator.requests.filter((r) => r.method === "PUT" && r.path.startsWith(`/api/v1/policies/${policyId}`)).length;
    const created = await catchAllRuleProvider.create(inputs(policyId, "ALLOW"));
    expect(created.outs?.found).toBe("ALLOW");
    expect(writes()).toBe(0);
  });

  it("gives nothing back for a policy that is already gone", async () => {
    const policyId = await handMadePolicy();
    const created = await catchAllRuleProvider.create(inputs(policyId, "DENY"));
    await client.post(`/api/v1/policies/${policyId}/lifecycle/deactivate`);
    await client.delete(`/api/v1/policies/${policyId}`);
    await expect(catchAllRuleProvider.delete!(created.id, created.outs!)).resolves.toBeUndefined();
  });

  it("replaces only for another policy, the old record first", async () => {
    const policyId = await handMadePolicy();
    const created = await catchAllRuleProvider.create(inputs(policyId, "DENY"));
    expect(await catchAllRuleProvider.diff!(created.id, created.outs!, inputs("rstOther", "DENY"))).toMatchObject({
      changes: true,
      replaces: ["policyId"],
      deleteBeforeReplace: true,
    });
    expect(await catchAllRuleProvider.diff!(created.id, created.outs!, inputs(policyId, "DENY"))).toMatchObject({ changes: false });
  });

  it("treats a rotated credential as a change to store in place, so delete can still reach the org", async () => {
    const policyId = await handMadePolicy();
    const created = await catchAllRuleProvider.create(inputs(policyId, "DENY"));
    const rotated = { ...inputs(policyId, "DENY"), connection: { orgUrl: emulator.url, apiToken: "rotated-token" } };
    expect(await catchAllRuleProvider.diff!(created.id, created.outs!, rotated)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
  });
});

describe("a catch-all that is not as the stack expects", () => {
  it("records a catch-all that already denies, and gives DENY back on delete", async () => {
    const policyId = await handMadePolicy();
    const rule = await catchAllOf(policyId);
    await client.put(`/api/v1/policies/${policyId}/rules/${rule.id}`, { ...rule, actions: { appSignOn: { ...rule.actions.appSignOn, access: "DENY" } } });

    const created = await catchAllRuleProvider.create(inputs(policyId, "ALLOW"));
    expect(created.outs?.found).toBe("DENY");
    expect((await catchAllOf(policyId)).actions.appSignOn.access).toBe("ALLOW");
    await catchAllRuleProvider.delete!(created.id, created.outs!);
    expect((await catchAllOf(policyId)).actions.appSignOn.access).toBe("DENY");
  });

  it("refuses a policy without a catch-all, such as a global session policy's id given by mistake", async () => {
    const sessionPolicy = await client.post<{ id: string }>("/api/v1/policies", { type: "OKTA_SIGN_ON", name: `Session ${Math.random()}`, description: "" });
    await expect(catchAllRuleProvider.create(inputs(sessionPolicy.id, "DENY"))).rejects.toThrow(
      `app sign-in policy ${sessionPolicy.id} has no catch-all (system) rule`,
    );
  });

  it("does not take a refusal other than 'gone' for a policy already deleted", async () => {
    const policyId = await handMadePolicy();
    const created = await catchAllRuleProvider.create(inputs(policyId, "DENY"));
    const revoked = { ...created.outs!, connection: { orgUrl: emulator.url, apiToken: "revoked-token" } };
    const refusal = await catchAllRuleProvider.delete!(created.id, revoked).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(OktaApiError);
    expect((refusal as OktaApiError).status).toBe(401);
    expect((await catchAllOf(policyId)).actions.appSignOn.access).toBe("DENY");
  });

  it.each([
    ["without actions", {}, { appSignOn: { access: "DENY" } }],
    ["with actions but no appSignOn", { actions: { other: true } }, { other: true, appSignOn: { access: "DENY" } }],
  ])("takes a catch-all read %s for one that allows, and writes the access into a new appSignOn", async (_, read, written) => {
    const rule = { id: "rulCatchAll", name: "Catch-all Rule", system: true, priority: 99, ...read };
    const writes: { path: string; body: unknown }[] = [];
    const bare = {
      getAll: async () => [rule],
      put: async (path: string, body: unknown) => void writes.push({ path, body }),
    } as unknown as OktaManagementClient;

    await expect(setCatchAllAccess(bare, "rstBare", "DENY")).resolves.toBe("ALLOW");
    expect(writes).toEqual([{ path: "/api/v1/policies/rstBare/rules/rulCatchAll", body: { ...rule, actions: written } }]);
  });
});
