import { describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { EVERYONE_GROUP_ID } from "../../src/okta/ids";
import { devOrgs } from "./support/devOrgs";
import { expectOAuthError, expectOktaError } from "./support/expectations";
import { passwordGrant } from "./support/flows";
import { getJson, postForm } from "./support/http";
import { causesOf, listOf } from "./support/managementApi";

const orgs = devOrgs();

/** The body the provider sends for `okta.app.OAuth` (recorded against a real org), as a native public client. */
function nativeApp(overrides: { grantTypes?: string[]; redirectUris?: string[]; auth?: string; pkce?: boolean } = {}) {
  return {
    name: "oidc_client",
    label: "Direct auth test",
    signOnMode: "OPENID_CONNECT",
    accessibility: {},
    visibility: { hide: { iOS: true, web: true } },
    credentials: {
      oauthClient: {
        autoKeyRotation: true,
        token_endpoint_auth_method: overrides.auth ?? "none",
        pkce_required: overrides.pkce ?? true,
      },
      userNameTemplate: { template: "${source.login}", type: "BUILT_IN" },
    },
    settings: {
      notes: {},
      oauthClient: {
        application_type: "native",
        consent_method: "TRUSTED",
        grant_types: overrides.grantTypes ?? ["authorization_code", GRANT.password, GRANT.mfaOtp],
        redirect_uris: overrides.redirectUris ?? ["com.example.test:/callback"],
        response_types: ["code"],
        issuer_mode: "ORG_URL",
        wildcard_redirect: "DISABLED",
      },
    },
  };
}

type Json = Record<string, any>;

describe("apps: create and read", () => {
  it("answers Okta's oidc_client shape; the id is the client id; a public client gets no secret", async () => {
    const { api } = await orgs.withApi();
    const created = await api.post("/api/v1/apps?activate=true", nativeApp());
    expect(created.status).toBe(200);
    const app = created.body as Json;
    expect(app).toMatchObject({
      id: expect.stringMatching(/^0oa/),
      orn: expect.stringContaining(`:apps:oidc_client:${app.id}`),
      name: "oidc_client",
      label: "Direct auth test",
      status: "ACTIVE",
      signOnMode: "OPENID_CONNECT",
      visibility: { hide: { iOS: true, web: true } },
      credentials: { oauthClient: { client_id: app.id, token_endpoint_auth_method: "none", pkce_required: true } },
      settings: {
        oauthClient: {
          application_type: "native",
          grant_types: ["authorization_code", GRANT.password, GRANT.mfaOtp],
          redirect_uris: ["com.example.test:/callback"],
          response_types: ["code"],
          consent_method: "TRUSTED",
          issuer_mode: "ORG_URL",
        },
      },
    });
    expect(app.credentials.oauthClient).not.toHaveProperty("client_secret");
    expect(listOf(await api.get(`/api/v1/apps/${app.id}/credentials/secrets`))).toEqual([]);
    expect((await api.get(`/api/v1/apps/${app.id}`)).body).toEqual({ ...app, lastUpdated: expect.any(String) });
  });

  it("shows a confidential client's secret in the create and update answers only, never in a read", async () => {
    const { api } = await orgs.withApi();
    const created = (await api.post("/api/v1/apps", nativeApp({ auth: "client_secret_basic", pkce: false }))).body as Json;
    expect(created.credentials.oauthClient.client_secret).toEqual(expect.any(String));
    const read = (await api.get(`/api/v1/apps/${created.id}`)).body as Json;
    expect(read.credentials.oauthClient).not.toHaveProperty("client_secret");
    // As recorded: the provider sends the secret back empty, and the update answers the one the app has.
    const body = nativeApp({ auth: "client_secret_basic", pkce: false });
    body.credentials.oauthClient = { ...body.credentials.oauthClient, client_secret: "" } as never;
    const updated = (await api.put(`/api/v1/apps/${created.id}`, body)).body as Json;
    expect(updated.credentials.oauthClient.client_secret).toBe(created.credentials.oauthClient.client_secret);
    const secrets = listOf(await api.get(`/api/v1/apps/${created.id}/credentials/secrets`));
    expect(secrets).toEqual([expect.objectContaining({ status: "ACTIVE", client_secret: created.credentials.oauthClient.client_secret })]);
  });

  it("gives a client made confidential by an update its secret, and takes it from one made public", async () => {
    const { api } = await orgs.withApi();
    const app = (await api.post("/api/v1/apps", nativeApp())).body as Json;
    await api.put(`/api/v1/apps/${app.id}`, nativeApp({ auth: "client_secret_post", pkce: false }));
    expect(listOf(await api.get(`/api/v1/apps/${app.id}/credentials/secrets`))).toHaveLength(1);
    await api.put(`/api/v1/apps/${app.id}`, nativeApp());
    expect(listOf(await api.get(`/api/v1/apps/${app.id}/credentials/secrets`))).toEqual([]);
  });

  it("creates an INACTIVE app with ?activate=false", async () => {
    const { api } = await orgs.withApi();
    const created = (await api.post("/api/v1/apps?activate=false", nativeApp())).body as Json;
    expect(created.status).toBe("INACTIVE");
    expect(created._links.activate.href).toContain(`/api/v1/apps/${created.id}/lifecycle/activate`);
  });

  it("lists apps, narrowed by q (label prefix) and filter", async () => {
    const { api } = await orgs.withApi();
    const mine = (await api.post("/api/v1/apps", { ...nativeApp(), label: "Zebra client" })).body as Json;
    const byQ = listOf(await api.get("/api/v1/apps?q=zeb"));
    expect(byQ.map((a) => a.id)).toEqual([mine.id]);
    const all = listOf(await api.get("/api/v1/apps"));
    expect(all.length).toBeGreaterThan(7);
    const byFilter = listOf(await api.get(`/api/v1/apps?filter=${encodeURIComponent('status eq "ACTIVE" and label eq "Zebra client"')}`));
    expect(byFilter.map((a) => a.id)).toEqual([mine.id]);
  });
});

/**
 * The provider's body for a catalogue (OIN) app signing in with OpenID Connect, and what a real org
 * answered (TestAccResourceOktaAppOauth_preconfigured, recorded 2026-03-15): the catalogue name in
 * lower case, no redirect URIs needed, no OAuth client shown, a help link, no universal logout.
 */
describe("apps: a catalogue app with OpenID Connect", () => {
  const deel = {
    accessibility: {},
    credentials: {
      oauthClient: { autoKeyRotation: true, pkce_required: false, token_endpoint_auth_method: "client_secret_basic" },
      userNameTemplate: { template: "${source.login}", type: "BUILT_IN" },
    },
    label: "Deel",
    name: "Deel",
    settings: {
      notes: {},
      oauthClient: {
        application_type: "web",
        consent_method: "TRUSTED",
        grant_types: ["authorization_code"],
        issuer_mode: "ORG_URL",
        response_types: ["code"],
        wildcard_redirect: "DISABLED",
      },
    },
    signOnMode: "OPENID_CONNECT",
    visibility: { hide: { iOS: true, web: true } },
  };

  it("is created under its catalogue name and read back without its OAuth client", async () => {
    const { api, emulator } = await orgs.withApi();
    const created = await api.post("/api/v1/apps?activate=true", deel);
    expect(created.status).toBe(200);
    const id = (created.body as Json).id as string;
    const read = (await api.get(`/api/v1/apps/${id}`)).body as Json;
    expect(read).toMatchObject({
      name: "deel",
      label: "Deel",
      orn: expect.stringContaining(`:apps:deel:${id}`),
      universalLogout: { status: "UNSUPPORTED" },
      visibility: { appLinks: { deel_link: true } },
      _links: { help: { href: `${emulator.url}/app/deel/${id}/setup/help/OPENID_CONNECT/external-doc`, type: "text/html" } },
    });
    expect(read.credentials).not.toHaveProperty("oauthClient");
    expect(read.settings).not.toHaveProperty("oauthClient");
    expectOktaError(await api.get(`/api/v1/internal/apps/${id}/settings/oauth/idToken`), 404, "E0000007");
  });

  it("is refused, as any app is, when its sign-on mode is not served", async () => {
    const { api } = await orgs.withApi();
    const answer = await api.post("/api/v1/apps", { ...deel, signOnMode: "BROWSER_PLUGIN" });
    expectOktaError(answer, 400, "E0000001");
  });
});

describe("apps: a client id and secret of the caller's choosing", () => {
  function chosenCredentials(clientId: string, clientSecret: string) {
    const body = nativeApp({ auth: "client_secret_post", pkce: false });
    body.credentials.oauthClient = { ...body.credentials.oauthClient, client_id: clientId, client_secret: clientSecret } as never;
    return body;
  }

  it("keeps them, as recorded against a real org: the app's id is its own, the token endpoint knows the client by the chosen id", async () => {
    const { emulator, api, endpoints } = await orgs.withApi();
    const created = (await api.post("/api/v1/apps", chosenCredentials("something_from_somewhere", "a-secret-of-my-own"))).body as Json;
    expect(created.id).toMatch(/^0oa/);
    expect(created.credentials.oauthClient).toMatchObject({ client_id: "something_from_somewhere", client_secret: "a-secret-of-my-own" });
    await api.put(`/api/v1/apps/${created.id}/groups/${EVERYONE_GROUP_ID}`, {});
    const grant = (clientSecret: string) =>
      postForm(endpoints.token, {
        client_id: "something_from_somewhere",
        client_secret: clientSecret,
        grant_type: GRANT.password,
        username: emulator.testUser.login,
        password: emulator.testUser.password,
        scope: "openid",
      });
    expectOAuthError(await grant("a-secret-of-my-own"), 403, "mfa_required");

    const updated = (await api.put(`/api/v1/apps/${created.id}`, chosenCredentials("something_from_somewhere", "a-newer-secret"))).body as Json;
    expect(updated.credentials.oauthClient).toMatchObject({ client_id: "something_from_somewhere", client_secret: "a-newer-secret" });
    expectOAuthError(await grant("a-secret-of-my-own"), 401, "invalid_client");
    expectOAuthError(await grant("a-newer-secret"), 403, "mfa_required");
  });

  it("refuses a client id another app already has: 400 E0000001 naming client_id", async () => {
    const { api } = await orgs.withApi();
    expect((await api.post("/api/v1/apps", chosenCredentials("shared-client", "first-secret-here"))).status).toBe(200);
    const answer = await api.post("/api/v1/apps", chosenCredentials("shared-client", "other-secret-here"));
    expectOktaError(answer, 400, "E0000001");
    expect(causesOf(answer)).toMatch(/client_id/);
  });
});

describe("apps: what a current org answers beside the settings sent", () => {
  it("names the org's one app signing key, Okta's default logo, the profile enrollment policy; universal logout is off", async () => {
    const { api } = await orgs.withApi();
    const first = (await api.post("/api/v1/apps", nativeApp())).body as Json;
    const second = (await api.get(`/api/v1/apps/${(await api.post("/api/v1/apps", nativeApp())).body.id}`)).body as Json;
    expect(first.credentials.signing.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.credentials.signing.kid).toBe(first.credentials.signing.kid);
    expect(first.universalLogout).toEqual({ status: "DISABLED", supportType: "FULL", identityStack: "NOT_SHARED", protocol: "GLOBAL_TOKEN_REVOCATION" });
    expect(first._links.logo).toEqual([{ name: "medium", href: expect.stringMatching(/^https:\/\/.+\.png$/), type: "image/png" }]);
    expect(first._links.profileEnrollment.href).toMatch(/\/api\/v1\/policies\/rst\w+$/);
    expect(second._links.profileEnrollment).toEqual(first._links.profileEnrollment);
  });

  it("answers a front-channel logout URI with the session not required, unless sent", async () => {
    const { api } = await orgs.withApi();
    const body = nativeApp();
    body.settings.oauthClient = { ...body.settings.oauthClient, frontchannel_logout_uri: "https://example.com/logout", participate_slo: true } as never;
    const created = (await api.post("/api/v1/apps", body)).body as Json;
    expect(created.settings.oauthClient).toMatchObject({ frontchannel_logout_uri: "https://example.com/logout", frontchannel_logout_session_required: false });
    const without = (await api.post("/api/v1/apps", nativeApp())).body as Json;
    expect(without.settings.oauthClient).not.toHaveProperty("frontchannel_logout_session_required");
  });

  it("sends Okta's Link header (rel=\"self\") with the app and assignment lists", async () => {
    const { emulator, api } = await orgs.withApi();
    const app = (await api.post("/api/v1/apps", nativeApp())).body as Json;
    expect((await api.get("/api/v1/apps?limit=200")).headers.get("link")).toBe(`<${emulator.url}/api/v1/apps?limit=200>; rel="self"`);
    expect((await api.get(`/api/v1/apps/${app.id}/groups`)).headers.get("link")).toBe(`<${emulator.url}/api/v1/apps/${app.id}/groups>; rel="self"`);
  });
});

describe("apps: Okta's validation", () => {
  it("refuses a native app without authorization_code: 400 E0000001 naming grant_types", async () => {
    const { api } = await orgs.withApi();
    const answer = await api.post("/api/v1/apps", nativeApp({ grantTypes: [GRANT.otp] }));
    expectOktaError(answer, 400, "E0000001");
    expect(answer.body.errorSummary).toMatch(/^Api validation failed: /);
    expect(causesOf(answer)).toMatch(/grant_types/);
  });

  it("accepts a browser app with implicit only, as recorded against a real org, echoing settings it does not model", async () => {
    const { api } = await orgs.withApi();
    const body = nativeApp({ grantTypes: ["implicit"], auth: "client_secret_basic", pkce: true });
    body.settings.oauthClient = { ...body.settings.oauthClient, application_type: "browser", response_types: ["token", "id_token"], network: { connection: "ANYWHERE" } } as never;
    const created = await api.post("/api/v1/apps?activate=false", body);
    expect(created.status).toBe(200);
    expect((created.body as Json).settings.oauthClient).toMatchObject({ application_type: "browser", grant_types: ["implicit"], network: { connection: "ANYWHERE" } });
  });

  it("refuses authorization_code without a redirect URI", async () => {
    const { api } = await orgs.withApi();
    const answer = await api.post("/api/v1/apps", nativeApp({ redirectUris: [] }));
    expectOktaError(answer, 400, "E0000001");
    expect(causesOf(answer)).toMatch(/redirect_uris/);
  });

  it("refuses token_endpoint_auth_method none without pkce_required", async () => {
    const { api } = await orgs.withApi();
    const answer = await api.post("/api/v1/apps", nativeApp({ pkce: false }));
    expectOktaError(answer, 400, "E0000001");
    expect(causesOf(answer)).toMatch(/pkce_required/);
  });

  it("validates an update the same way and leaves the app as it was", async () => {
    const { api } = await orgs.withApi();
    const app = (await api.post("/api/v1/apps", nativeApp())).body as Json;
    expectOktaError(await api.put(`/api/v1/apps/${app.id}`, nativeApp({ grantTypes: ["implicit"] })), 400, "E0000001");
    const updated = await api.put(`/api/v1/apps/${app.id}`, { ...nativeApp({ grantTypes: ["authorization_code", GRANT.otp] }), label: "Renamed" });
    expect(updated.status).toBe(200);
    const read = (await api.get(`/api/v1/apps/${app.id}`)).body as Json;
    expect(read.label).toBe("Renamed");
    expect(read.settings.oauthClient.grant_types).toEqual(["authorization_code", GRANT.otp]);
  });
});

describe("apps: lifecycle and delete", () => {
  it("deletes only an INACTIVE app: 403 E0000056 while ACTIVE, 204 after deactivate, then 404", async () => {
    const { api } = await orgs.withApi();
    const app = (await api.post("/api/v1/apps?activate=true", nativeApp())).body as Json;
    const refused = await api.delete(`/api/v1/apps/${app.id}`);
    expectOktaError(refused, 403, "E0000056");
    expect(refused.body.errorSummary).toBe("Delete application forbidden.");
    expect((await api.post(`/api/v1/apps/${app.id}/lifecycle/deactivate`)).status).toBe(200);
    expect((await api.delete(`/api/v1/apps/${app.id}`)).status).toBe(204);
    expectOktaError(await api.get(`/api/v1/apps/${app.id}`), 404, "E0000007");
  });
});

describe("apps: the flows use what the API created", () => {
  it("a user reaches the app only once Everyone is assigned, and not after it is deactivated", async () => {
    const { emulator, api, endpoints } = await orgs.withApi();
    const app = (await api.post("/api/v1/apps?activate=true", nativeApp())).body as Json;
    const target = { emulator, endpoints, clientId: app.id as string };
    expectOAuthError(await passwordGrant(target), 400, "access_denied", /not assigned/);

    const assigned = await api.put(`/api/v1/apps/${app.id}/groups/${EVERYONE_GROUP_ID}`, {});
    expect(assigned.body).toMatchObject({ id: EVERYONE_GROUP_ID, priority: 1, profile: {} });
    expect(listOf(await api.get(`/api/v1/apps/${app.id}/groups`)).map((g) => g.id)).toEqual([EVERYONE_GROUP_ID]);
    // The org's default policy wants two factor types: the password alone leads to the MFA grant.
    expectOAuthError(await passwordGrant(target), 403, "mfa_required");

    await api.post(`/api/v1/apps/${app.id}/lifecycle/deactivate`);
    expectOAuthError(await passwordGrant(target), 401, "invalid_client");
  });

  it("checks a confidential client's secret: a wrong one is invalid_client", async () => {
    const { emulator, api, endpoints } = await orgs.withApi();
    const app = (await api.post("/api/v1/apps", nativeApp({ auth: "client_secret_post", pkce: false }))).body as Json;
    await api.put(`/api/v1/apps/${app.id}/groups/${EVERYONE_GROUP_ID}`, {});
    const grant = (clientSecret: string) =>
      postForm(endpoints.token, {
        client_id: app.id,
        client_secret: clientSecret,
        grant_type: GRANT.password,
        username: emulator.testUser.login,
        password: emulator.testUser.password,
        scope: "openid",
      });
    expectOAuthError(await grant("not-the-secret"), 401, "invalid_client", /client secret supplied for a confidential client is invalid/);
    expectOAuthError(await grant(app.credentials.oauthClient.client_secret), 403, "mfa_required");
  });

  it("answers 404 for an assignment to a group that does not exist", async () => {
    const { api } = await orgs.withApi();
    const app = (await api.post("/api/v1/apps", nativeApp())).body as Json;
    expectOktaError(await api.put(`/api/v1/apps/${app.id}/groups/00gmissing`, {}), 404, "E0000007");
  });
});

describe("apps: authentication policy and ID-token settings", () => {
  it("assigns an ACCESS_POLICY with PUT /apps/{id}/policies/{policyId}, read back through _links.accessPolicy", async () => {
    const { api } = await orgs.withApi();
    const app = (await api.post("/api/v1/apps", nativeApp())).body as Json;
    const policies = listOf(await api.get("/api/v1/policies?type=ACCESS_POLICY"));
    const defaultPolicy = policies.find((p) => p.name === "Any two factors")!;
    expect(defaultPolicy.system).toBe(true);
    expect(app._links.accessPolicy.href).toMatch(new RegExp(`/api/v1/policies/${defaultPolicy.id}$`));
    const other = policies.find((p) => p.id !== defaultPolicy.id)!;
    expect((await api.put(`/api/v1/apps/${app.id}/policies/${other.id}`, {})).status).toBe(204);
    const read = (await api.get(`/api/v1/apps/${app.id}`)).body as Json;
    expect(read._links.accessPolicy.href).toMatch(new RegExp(`/api/v1/policies/${other.id}$`));
    expectOktaError(await api.put(`/api/v1/apps/${app.id}/policies/rstmissing`, {}), 404, "E0000007");
  });

  it("serves the ID-token settings the provider reads beside each app", async () => {
    const { emulator, api } = await orgs.withApi();
    const app = (await api.post("/api/v1/apps", nativeApp())).body as Json;
    const path = `/api/v1/internal/apps/${app.id}/settings/oauth/idToken`;
    expect((await api.post(path, { issuerMode: "ORG_URL" })).status).toBe(200);
    expect((await api.get(path)).body).toEqual({
      issuer: emulator.url,
      orgUrl: null,
      customUrl: null,
      audience: app.id,
      issuerMode: "ORG_URL",
    });
    const claim = { valueType: "FILTER", name: "groups", value: "aa", groupFilterType: "STARTS_WITH" };
    expect((await api.post(path, { ...claim, issuerMode: "ORG_URL" })).body).toMatchObject({ issuer: null, ...claim });
    expect((await api.get(path)).body).toMatchObject({ issuer: emulator.url, audience: app.id, ...claim });
    expectOktaError(await api.get("/api/v1/internal/apps/0oamissing/settings/oauth/idToken"), 404, "E0000007");
  });

  it("says the org runs Identity Engine at /.well-known/okta-organization, without credentials", async () => {
    const { emulator } = await orgs.withApi();
    const answer = await getJson(`${emulator.url}/.well-known/okta-organization`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ pipeline: "idx", _links: { organization: { href: emulator.url } } });
    expect(Object.keys((answer.body as Json).settings)).toEqual([
      "analyticsCollectionEnabled", "bugReportingEnabled", "omEnabled", "pssoEnabled", "desktopMFAEnabled", "itpEnabled", "op4wEnabled",
    ]);
  });
});
