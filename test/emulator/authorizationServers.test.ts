import { describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { devOrgs } from "./support/devOrgs";
import { appOf } from "./support/evaluations";
import { expectOAuthError, expectOktaError, OKTA_SAYS } from "./support/expectations";
import { endpointsOf, otpGrant } from "./support/flows";
import { getJson } from "./support/http";
import { causesOf, listOf, orgWithApi } from "./support/managementApi";

const orgs = devOrgs();

type Json = Record<string, any>;
type Api = Awaited<ReturnType<typeof orgWithApi>>["api"];

/** A rule as the provider's `okta.auth.ServerPolicyRule` sends it. */
function rule(name: string, grantTypes: string[], priority?: number) {
  return {
    name,
    type: "RESOURCE_ACCESS",
    status: "ACTIVE",
    ...(priority === undefined ? {} : { priority }),
    conditions: { grantTypes: { include: grantTypes }, people: { groups: { include: ["EVERYONE"] }, users: {} }, scopes: { include: ["*"] } },
    actions: { token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 } },
  };
}

async function newServer(api: Api) {
  const created = await api.post("/api/v1/authorizationServers", { name: "Direct auth", audiences: ["api://direct"], description: "test", issuerMode: "ORG_URL" });
  expect(created.status).toBe(201);
  return created.body as Json;
}

describe("authorization servers", () => {
  it("lists the org's `default` server with its Default Policy for ALL_CLIENTS", async () => {
    const { emulator, api } = await orgs.withApi();
    const servers = listOf(await api.get("/api/v1/authorizationServers"));
    expect(servers.find((s) => s.id === "default")).toMatchObject({
      name: "default",
      audiences: ["api://default"],
      issuer: `${emulator.url}/oauth2/default`,
      status: "ACTIVE",
      default: true,
    });
    const policies = listOf(await api.get("/api/v1/authorizationServers/default/policies"));
    expect(policies).toEqual([
      expect.objectContaining({ name: "Default Policy", type: "OAUTH_AUTHORIZATION_POLICY", conditions: { clients: { include: ["ALL_CLIENTS"] } } }),
    ]);
    const rules = listOf(await api.get(`/api/v1/authorizationServers/default/policies/${policies[0].id}/rules`)) as Json[];
    expect(rules[0].conditions.grantTypes.include).not.toContain(GRANT.otp);
  });

  it("creates a server (201) whose issuer serves discovery; a deactivated one answers 404", async () => {
    const { emulator, api } = await orgs.withApi();
    const server = await newServer(api);
    expect(server).toMatchObject({ id: expect.stringMatching(/^aus/), issuer: `${emulator.url}/oauth2/${server.id}`, default: false });
    expect((await getJson(`${server.issuer}/.well-known/openid-configuration`)).body.issuer).toBe(server.issuer);
    expect((await api.post(`/api/v1/authorizationServers/${server.id}/lifecycle/deactivate`)).status).toBe(204);
    expect((await getJson(`${server.issuer}/.well-known/openid-configuration`)).status).toBe(404);
    expect((await api.delete(`/api/v1/authorizationServers/${server.id}`)).status).toBe(204);
    expectOktaError(await api.get(`/api/v1/authorizationServers/${server.id}`), 404, "E0000007");
  });

  it("answers a server with its signing key (the kid its keys endpoint serves) and Okta's links", async () => {
    const { emulator, api } = await orgs.withApi();
    const created = (await api.post("/api/v1/authorizationServers", {
      name: "Signed",
      audiences: ["api://signed"],
      credentials: { signing: { rotationMode: "AUTO" } },
      issuerMode: "DYNAMIC",
    })).body as Json;
    const jwks = await getJson(`${created.issuer}/v1/keys`);
    const signing = created.credentials.signing;
    expect(signing).toEqual({ kid: (jwks.body as Json).keys[0].kid, rotationMode: "AUTO", lastRotated: created.created, nextRotation: expect.any(String) });
    expect(Date.parse(signing.nextRotation) - Date.parse(signing.lastRotated)).toBe(90 * 24 * 3600 * 1000);
    const self = `${emulator.url}/api/v1/authorizationServers/${created.id}`;
    expect(Object.keys(created._links)).toEqual(["rotateKey", "metadata", "keys", "claims", "policies", "self", "scopes", "deactivate"]);
    expect(created._links.rotateKey).toEqual({ href: `${self}/credentials/lifecycle/keyRotate`, hints: { allow: ["POST"] } });
    expect(created._links.claims).toEqual({ href: `${self}/claims`, hints: { allow: ["GET", "POST"] } });
    expect(created._links.scopes).toEqual({ href: `${self}/scopes`, hints: { allow: ["GET", "POST"] } });

    const manual = await api.put(`/api/v1/authorizationServers/${created.id}`, {
      name: "Signed",
      audiences: ["api://signed"],
      credentials: { signing: { rotationMode: "MANUAL" } },
    });
    expect((manual.body as Json).credentials.signing).toEqual({ kid: signing.kid, rotationMode: "MANUAL", lastRotated: signing.lastRotated });
  });

  it("serves the org's `default` server with a DYNAMIC issuer mode, as Okta creates it", async () => {
    const { api } = await orgs.withApi();
    expect((await api.get("/api/v1/authorizationServers/default")).body).toMatchObject({ issuerMode: "DYNAMIC", default: true });
  });

  it("publishes Okta's metadata: registration, PAR and DPoP, request objects, front-channel logout", async () => {
    const { emulator, api } = await orgs.withApi();
    const server = await newServer(api);
    const AUTH_METHODS = ["client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "none"];
    for (const issuer of [emulator.url, server.issuer as string]) {
      const endpoints = issuer === emulator.url ? `${issuer}/oauth2/v1` : `${issuer}/v1`;
      const metadata = (await getJson(`${issuer}/.well-known/oauth-authorization-server`)).body;
      expect(metadata).toMatchObject({
        registration_endpoint: `${emulator.url}/oauth2/v1/clients`,
        pushed_authorization_request_endpoint: `${endpoints}/par`,
        introspection_endpoint_auth_methods_supported: AUTH_METHODS,
        revocation_endpoint_auth_methods_supported: AUTH_METHODS,
        request_parameter_supported: true,
        request_object_signing_alg_values_supported: expect.arrayContaining(["HS256", "RS256", "ES256"]),
        dpop_signing_alg_values_supported: expect.arrayContaining(["RS256", "ES256"]),
        frontchannel_logout_supported: true,
        frontchannel_logout_session_supported: true,
        identity_chaining_requested_token_types_supported: ["urn:ietf:params:oauth:token-type:id-jag"],
      });
    }
  });

  it("validates a server: name and an audience are required", async () => {
    const { api } = await orgs.withApi();
    const answer = await api.post("/api/v1/authorizationServers", { name: "" });
    expectOktaError(answer, 400, "E0000001");
    expect(causesOf(answer)).toMatch(/audiences/);
  });
});

describe("access policies and rules of a custom server", () => {
  it("round-trip Okta's shapes; a rule inserted at a taken priority moves the other down", async () => {
    const { api } = await orgs.withApi();
    const server = await newServer(api);
    const base = `/api/v1/authorizationServers/${server.id}/policies`;
    const policy = await api.post(base, { name: "p", description: "d", priority: 1, status: "ACTIVE", type: "OAUTH_AUTHORIZATION_POLICY", conditions: { clients: { include: ["ALL_CLIENTS"] } } });
    expect(policy.status).toBe(201);
    expect(policy.body).toMatchObject({ name: "p", priority: 1, system: false, conditions: { clients: { include: ["ALL_CLIENTS"] } } });
    const first = (await api.post(`${base}/${policy.body.id}/rules`, rule("first", [GRANT.otp], 1))).body as Json;
    expect(first).toMatchObject({
      type: "RESOURCE_ACCESS",
      priority: 1,
      conditions: { people: { groups: { include: ["EVERYONE"] } }, grantTypes: { include: [GRANT.otp] }, scopes: { include: ["*"] } },
      actions: { token: { accessTokenLifetimeMinutes: 60 } },
    });
    await api.post(`${base}/${policy.body.id}/rules`, rule("second", [GRANT.otp], 1));
    const rules = listOf(await api.get(`${base}/${policy.body.id}/rules`));
    expect(rules.map((r) => [r.name, r.priority])).toEqual([
      ["second", 1],
      ["first", 2],
    ]);
    expectOktaError(await api.post(`${base}/${policy.body.id}/rules`, rule("no grants", [])), 400, "E0000001");
  });

  it("feed the custom server's checks: a policy for the client with a rule allowing the grant lets OTP through", async () => {
    const { emulator, api } = await orgs.withApi();
    const server = await newServer(api);
    const { clientId } = appOf(orgs.dev(), "otp");
    const target = { emulator, endpoints: await endpointsOf(emulator, server.id), clientId };
    expectOAuthError(await otpGrant(target), 403, "access_denied", OKTA_SAYS.policyDenied);

    const base = `/api/v1/authorizationServers/${server.id}/policies`;
    const policy = (await api.post(base, { name: "ours", type: "OAUTH_AUTHORIZATION_POLICY", conditions: { clients: { include: [clientId] } } })).body as Json;
    const passwordOnly = (await api.post(`${base}/${policy.id}/rules`, rule("password only", [GRANT.password]))).body as Json;
    expectOAuthError(await otpGrant(target), 403, "access_denied", OKTA_SAYS.policyDenied);

    await api.put(`${base}/${policy.id}/rules/${passwordOnly.id}`, rule("password and otp", [GRANT.password, GRANT.otp]));
    expect((await otpGrant(target)).status).toBe(200);

    expect((await api.post(`${base}/${policy.id}/lifecycle/deactivate`)).status).toBe(204);
    expectOAuthError(await otpGrant(target), 403, "access_denied");
  });
});
