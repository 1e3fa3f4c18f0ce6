import { describe, expect, it } from "vitest";
import { expectOktaError } from "./support/expectations";
import { bareOrgs } from "./support/ssws";

/**
 * Request bodies and expected answers follow the Okta provider's recordings
 * TestAccResourceOktaGroupRule_crud and TestAccDataSourceOktaGroupRule_read (oie-00).
 */
const org = bareOrgs();

const ruleBody = (groupId: string, value: string, exclude?: string[]) => ({
  actions: { assignUserToGroups: { groupIds: [groupId] } },
  conditions: { expression: { type: "urn:okta:expression:1.0", value }, people: { users: exclude ? { exclude } : {} } },
  name: "testAcc_287200613",
  type: "group_rule",
});

async function withGroup() {
  const api = await org();
  const group = await api.post("/api/v1/groups", { profile: { name: "rule target", description: "" } });
  return { api, groupId: group.body.id as string };
}

describe("group rules", () => {
  it("creates a rule INACTIVE with Okta's stored conditions, activates, replaces, deactivates and deletes it", async () => {
    const { api, groupId } = await withGroup();
    const created = await api.post("/api/v1/groups/rules", ruleBody(groupId, 'String.startsWith(user.firstName,"andy")'));
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      type: "group_rule",
      id: expect.stringMatching(/^0pr[0-9A-Za-z]{17}$/),
      status: "INACTIVE",
      name: "testAcc_287200613",
      created: expect.any(String),
      lastUpdated: expect.any(String),
      conditions: {
        people: { users: { exclude: [] }, groups: { exclude: [] } },
        expression: { value: 'String.startsWith(user.firstName,"andy")', type: "urn:okta:expression:1.0" },
      },
      actions: { assignUserToGroups: { groupIds: [groupId] } },
      allGroupsValid: true,
    });
    const id = created.body.id as string;
    const activated = await api.post(`/api/v1/groups/rules/${id}/lifecycle/activate`);
    expect(activated.status).toBe(204);
    expect((await api.get(`/api/v1/groups/rules/${id}`)).body.status).toBe("ACTIVE");

    expect((await api.post(`/api/v1/groups/rules/${id}/lifecycle/deactivate`)).status).toBe(204);
    const replaced = await api.put(`/api/v1/groups/rules/${id}`, ruleBody(groupId, 'String.startsWith(user.firstName,"bob")', ["00ukwr3s7wSN2Gim31d7"]));
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      status: "INACTIVE",
      conditions: { people: { users: { exclude: ["00ukwr3s7wSN2Gim31d7"] } }, expression: { value: 'String.startsWith(user.firstName,"bob")' } },
    });

    const deleted = await api.delete(`/api/v1/groups/rules/${id}?removeUsers=false`);
    expect(deleted.status).toBe(202);
    expect(deleted.body).toEqual({});
    expectOktaError(await api.get(`/api/v1/groups/rules/${id}`), 404, "E0000007");
  });

  it("finds rules by name with search and limit, as the group rule data source asks", async () => {
    const { api, groupId } = await withGroup();
    await api.post("/api/v1/groups/rules", { ...ruleBody(groupId, "true"), name: "testAccOne_161335912" });
    const two = await api.post("/api/v1/groups/rules", { ...ruleBody(groupId, "true"), name: "testAccTwo_161335912" });
    const found = await api.get("/api/v1/groups/rules?limit=1&search=testAccTwo_161335912");
    expect(found.status).toBe(200);
    expect((found.body as unknown as { id: string }[]).map((r) => r.id)).toEqual([two.body.id]);
    expect(((await api.get("/api/v1/groups/rules")).body as unknown as unknown[]).length).toBe(2);
  });

  it("says when a rule's group no longer exists, and refuses a rule without a name or an expression", async () => {
    const { api, groupId } = await withGroup();
    const rule = await api.post("/api/v1/groups/rules", ruleBody(groupId, "true"));
    await api.delete(`/api/v1/groups/${groupId}`);
    expect((await api.get(`/api/v1/groups/rules/${rule.body.id}`)).body.allGroupsValid).toBe(false);
    expectOktaError(await api.post("/api/v1/groups/rules", { ...ruleBody(groupId, "true"), name: "" }), 400, "E0000001");
    expectOktaError(await api.post("/api/v1/groups/rules", ruleBody(groupId, "")), 400, "E0000001");
  });

  it("still serves groups by id beside the rules", async () => {
    const { api, groupId } = await withGroup();
    expect((await api.get(`/api/v1/groups/${groupId}`)).status).toBe(200);
    expectOktaError(await api.get("/api/v1/groups/rules/0prnothere0000000000"), 404, "E0000007");
  });
});
