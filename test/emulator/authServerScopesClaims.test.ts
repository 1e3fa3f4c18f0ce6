import { describe, expect, it } from "vitest";
import { devOrgs } from "./support/devOrgs";
import { expectOktaError } from "./support/expectations";
import { getJson } from "./support/http";
import { listOf } from "./support/managementApi";

/**
 * Scopes, claims and signing keys of custom authorization servers. Expected values are what real
 * orgs answered in the Okta provider's recordings (terraform-provider-okta test/fixtures/vcr/idaas:
 * TestAccDataSourceOktaAuthServerScopes_read, TestAccDataSourceOktaAuthServerClaim_read,
 * TestAccResourceOktaAuthServerClaim_create, _groupType, ClaimDefault_crud, Scope_crud, ServerKeys_read).
 */

const orgs = devOrgs();

type Json = Record<string, any>;

async function newServer() {
  const { emulator, api } = await orgs.withApi();
  const created = await api.post("/api/v1/authorizationServers", {
    audiences: ["whatever.rise.zone"],
    credentials: { signing: { rotationMode: "AUTO" } },
    description: "test",
    issuerMode: "ORG_URL",
    name: "testAcc_server",
  });
  expect(created.status).toBe(201);
  const base = `/api/v1/authorizationServers/${created.body.id}`;
  return { emulator, api, server: created.body as Json, base };
}

describe("authorization server scopes", () => {
  it("lists the default server's built-in scopes as a real org does: MyAccount ones, then the system OIDC ones", async () => {
    const { emulator, api } = await orgs.withApi();
    const scopes = listOf(await api.get("/api/v1/authorizationServers/default/scopes")) as Json[];
    const oidc = scopes.filter((s) => s.system).map((s) => s.name);
    expect(oidc).toEqual(["openid", "profile", "email", "address", "phone", "offline_access", "device_sso"]);
    expect(scopes.slice(0, 20).every((s) => s.name.startsWith("okta.myAccount.") && s.system === false)).toBe(true);
    expect(scopes).toHaveLength(27);
    const profile = scopes.find((s) => s.name === "profile");
    expect(profile).toEqual({
      id: expect.stringMatching(/^scp[0-9a-zA-Z]{17}$/),
      name: "profile",
      displayName: "View your profile information.",
      description: "The exact data varies based on what profile information you have provided, such as: name, time zone, picture, or birthday.",
      system: true,
      metadataPublish: "ALL_CLIENTS",
      consent: "IMPLICIT",
      optional: false,
      apiResourceId: null,
      default: false,
      _links: { self: { href: `${emulator.url}/api/v1/authorizationServers/default/scopes/${profile?.id}`, hints: { allow: ["GET", "PUT", "DELETE"] } } },
    });
  });

  it("gives a new server the OIDC scopes only", async () => {
    const { api, base } = await newServer();
    const names = (listOf(await api.get(`${base}/scopes`)) as Json[]).map((s) => s.name);
    expect(names).toEqual(["openid", "profile", "email", "address", "phone", "offline_access", "device_sso"]);
  });

  it("creates (201), reads, replaces and deletes a scope with the fields the provider sends", async () => {
    const { api, base } = await newServer();
    const sent = { consent: "REQUIRED", default: false, description: "test", displayName: "test display name", metadataPublish: "ALL_CLIENTS", name: "test:something", optional: false };
    const created = await api.post(`${base}/scopes`, sent);
    expect(created.status).toBe(201);
    const { _links, id, ...fields } = created.body as Json;
    expect(fields).toEqual({ ...sent, system: false, apiResourceId: null });
    expect(id).toMatch(/^scp/);
    expect((await api.get(`${base}/scopes/${id}`)).body).toEqual(created.body);
    const replaced = await api.put(`${base}/scopes/${id}`, { ...sent, description: "test_updated", displayName: "test display name updated", optional: true });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id, description: "test_updated", displayName: "test display name updated", optional: true });
    expect((await api.delete(`${base}/scopes/${id}`)).status).toBe(204);
    expectOktaError(await api.get(`${base}/scopes/${id}`), 404, "E0000007");
  });

  it("refuses a scope without a name, with a name the server already has, or with a consent Okta does not know", async () => {
    const { api, base } = await newServer();
    expectOktaError(await api.post(`${base}/scopes`, { description: "nameless" }), 400, "E0000001");
    expectOktaError(await api.post(`${base}/scopes`, { name: "openid" }), 400, "E0000001");
    expectOktaError(await api.post(`${base}/scopes`, { name: "orders:read", consent: "SOMETIMES" }), 400, "E0000001");
    expect((listOf(await api.get(`${base}/scopes`)) as Json[]).filter((s) => s.name === "openid")).toHaveLength(1);
  });

  it("defaults consent to IMPLICIT and metadataPublish to NO_CLIENTS, as Okta documents", async () => {
    const { api, base } = await newServer();
    const created = await api.post(`${base}/scopes`, { name: "orders:read" });
    expect(created.body).toMatchObject({ consent: "IMPLICIT", metadataPublish: "NO_CLIENTS", optional: false, default: false });
  });
});

describe("authorization server claims", () => {
  it("gives a new server Okta's system claims: OIDC identity claims bound to their scope, and sub", async () => {
    const { api, base } = await newServer();
    const claims = listOf(await api.get(`${base}/claims`)) as Json[];
    expect(claims.map((c) => c.name).sort()).toEqual(
      ["middle_name", "zoneinfo", "website", "updated_at", "profile", "preferred_username", "picture", "phone_number", "nickname", "name", "sub", "locale", "given_name", "gender", "family_name", "email_verified", "email", "birthdate", "address"].sort(),
    );
    const strip = ({ id, _links, ...rest }: Json) => rest;
    expect(strip(claims.find((c) => c.name === "address")!)).toEqual({
      name: "address", status: "ACTIVE", claimType: "IDENTITY", valueType: "SYSTEM", conditions: { scopes: ["address"] }, system: true, alwaysIncludeInToken: false, apiResourceId: null,
    });
    expect(strip(claims.find((c) => c.name === "email")!)).toMatchObject({ conditions: { scopes: ["email"] }, alwaysIncludeInToken: true });
    expect(strip(claims.find((c) => c.name === "sub")!)).toEqual({
      name: "sub", status: "ACTIVE", claimType: "RESOURCE", valueType: "EXPRESSION", value: "(appuser != null) ? appuser.userName : app.clientId",
      conditions: { scopes: [] }, system: true, alwaysIncludeInToken: true, apiResourceId: null,
    });
  });

  it("lets a system claim be included always, keeping it a system claim", async () => {
    const { api, base } = await newServer();
    const address: Json = (listOf(await api.get(`${base}/claims`)) as Json[]).find((c) => c.name === "address")!;
    const put = await api.put(`${base}/claims/${address.id}`, { alwaysIncludeInToken: true, claimType: "IDENTITY", conditions: { scopes: ["address"] }, name: "address", status: "ACTIVE", valueType: "SYSTEM" });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ ...address, alwaysIncludeInToken: true });
    expect((await api.get(`${base}/claims/${address.id}`)).body).toEqual(put.body);
  });

  it("creates (201), replaces and deletes an expression claim; `conditions: {}` reads back as no scope", async () => {
    const { emulator, api, server, base } = await newServer();
    const sent = { alwaysIncludeInToken: true, claimType: "RESOURCE", conditions: {}, name: "test", status: "ACTIVE", value: "cool", valueType: "EXPRESSION" };
    const created = await api.post(`${base}/claims`, sent);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toEqual({
      id, name: "test", status: "ACTIVE", claimType: "RESOURCE", valueType: "EXPRESSION", value: "cool", conditions: { scopes: [] }, system: false, alwaysIncludeInToken: true, apiResourceId: null,
      _links: { self: { href: `${emulator.url}/api/v1/authorizationServers/${server.id}/claims/${id}`, hints: { allow: ["GET", "PUT", "DELETE"] } } },
    });
    const put = await api.put(`${base}/claims/${id}`, { ...sent, name: "test_updated", status: "INACTIVE", value: "cool_updated" });
    expect(put.body).toMatchObject({ id, name: "test_updated", status: "INACTIVE", value: "cool_updated" });
    expect((await api.delete(`${base}/claims/${id}`)).status).toBe(204);
    expectOktaError(await api.get(`${base}/claims/${id}`), 404, "E0000007");
  });

  it("keeps a GROUPS claim's group_filter_type, and refuses one without it or without a value", async () => {
    const { api, base } = await newServer();
    const groups = { alwaysIncludeInToken: true, claimType: "RESOURCE", conditions: {}, name: "test_sw", status: "ACTIVE", value: "Every", valueType: "GROUPS" };
    const created = await api.post(`${base}/claims`, { ...groups, group_filter_type: "STARTS_WITH" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ valueType: "GROUPS", value: "Every", group_filter_type: "STARTS_WITH" });
    expectOktaError(await api.post(`${base}/claims`, groups), 400, "E0000001");
    expectOktaError(await api.post(`${base}/claims`, { ...groups, group_filter_type: "EQUALS", value: "" }), 400, "E0000001");
    expectOktaError(await api.post(`${base}/claims`, { name: "typeless", value: "x" }), 400, "E0000001");
  });

  it("answers 404 for the claims of a server that does not exist", async () => {
    const { api } = await orgs.withApi();
    expectOktaError(await api.get("/api/v1/authorizationServers/ausNoSuchServer000000/claims"), 404, "E0000007");
  });
});

describe("authorization server signing keys", () => {
  it("lists the key the server signs with, and reads it by kid, as Okta answers a key", async () => {
    const { emulator, api, server, base } = await newServer();
    const jwks = (await getJson(`${server.issuer}/v1/keys`)).body as Json;
    const [jwk] = jwks.keys;
    const expected = {
      kty: "RSA", status: "ACTIVE", alg: "RS256", kid: server.credentials.signing.kid, use: "sig",
      _links: { self: { href: `${emulator.url}${base}/credentials/keys/${jwk.kid}`, hints: { allow: ["GET"] } } },
      e: jwk.e, n: jwk.n,
    };
    expect(jwk.kid).toBe(server.credentials.signing.kid);
    expect((await api.get(`${base}/credentials/keys`)).body).toEqual([expected]);
    expect((await api.get(`${base}/credentials/keys/${jwk.kid}`)).body).toEqual(expected);
    expectOktaError(await api.get(`${base}/credentials/keys/abcdefghijk0123456789`), 404, "E0000007");
  });
});
