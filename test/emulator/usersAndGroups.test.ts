import { describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { EVERYONE_GROUP_ID } from "../../src/okta/ids";
import { devOrgs } from "./support/devOrgs";
import { expectOAuthError, expectOktaError } from "./support/expectations";
import { SCOPE } from "./support/flows";
import { postForm } from "./support/http";
import { causesOf, listOf, orgWithApi } from "./support/managementApi";

const orgs = devOrgs();

type Json = Record<string, any>;
type Api = Awaited<ReturnType<typeof orgWithApi>>["api"];

const PASSWORD = "Correct-Horse-9";

function newUser(api: Api, login: string, activate = true) {
  return api.post(`/api/v1/users?activate=${activate}`, {
    profile: { firstName: "Ada", lastName: "Lovelace", email: login, login, postalAddress: null },
    credentials: { password: { value: PASSWORD } },
  });
}

describe("groups", () => {
  it("lists the BUILT_IN Everyone group, finds groups by q, filter and search", async () => {
    const { api } = await orgs.withApi();
    const created = await api.post("/api/v1/groups", { profile: { name: "Zeta testers", description: "" } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^00g/),
      type: "OKTA_GROUP",
      objectClass: ["okta:user_group"],
      profile: { name: "Zeta testers", description: "" },
    });
    const everyone = listOf(await api.get(`/api/v1/groups?filter=${encodeURIComponent('type eq "BUILT_IN"')}`));
    expect(everyone).toEqual([expect.objectContaining({ id: EVERYONE_GROUP_ID, type: "BUILT_IN", profile: expect.objectContaining({ name: "Everyone" }) })]);
    expect(listOf(await api.get("/api/v1/groups?q=zeta")).map((g) => g.id)).toEqual([created.body.id]);
    const everyonesApps = listOf(await api.get(`/api/v1/groups/${EVERYONE_GROUP_ID}/apps`));
    expect(everyonesApps.length).toBeGreaterThan(0);
    expect(everyonesApps.every((a) => a.name === "oidc_client")).toBe(true);
    expect(listOf(await api.get(`/api/v1/groups/${created.body.id}/apps`))).toEqual([]);
    const searched = listOf(await api.get(`/api/v1/groups?search=${encodeURIComponent('profile.name eq "Zeta testers"')}`));
    expect(searched.map((g) => g.id)).toEqual([created.body.id]);
    const either = listOf(await api.get(`/api/v1/groups?search=${encodeURIComponent('profile.name co "eta" or type eq "BUILT_IN"')}`));
    expect(either.map((g) => g.id).sort()).toEqual([created.body.id, EVERYONE_GROUP_ID].sort());
    expectOktaError(await api.get(`/api/v1/groups?filter=${encodeURIComponent('type eq "BUILT_IN" and')}`), 400, "E0000031");
  });

  it("renames and deletes an OKTA_GROUP; refuses a duplicate name and any change to Everyone", async () => {
    const { api } = await orgs.withApi();
    const group = (await api.post("/api/v1/groups", { profile: { name: "First" } })).body as Json;
    const duplicate = await api.post("/api/v1/groups", { profile: { name: "first" } });
    expectOktaError(duplicate, 400, "E0000001");
    expect(causesOf(duplicate)).toMatch(/already exists/);
    expect((await api.put(`/api/v1/groups/${group.id}`, { profile: { name: "Renamed", description: "d" } })).body.profile).toEqual({ name: "Renamed", description: "d" });
    expectOktaError(await api.put(`/api/v1/groups/${EVERYONE_GROUP_ID}`, { profile: { name: "All" } }), 403, "E0000006");
    expectOktaError(await api.delete(`/api/v1/groups/${EVERYONE_GROUP_ID}`), 403, "E0000006");
    expect((await api.delete(`/api/v1/groups/${group.id}`)).status).toBe(204);
    expectOktaError(await api.get(`/api/v1/groups/${group.id}`), 404, "E0000007");
  });

  it("adds and removes members; a user's groups include Everyone", async () => {
    const { api } = await orgs.withApi();
    const group = (await api.post("/api/v1/groups", { profile: { name: "Members" } })).body as Json;
    const user = (await newUser(api, "ada@example.com")).body as Json;
    expect((await api.put(`/api/v1/groups/${group.id}/users/${user.id}`, {})).status).toBe(204);
    expect(listOf(await api.get(`/api/v1/groups/${group.id}/users`)).map((u) => u.id)).toEqual([user.id]);
    expect(listOf(await api.get(`/api/v1/users/${user.id}/groups`)).map((g) => g.id).sort()).toEqual([EVERYONE_GROUP_ID, group.id].sort());
    expect((await api.delete(`/api/v1/groups/${group.id}/users/${user.id}`)).status).toBe(204);
    expect(listOf(await api.get(`/api/v1/groups/${group.id}/users`))).toEqual([]);
    expectOktaError(await api.put(`/api/v1/groups/${group.id}/users/00umissing`, {}), 404, "E0000007");
  });
});

describe("users", () => {
  it("creates an ACTIVE user with a password, without the password in any answer", async () => {
    const { api } = await orgs.withApi();
    const created = await newUser(api, "ada@example.com");
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^00u/),
      status: "ACTIVE",
      profile: { login: "ada@example.com", email: "ada@example.com", firstName: "Ada" },
      credentials: { password: {}, provider: { type: "OKTA", name: "OKTA" } },
    });
    // Sent as null, postalAddress is not kept: Okta's answer to the provider's create leaves it out.
    expect(created.body.profile).not.toHaveProperty("postalAddress");
    expect(JSON.stringify(created.body)).not.toContain(PASSWORD);
    expect((await api.get("/api/v1/users/ada%40example.com")).body.id).toBe(created.body.id);
    expect((await newUser(api, "staged@example.com", false)).body.status).toBe("STAGED");
    expect(listOf(await api.get(`/api/v1/users/${created.body.id}/roles`))).toEqual([]);
  });

  it("validates the profile: login unique, email required", async () => {
    const { emulator, api } = await orgs.withApi();
    const duplicate = await newUser(api, emulator.testUser.login.toUpperCase());
    expectOktaError(duplicate, 400, "E0000001");
    expect(causesOf(duplicate)).toMatch(/login: An object with this field already exists/);
    const noEmail = await api.post("/api/v1/users", { profile: { login: "x@example.com" } });
    expectOktaError(noEmail, 400, "E0000001");
    expect(causesOf(noEmail)).toMatch(/email/);
  });

  it("finds users by q, filter and search, leaving deprovisioned users out of a plain list", async () => {
    const { api } = await orgs.withApi();
    const ada = (await newUser(api, "ada@example.com")).body as Json;
    expect(listOf(await api.get("/api/v1/users?q=ada")).map((u) => u.id)).toEqual([ada.id]);
    const byLogin = listOf(await api.get(`/api/v1/users?search=${encodeURIComponent('profile.login eq "ada@example.com"')}`));
    expect(byLogin.map((u) => u.id)).toEqual([ada.id]);
    const startsWith = listOf(await api.get(`/api/v1/users?search=${encodeURIComponent('profile.email sw "ADA@" and profile.firstName pr')}`));
    expect(startsWith.map((u) => u.id)).toEqual([ada.id]);
    const refused = await api.get(`/api/v1/users?search=${encodeURIComponent('not (profile.email eq "a")')}`);
    expectOktaError(refused, 400, "E0000031");
    expect(refused.body.errorSummary).toBe("Invalid search criteria.");
    await api.delete(`/api/v1/users/${ada.id}`);
    expect(listOf(await api.get("/api/v1/users")).map((u) => u.id)).not.toContain(ada.id);
    const deprovisioned = listOf(await api.get(`/api/v1/users?filter=${encodeURIComponent('status eq "DEPROVISIONED"')}`));
    expect(deprovisioned.map((u) => u.id)).toEqual([ada.id]);
  });

  it("searches users with or, dates, parentheses and eq on a list-valued attribute, as the provider's lookups do", async () => {
    const { api } = await orgs.withApi();
    // As the provider's data source test does, the list-valued property is defined first.
    await api.post("/api/v1/meta/schemas/user/default", {
      definitions: { custom: { id: "#custom", type: "object", properties: { array123: { title: "array", type: "array", items: { type: "string" } } } } },
    });
    const jones = (await api.post("/api/v1/users?activate=true", {
      profile: { firstName: "TestAcc", lastName: "Jones", email: "jones@example.com", login: "jones@example.com", array123: ["feature", "cool"] },
    })).body as Json;
    const one = (await newUser(api, "one@example.com")).body as Json;
    await api.post(`/api/v1/users/${one.id}`, { profile: { lastName: "One", array123: ["other"] } });
    const search = async (expression: string) =>
      listOf(await api.get(`/api/v1/users?limit=10&search=${encodeURIComponent(expression)}`)).map((u) => u.id).sort();
    expect(await search('profile.lastName eq "Jones" or profile.lastName eq "One"')).toEqual([jones.id, one.id].sort());
    expect(await search('profile.array123 eq "feature" and (created gt "2021-01-01T00:00:00.000Z")')).toEqual([jones.id]);
    expect(await search('profile.array123 eq "feature" and created lt "2021-01-01T00:00:00.000Z"')).toEqual([]);
    expect(await search('profile.email pr and profile.firstName eq "TestAcc" and profile.lastName ne "One"')).toEqual([jones.id]);
  });

  it("updates: POST merges the profile, PUT with credentials only changes the password", async () => {
    const { api } = await orgs.withApi();
    const ada = (await newUser(api, "ada@example.com")).body as Json;
    const merged = await api.post(`/api/v1/users/${ada.id}`, { profile: { lastName: "King" } });
    expect(merged.body.profile).toMatchObject({ firstName: "Ada", lastName: "King", login: "ada@example.com" });
    const passwordOnly = await api.put(`/api/v1/users/${ada.id}`, { credentials: { password: { value: "Another-Pass-7" } } });
    expect(passwordOnly.body.profile).toMatchObject({ lastName: "King" });
  });

  it("changes the password and the recovery question only with the current password; the answer is never shown", async () => {
    const { api } = await orgs.withApi();
    const ada = (await newUser(api, "ada@example.com")).body as Json;
    const change = (oldPassword: string) =>
      api.post(`/api/v1/users/${ada.id}/credentials/change_password`, { oldPassword: { value: oldPassword }, newPassword: { value: "Brand-New-Pass-1" } });
    expectOktaError(await change("wrong-password"), 403, "E0000014");
    expect((await change(PASSWORD)).body).toEqual({ password: {}, provider: { type: "OKTA", name: "OKTA" } });
    expectOktaError(await change(PASSWORD), 403, "E0000014");
    const question = await api.post(`/api/v1/users/${ada.id}/credentials/change_recovery_question`, {
      password: { value: "Brand-New-Pass-1" },
      recovery_question: { question: "Which symbol?", answer: "Asterisk" },
    });
    expect(question.body).toEqual({ password: {}, recovery_question: { question: "Which symbol?" }, provider: { type: "OKTA", name: "OKTA" } });
    expect(JSON.stringify((await api.get(`/api/v1/users/${ada.id}`)).body)).not.toContain("Asterisk");
  });

  it("DELETE deactivates an ACTIVE user, a second DELETE deletes it", async () => {
    const { api } = await orgs.withApi();
    const ada = (await newUser(api, "ada@example.com")).body as Json;
    expect((await api.delete(`/api/v1/users/${ada.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/users/${ada.id}`)).body.status).toBe("DEPROVISIONED");
    expect((await api.delete(`/api/v1/users/${ada.id}`)).status).toBe(204);
    expectOktaError(await api.get(`/api/v1/users/${ada.id}`), 404, "E0000007");
  });
});

describe("a user's lifecycle, as Okta answers it", () => {
  const linksOf = (user: Json) => Object.keys(user._links).sort();

  it("without a password: STAGED (never changed status), then PROVISIONED, then DEPROVISIONED; each status links what it allows", async () => {
    const { api } = await orgs.withApi();
    const login = "no-password@example.com";
    const staged = (await api.post("/api/v1/users?activate=false", { profile: { email: login, login }, credentials: { password: {} } })).body as Json;
    expect(staged).toMatchObject({ status: "STAGED", activated: null, statusChanged: null, passwordChanged: null, realmId: expect.stringMatching(/^guo/) });
    expect(linksOf(staged)).toEqual(["activate", "resetFactors", "schema", "self", "type"]);
    expect(staged._links.type.href).toBe(`${staged._links.self.href.split("/api/")[0]}/api/v1/meta/types/user/${staged.type.id}`);

    const activated = await api.post(`/api/v1/users/${staged.id}/lifecycle/activate`);
    expect({ status: activated.status, body: activated.body }).toEqual({ status: 200, body: {} });
    const provisioned = (await api.get(`/api/v1/users/${staged.id}`)).body as Json;
    expect(provisioned).toMatchObject({ status: "PROVISIONED", activated: expect.any(String), statusChanged: expect.any(String) });
    expect(linksOf(provisioned)).toEqual(["deactivate", "reactivate", "resetFactors", "resetPassword", "schema", "self", "suspend", "type"]);

    const deactivated = await api.post(`/api/v1/users/${staged.id}/lifecycle/deactivate`);
    expect({ status: deactivated.status, body: deactivated.body }).toEqual({ status: 200, body: {} });
    const deprovisioned = (await api.get(`/api/v1/users/${staged.id}`)).body as Json;
    expect(deprovisioned).toMatchObject({ status: "DEPROVISIONED", activated: null });
    expect(linksOf(deprovisioned)).toEqual(["activate", "delete", "schema", "self", "type"]);
    expect(deprovisioned._links.delete).toEqual({ href: deprovisioned._links.self.href, method: "DELETE" });
  });

  it("with a password: ACTIVE at once, linking the password and recovery question changes", async () => {
    const { api } = await orgs.withApi();
    const ada = (await newUser(api, "ada@example.com")).body as Json;
    expect(ada).toMatchObject({ status: "ACTIVE", activated: ada.created, statusChanged: ada.created, passwordChanged: ada.created });
    expect(linksOf(ada)).toEqual([
      "changePassword", "changeRecoveryQuestion", "deactivate", "expirePassword", "forgotPassword",
      "resetFactors", "resetPassword", "schema", "self", "suspend", "type",
    ]);
    expect(ada.credentials).toEqual({ password: {}, provider: { type: "OKTA", name: "OKTA" } });
    expect(ada._links.changePassword).toEqual({ href: `${ada._links.self.href}/credentials/change_password`, method: "POST" });
    const listed = listOf(await api.get("/api/v1/users?q=ada"));
    expect(listed.map((u) => u._links)).toEqual([{ self: ada._links.self }]);
  });

  it("answers a user read with a weak Etag that changes when the user does", async () => {
    const { api } = await orgs.withApi();
    const ada = (await newUser(api, "ada@example.com")).body as Json;
    const etag = async () => (await api.get(`/api/v1/users/${ada.id}`)).headers.get("etag");
    const first = await etag();
    expect(first).toMatch(/^W\/"[0-9a-f]{64}"$/);
    expect(await etag()).toBe(first);
    await api.post(`/api/v1/users/${ada.id}`, { profile: { lastName: "King" } });
    expect(await etag()).not.toBe(first);
  });
});

describe("the flows use the users and groups the API created", () => {
  it("a new user in an assigned group passes a group rule; once deactivated, the password no longer works", async () => {
    const { emulator, api, endpoints } = await orgs.withApi();
    const group = (await api.post("/api/v1/groups", { profile: { name: "Password users" } })).body as Json;
    const ada = (await newUser(api, "ada@example.com")).body as Json;
    const policy = (await api.post("/api/v1/policies", { name: "Group 1FA", type: "ACCESS_POLICY" })).body as Json;
    await api.post(`/api/v1/policies/${policy.id}/rules`, {
      name: "group, password is enough",
      conditions: { people: { groups: { include: [group.id] } } },
      actions: { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "1FA", type: "ASSURANCE" } } },
    });
    const app = (
      await api.post("/api/v1/apps", {
        name: "oidc_client",
        label: "Password app",
        credentials: { oauthClient: { token_endpoint_auth_method: "none", pkce_required: true } },
        settings: { oauthClient: { application_type: "native", grant_types: ["authorization_code", GRANT.password], redirect_uris: ["x:/cb"] } },
      })
    ).body as Json;
    await api.put(`/api/v1/apps/${app.id}/groups/${group.id}`, {});
    await api.put(`/api/v1/apps/${app.id}/policies/${policy.id}`, {});
    const grant = (password = PASSWORD) =>
      postForm(endpoints.token, { client_id: app.id, grant_type: GRANT.password, username: "ada@example.com", password, scope: SCOPE });

    expectOAuthError(await grant(), 400, "access_denied", /not assigned/);
    await api.put(`/api/v1/groups/${group.id}/users/${ada.id}`, {});
    const tokens = await grant();
    expect(tokens.status).toBe(200);
    expectOAuthError(await grant("wrong-password"), 400, "invalid_grant");

    await api.delete(`/api/v1/users/${ada.id}`);
    expectOAuthError(await grant(), 400, "invalid_grant");
    expect(emulator.testUser.login).not.toBe("ada@example.com");
  });
});

describe("Okta's default password policy", () => {
  it.each([
    ["too short", "Ab1-xyz"],
    ["without an uppercase letter", "correct-horse-9"],
    ["without a lowercase letter", "CORRECT-HORSE-9"],
    ["without a number", "Correct-Horse-Nine"],
    ["with a part of the login", "Lovelace-Horse-9"],
  ])("refuses a password %s with E0000001 in Okta's words, creating no user", async (_what, password) => {
    const { api } = await orgs.withApi();
    const refused = await api.post("/api/v1/users?activate=true", {
      profile: { firstName: "Ada", lastName: "Lovelace", email: "lovelace@example.com", login: "lovelace@example.com" },
      credentials: { password: { value: password } },
    });
    expectOktaError(refused, 400, "E0000001");
    expect(refused.body.errorSummary).toBe("Api validation failed: password");
    expect(causesOf(refused)).toBe(
      "password: Password requirements were not met. Password requirements: at least 8 characters, a lowercase letter, an uppercase letter, a number, no parts of your username.",
    );
    expect(JSON.stringify(refused.body)).not.toContain(password);
    expect((await api.get("/api/v1/users/lovelace@example.com")).status).toBe(404);
  });
});
