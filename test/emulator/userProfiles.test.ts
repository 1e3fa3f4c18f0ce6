import { describe, expect, it } from "vitest";
import { orgProblem } from "../../src/emulator/orgSchema";
import { decodeState, encodeState } from "../../src/emulator/stateFile";
import { devOrgs } from "./support/devOrgs";
import { expectOktaError } from "./support/expectations";
import { causesOf, listOf } from "./support/managementApi";

/**
 * User profile schemas, user types and user risk. Expected values are Okta's answers to the
 * provider's acceptance tests (okta/terraform-provider-okta test/fixtures/vcr/idaas, named per test),
 * written out here so the emulator is judged against them.
 */

const orgs = devOrgs();
type Json = Record<string, any>;
const json = (answer: { body: unknown }) => answer.body as Json;

const SCHEMA = "/api/v1/meta/schemas/user/default";

/** TestAccResourceOktaUser_customProfileAttributes/oie-00.yaml, interaction 0: the provider's request. */
const CUSTOM_STRING_SENT = {
  master: { type: "PROFILE_MASTER" },
  permissions: [{ action: "READ_ONLY", principal: "SELF" }],
  required: false,
  scope: "NONE",
  title: "terraform acceptance test",
  type: "string",
};
/** ...and Okta's answer for that property, key order included. */
const CUSTOM_STRING_STORED = {
  title: "terraform acceptance test",
  type: "string",
  mutability: "READ_WRITE",
  scope: "NONE",
  permissions: [{ principal: "SELF", action: "READ_ONLY" }],
  master: { type: "PROFILE_MASTER" },
};

/** TestAccResourceOktaUserSchema_array_enum_integer/oie-00.yaml, interaction 0: sent, then answered. */
const ARRAY_ENUM_SENT = {
  description: "testing",
  items: { enum: [1, 2, 3], oneOf: [{ const: 1, title: "integer one" }, { const: 2, title: "integer two" }, { const: 3, title: "integer three" }], type: "integer" },
  master: { type: "OKTA" },
  permissions: [{ action: "READ_ONLY", principal: "SELF" }],
  required: false,
  scope: "SELF",
  title: "terraform acceptance test",
  type: "array",
};
const ARRAY_ENUM_STORED = {
  title: "terraform acceptance test",
  description: "testing",
  type: "array",
  mutability: "READ_WRITE",
  scope: "SELF",
  items: { type: "integer", enum: [1, 2, 3], oneOf: [{ const: 1, title: "integer one" }, { const: 2, title: "integer two" }, { const: 3, title: "integer three" }] },
  permissions: [{ principal: "SELF", action: "READ_ONLY" }],
  master: { type: "OKTA" },
};

const customProperties = (properties: Record<string, unknown>) => ({ definitions: { custom: { id: "#custom", properties, type: "object" } } });

function newUser(login: string, extra: Record<string, unknown> = {}, body: Record<string, unknown> = {}) {
  return { credentials: { password: {} }, profile: { email: login, firstName: "TestAcc", lastName: "Smith", login, postalAddress: null, ...extra }, ...body };
}

describe("the user profile schema", () => {
  it("starts as a fresh org's: Okta's base properties and no custom ones", async () => {
    const { api, emulator } = await orgs.withApi();
    const schema = (await api.get(SCHEMA)).body as Json;
    expect(schema).toMatchObject({
      id: `${emulator.url}/meta/schemas/user/default`,
      $schema: "http://json-schema.org/draft-04/schema#",
      name: "user",
      title: "User",
      description: "Okta user profile template with default permission settings",
      type: "object",
      properties: { profile: { allOf: [{ $ref: "#/definitions/custom" }, { $ref: "#/definitions/base" }] } },
    });
    // TestAccResourceOktaIdpSocial_crud/oie-00.yaml: a custom section without properties has no `required`.
    expect(schema.definitions.custom).toEqual({ id: "#custom", type: "object", properties: {} });
    const base = schema.definitions.base;
    expect(base.required).toEqual(["login", "firstName", "lastName", "email"]);
    expect(Object.keys(base.properties)).toHaveLength(31);
    expect(base.properties.login).toEqual({
      title: "Username",
      type: "string",
      required: true,
      mutability: "READ_WRITE",
      scope: "NONE",
      minLength: 5,
      maxLength: 100,
      permissions: [{ principal: "SELF", action: "READ_ONLY" }],
      master: { type: "PROFILE_MASTER" },
    });
    expect(base.properties.countryCode).toMatchObject({ title: "Country code", format: "country-code", permissions: [{ principal: "SELF", action: "HIDE" }] });

    const user = (await api.post("/api/v1/users", newUser("schema-links@example.com"))).body as Json;
    expect(schema._links.type).toEqual({ rel: "type", href: `${emulator.url}/api/v1/meta/types/user/${user.type.id}`, method: "GET" });
    expect(user._links.schema.href).toBe(schema._links.self.href);
    expect(schema._links.self.href).toMatch(/\/api\/v1\/meta\/schemas\/user\/osc[0-9a-zA-Z]{17}$/);
    const bySchemaId = await api.get(new URL(schema._links.self.href).pathname);
    expect(bySchemaId.body.definitions).toEqual(schema.definitions);
    expectOktaError(await api.get("/api/v1/meta/schemas/user/oscNoSuchSchema0000"), 404, "E0000007");
  });

  it("adds, replaces and removes custom properties as Okta stores them", async () => {
    const { api } = await orgs.withApi();
    const added = await api.post(SCHEMA, customProperties({ customAttribute123: CUSTOM_STRING_SENT }));
    expect(added.status).toBe(200);
    expect(json(added).definitions.custom).toEqual({ id: "#custom", type: "object", properties: { customAttribute123: CUSTOM_STRING_STORED }, required: [] });
    expect(Object.keys(json(added).definitions.custom.properties.customAttribute123)).toEqual(Object.keys(CUSTOM_STRING_STORED));

    const both = await api.post(SCHEMA, customProperties({ testAcc_1482292118: ARRAY_ENUM_SENT }));
    expect(json(both).definitions.custom.properties).toEqual({ customAttribute123: CUSTOM_STRING_STORED, testAcc_1482292118: ARRAY_ENUM_STORED });
    expect(json(await api.get(SCHEMA)).definitions.custom.properties.testAcc_1482292118).toEqual(ARRAY_ENUM_STORED);

    const replaced = await api.post(SCHEMA, customProperties({ customAttribute123: { ...CUSTOM_STRING_SENT, title: "renamed", required: true } }));
    expect(json(replaced).definitions.custom.properties.customAttribute123).toMatchObject({ title: "renamed", required: true });
    expect(json(replaced).definitions.custom.required).toEqual(["customAttribute123"]);

    // TestAccResourceOktaUserSchema_enum_string/oie-00.yaml, interaction 7: null removes a property.
    await api.post(SCHEMA, customProperties({ testAcc_1482292118: null }));
    const removed = await api.post(SCHEMA, customProperties({ customAttribute123: null }));
    expect(json(removed).definitions.custom).toEqual({ id: "#custom", type: "object", properties: {} });
  });

  it("lets a base property change only what Okta allows", async () => {
    const { api } = await orgs.withApi();
    const changed = await api.post(SCHEMA, {
      definitions: {
        base: {
          id: "#base",
          type: "object",
          properties: {
            lastName: { title: "Last name", type: "string", required: false, permissions: [{ principal: "SELF", action: "READ_ONLY" }] },
            login: { title: "Username", type: "string", required: true, pattern: "[a-z]+@example\\.com", minLength: 1 },
            email: { title: "Primary email", type: "string", required: false },
          },
        },
      },
    });
    const base = json(changed).definitions.base;
    expect(base.required).toEqual(["login", "firstName", "email"]);
    expect(base.properties.lastName).toMatchObject({ permissions: [{ principal: "SELF", action: "READ_ONLY" }] });
    expect(base.properties.lastName).not.toHaveProperty("required");
    expect(base.properties.login).toMatchObject({ pattern: "[a-z]+@example\\.com", minLength: 5 });
  });
});

describe("users checked against their type's schema", () => {
  it("refuses a property the schema does not define with Okta's words, and keeps a defined one", async () => {
    const { api } = await orgs.withApi();
    // TestAccResourceOktaUser_invalidCustomProfileAttribute/oie-00.yaml, interaction 0.
    const refused = await api.post("/api/v1/users", newUser("testAcc-1215177900@example.com", { notValid: "this-isnt-valid" }));
    expectOktaError(refused, 400, "E0000001");
    expect(refused.body.errorSummary).toBe("Api validation failed: newUser");
    expect(causesOf(refused)).toBe("Property name 'notValid' is not defined in profile");
    expect(listOf(await api.get("/api/v1/users?q=testAcc-1215177900"))).toEqual([]);

    await api.post(SCHEMA, customProperties({ customAttribute123: CUSTOM_STRING_SENT }));
    // TestAccResourceOktaUser_customProfileAttributes/oie-00.yaml, interaction 5: the answer's profile.
    const created = await api.post("/api/v1/users", newUser("testAcc-3285681814@example.com", { customAttribute123: "testing-custom-attribute" }));
    expect(created.status).toBe(200);
    expect(created.body.profile).toEqual({
      customAttribute123: "testing-custom-attribute",
      firstName: "TestAcc",
      lastName: "Smith",
      mobilePhone: null,
      secondEmail: null,
      login: "testAcc-3285681814@example.com",
      email: "testAcc-3285681814@example.com",
    });
  });
});

describe("user types", () => {
  it("has the default type in a fresh org, which every new user has", async () => {
    const { api, emulator } = await orgs.withApi();
    const types = listOf(await api.get("/api/v1/meta/types/user"));
    expect(types).toHaveLength(1);
    const [defaultType] = types as Json[];
    // TestAccDataSourceOktaUserType_read/oie-00.yaml, interaction 3: the default type listed first.
    expect(defaultType).toMatchObject({
      id: expect.stringMatching(/^oty[0-9a-zA-Z]{17}$/),
      displayName: "User",
      name: "user",
      description: "Okta user profile template with default permission settings",
      createdBy: expect.any(String),
      lastUpdatedBy: expect.any(String),
      default: true,
    });
    expect(defaultType._links.schema.href).toBe(`${emulator.url}/api/v1/meta/schemas/user/osc${(defaultType.id as string).slice(3)}`);
    expect((await api.get("/api/v1/meta/types/user/default")).body.id).toBe(defaultType.id);
    const user = (await api.post("/api/v1/users", newUser("typed@example.com"))).body as Json;
    expect(user.type).toEqual({ id: defaultType.id });
    expectOktaError(await api.delete(`/api/v1/meta/types/user/${defaultType.id}`), 403, "E0000006");
  });

  it("creates, reads, updates and deletes a type; a user can be given it on create or by a full replacement", async () => {
    const { api, emulator } = await orgs.withApi();
    // TestAccResourceOktaUser_addUserTypeLater/oie-00.yaml, interactions 4 and 6.
    const created = await api.post("/api/v1/meta/types/user", { description: "A contractor user type", displayName: "Contractor", name: "testAcc_4166380299" });
    expect(created.status).toBe(200);
    const type = created.body as Json;
    expect(type).toMatchObject({ displayName: "Contractor", name: "testAcc_4166380299", description: "A contractor user type", default: false });
    expect(Object.keys(type)).toEqual(["id", "displayName", "name", "description", "createdBy", "lastUpdatedBy", "created", "lastUpdated", "default", "_links"]);
    expect(type._links).toEqual({
      schema: { rel: "schema", href: `${emulator.url}/api/v1/meta/schemas/user/osc${type.id.slice(3)}`, method: "GET" },
      self: { rel: "self", href: `${emulator.url}/api/v1/meta/types/user/${type.id}`, method: "GET" },
    });
    expect((await api.get(`/api/v1/meta/types/user/${type.id}`)).body).toEqual(type);
    expectOktaError(await api.post("/api/v1/meta/types/user", { displayName: "Again", name: "testAcc_4166380299" }), 400, "E0000001");

    const login = "testAcc-4166380299@example.com";
    const user = (await api.post("/api/v1/users", newUser(login))).body as Json;
    const merged = await api.post(`/api/v1/users/${user.id}`, { type: { id: type.id } });
    expect(json(merged).type.id).toBe(user.type.id);
    const replaced = await api.put(`/api/v1/users/${user.id}`, { profile: newUser(login).profile, type: { id: type.id } });
    expect(json(replaced).type).toEqual({ id: type.id });
    expect(json(replaced)._links.type.href).toBe(type._links.self.href);
    expect(json(replaced)._links.schema.href).toBe(type._links.schema.href);
    expectOktaError(await api.put(`/api/v1/users/${user.id}`, { profile: newUser(login).profile, type: { id: "otyNoSuchType000000" } }), 404, "E0000007");

    // TestAccResourceOktaUserType_crud/oie-00.yaml, interaction 4: an update changes the display name and description.
    const updated = await api.post(`/api/v1/meta/types/user/${type.id}`, {
      description: "Terraform Acceptance Test User Type Updated",
      displayName: "Terraform Acceptance Test User Type Updated",
      name: "testAcc_4166380299",
    });
    expect(updated.body).toMatchObject({ displayName: "Terraform Acceptance Test User Type Updated", name: "testAcc_4166380299", created: type.created });
    expectOktaError(await api.put(`/api/v1/meta/types/user/${type.id}`, { displayName: "x", name: "renamed" }), 400, "E0000001");

    expectOktaError(await api.delete(`/api/v1/meta/types/user/${type.id}`), 403, "E0000006");
    await api.delete(`/api/v1/users/${user.id}`);
    await api.delete(`/api/v1/users/${user.id}`);
    expect((await api.delete(`/api/v1/meta/types/user/${type.id}`)).status).toBe(204);
    expectOktaError(await api.get(`/api/v1/meta/types/user/${type.id}`), 404, "E0000007");
  });

  it("gives a new type a schema of its own, starting from the default one", async () => {
    const { api } = await orgs.withApi();
    await api.post(SCHEMA, customProperties({ shared: CUSTOM_STRING_SENT }));
    const type = (await api.post("/api/v1/meta/types/user", { displayName: "Contractor", name: "contractor" })).body as Json;
    const typeSchema = new URL(type._links.schema.href).pathname;
    expect(Object.keys(json(await api.get(typeSchema)).definitions.custom.properties)).toEqual(["shared"]);
    await api.post(typeSchema, customProperties({ badge: CUSTOM_STRING_SENT }));
    expect(Object.keys(json(await api.get(SCHEMA)).definitions.custom.properties)).toEqual(["shared"]);

    const contractor = newUser("contractor@example.com", { badge: "b-1" }, { type: { id: type.id } });
    expect((await api.post("/api/v1/users", contractor)).status).toBe(200);
    const employee = await api.post("/api/v1/users", newUser("employee@example.com", { badge: "b-2" }));
    expect(causesOf(employee)).toBe("Property name 'badge' is not defined in profile");
  });
});

describe("user risk", () => {
  it("is NONE until an administrator sets it, then as Okta answers", async () => {
    const { api, emulator } = await orgs.withApi();
    const user = (await api.post("/api/v1/users", newUser("testAcc-949416316@example.com"))).body as Json;
    const risk = `/api/v1/users/${user.id}/risk`;
    const links = {
      user: { href: `${emulator.url}/api/v1/users/${user.id}`, hints: { allow: ["GET"] } },
      self: { href: `${emulator.url}${risk}`, hints: { allow: ["GET", "PUT"] } },
    };
    expect((await api.get(risk)).body).toEqual({ riskLevel: "NONE", _links: links });
    // TestAccResourceOktaUserRisk_crud/oie-00.yaml, interactions 2, 3 and 9.
    const first = await api.put(risk, { riskLevel: "LOW" });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ riskLevel: "LOW", reason: "Admin override risk", _links: links });
    const second = await api.put(risk, { riskLevel: "HIGH" });
    expect(second.status).toBe(200);
    expect((await api.get(risk)).body).toEqual({ riskLevel: "HIGH", reason: "Admin override risk", _links: links });
    expectOktaError(await api.put(risk, { riskLevel: "NONE" }), 400, "E0000001");
    expectOktaError(await api.get("/api/v1/users/00uNoSuchUser0000000/risk"), 404, "E0000007");
  });
});

describe("a saved org", () => {
  it("keeps its types, schemas and risk levels", async () => {
    const { api, emulator } = await orgs.withApi();
    await api.post(SCHEMA, customProperties({ customAttribute123: CUSTOM_STRING_SENT }));
    const type = (await api.post("/api/v1/meta/types/user", { displayName: "Contractor", name: "contractor" })).body as Json;
    const user = (await api.post("/api/v1/users", newUser("saved@example.com", {}, { type: { id: type.id } }))).body as Json;
    await api.put(`/api/v1/users/${user.id}/risk`, { riskLevel: "HIGH" });
    const restored = decodeState<typeof emulator.org>(encodeState(emulator.org), "saved", orgProblem);
    expect(restored.userTypes?.map((t) => t.name)).toEqual(["user", "contractor"]);
    expect(restored.userTypes?.[0].schema.custom).toHaveProperty("customAttribute123");
    expect(restored.users.find((u) => u.id === user.id)).toMatchObject({ typeId: type.id, riskLevel: "HIGH" });
  });
});
