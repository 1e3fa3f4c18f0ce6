import { describe, expect, it } from "vitest";
import { expectOktaError } from "./support/expectations";
import { bareOrgs } from "./support/ssws";

/**
 * Expected values are what real orgs answered in the Okta provider's recordings
 * (TestAccResourceOktaUserAdminRoles_crud, TestAccDataSourceOktaUser_NoSkips,
 * TestAccResourceOktaAdminRoleTargets_crud, all oie-00).
 */
const org = bareOrgs();

async function newUser(api: Awaited<ReturnType<typeof org>>) {
  const login = `admin-${Math.random().toString(36).slice(2)}@example.com`;
  const created = await api.post("/api/v1/users?activate=true", { profile: { firstName: "Ada", lastName: "Lovelace", email: login, login } });
  expect(created.status).toBe(200);
  return created.body.id as string;
}

describe("admin role assignments to a user", () => {
  it("assigns standard roles with Okta's ids, labels and links, lists and reads them, and unassigns them", async () => {
    const api = await org();
    const userId = await newUser(api);
    const assigned = await api.post(`/api/v1/users/${userId}/roles?disableNotifications=false`, { type: "APP_ADMIN" });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toEqual({
      id: "IFIFAX2BIRGUSTQ",
      label: "Application Administrator",
      type: "APP_ADMIN",
      status: "ACTIVE",
      created: expect.any(String),
      lastUpdated: expect.any(String),
      assignmentType: "USER",
      _links: { assignee: { href: `${api.emulator.url}/api/v1/users/${userId}` } },
    });
    const userAdmin = await api.post(`/api/v1/users/${userId}/roles?disableNotifications=false`, { type: "USER_ADMIN" });
    expect(userAdmin.body).toMatchObject({ id: "KVJUKUS7IFCE2SKO", label: "Group Administrator" });
    const helpDesk = await api.post(`/api/v1/users/${userId}/roles`, { type: "HELP_DESK_ADMIN" });
    expect(helpDesk.body).toMatchObject({ id: "JBCUYUC7IRCVGS27IFCE2SKO", label: "Help Desk Administrator" });
    const membership = await api.post(`/api/v1/users/${userId}/roles`, { type: "GROUP_MEMBERSHIP_ADMIN" });
    expect(membership.body).toMatchObject({ id: "I5JE6VKQL5GUKTKCIVJFGSCJKBPUCRCNJFHA", label: "Group Membership Administrator" });

    const listed = await api.get(`/api/v1/users/${userId}/roles`);
    expect((listed.body as unknown as { type: string }[]).map((r) => r.type)).toEqual(["APP_ADMIN", "USER_ADMIN", "HELP_DESK_ADMIN", "GROUP_MEMBERSHIP_ADMIN"]);
    expect((await api.get(`/api/v1/users/${userId}/roles/KVJUKUS7IFCE2SKO`)).body).toMatchObject({ type: "USER_ADMIN", assignmentType: "USER" });

    expect((await api.delete(`/api/v1/users/${userId}/roles/KVJUKUS7IFCE2SKO`)).status).toBe(204);
    expect((await api.delete(`/api/v1/users/${userId}/roles/JBCUYUC7IRCVGS27IFCE2SKO`)).status).toBe(204);
    const left = await api.get(`/api/v1/users/${userId}/roles`);
    expect((left.body as unknown as { id: string }[]).map((r) => r.id)).toEqual(["IFIFAX2BIRGUSTQ", "I5JE6VKQL5GUKTKCIVJFGSCJKBPUCRCNJFHA"]);
  });

  it("gives roles that cannot be narrowed an ra1 id of their own and lists them after the narrowable ones", async () => {
    const api = await org();
    const userId = await newUser(api);
    const superAdmin = await api.post(`/api/v1/users/${userId}/roles?disableNotifications=false`, { type: "SUPER_ADMIN" });
    expect(superAdmin.status).toBe(201);
    expect(superAdmin.body).toMatchObject({ id: expect.stringMatching(/^ra1[0-9A-Za-z]{17}$/), label: "Super Administrator", type: "SUPER_ADMIN" });
    await api.post(`/api/v1/users/${userId}/roles?disableNotifications=false`, { type: "APP_ADMIN" });
    const listed = (await api.get(`/api/v1/users/${userId}/roles`)).body as unknown as { id: string }[];
    expect(listed.map((r) => r.id)).toEqual(["IFIFAX2BIRGUSTQ", superAdmin.body.id]);
    const other = await newUser(api);
    const again = await api.post(`/api/v1/users/${other}/roles`, { type: "SUPER_ADMIN" });
    expect(again.body.id).not.toBe(superAdmin.body.id);
  });

  it("answers an unassigned role 404 naming the RoleAssignment, as Okta does", async () => {
    const api = await org();
    const userId = await newUser(api);
    const missing = await api.delete(`/api/v1/users/${userId}/roles/IFIFAX2BIRGUSTQ`);
    expectOktaError(missing, 404, "E0000007");
    expect(missing.body.errorSummary).toBe("Not found: Resource not found: IFIFAX2BIRGUSTQ (RoleAssignment)");
    expectOktaError(await api.get(`/api/v1/users/${userId}/roles/IFIFAX2BIRGUSTQ`), 404, "E0000007");
    expectOktaError(await api.get(`/api/v1/users/00unobody0000000000/roles`), 404, "E0000007");
  });

  it("refuses a role the user already holds and a type Okta does not have", async () => {
    const api = await org();
    const userId = await newUser(api);
    await api.post(`/api/v1/users/${userId}/roles`, { type: "READ_ONLY_ADMIN" });
    const twice = await api.post(`/api/v1/users/${userId}/roles`, { type: "READ_ONLY_ADMIN" });
    expectOktaError(twice, 409, "E0000090");
    expectOktaError(await api.post(`/api/v1/users/${userId}/roles`, { type: "KING_OF_OKTA" }), 400, "E0000001");
    expect(((await api.get(`/api/v1/users/${userId}/roles`)).body as unknown as unknown[]).length).toBe(1);
  });
});
