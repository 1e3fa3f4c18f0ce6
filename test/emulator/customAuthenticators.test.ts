import { describe, expect, it } from "vitest";
import { devOrgs } from "./support/devOrgs";
import { expectOktaError } from "./support/expectations";
import { causesOf, listOf } from "./support/managementApi";

/**
 * Custom app authenticators and WebAuthn's method settings and custom AAGUIDs. Expected values are
 * what real orgs answered in the Okta provider's recordings (terraform-provider-okta
 * test/fixtures/vcr/idaas: TestAccResourceOktaAuthenticator_custom_app_crud,
 * TestAccDataSourceOktaAuthenticatorMethodWebauthn_read, TestAccDataSourceOktaAuthenticatorWebauthnCustomAAGUIDs_read,
 * TestAccResourceOktaMfaPolicy_custom_app), and the AAGUID operations' statuses Okta's API reference gives.
 */

const orgs = devOrgs();

type Json = Record<string, any>;
type Api = Awaited<ReturnType<ReturnType<typeof devOrgs>["withApi"]>>["api"];

/** What the provider's okta_authenticator sends for a custom app (recorded). */
const CUSTOM_APP = {
  key: "custom_app",
  name: "VCRTestCustomAppAuth",
  provider: { configuration: { fcm: { id: "ppcrb12345678ABCDEF" } }, type: "PUSH" },
  settings: { appInstanceId: "0oaspABCDEF12345678", userVerification: "REQUIRED" },
  agreeToTerms: true,
};

async function enrollmentPolicy(api: Api): Promise<Json> {
  return listOf(await api.get("/api/v1/policies?type=MFA_ENROLL"))[0] as Json;
}

describe("custom app authenticators", () => {
  it("creates one as Okta answers it: type app, the app instance as its OAuth client, the push provider echoed", async () => {
    const { emulator, api } = await orgs.withApi();
    const created = await api.post("/api/v1/authenticators?activate=true", CUSTOM_APP);
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    const self = `${emulator.url}/api/v1/authenticators/${id}`;
    expect(created.body).toEqual({
      type: "app",
      id: expect.stringMatching(/^aut[0-9a-zA-Z]{17}$/),
      key: "custom_app",
      status: "ACTIVE",
      name: "VCRTestCustomAppAuth",
      created: expect.any(String),
      lastUpdated: expect.any(String),
      settings: { appInstanceId: "0oaspABCDEF12345678", userVerification: "REQUIRED", oauthClientId: "0oaspABCDEF12345678" },
      provider: { type: "PUSH", configuration: { fcm: { id: "ppcrb12345678ABCDEF" } } },
      _links: {
        self: { href: self, hints: { allow: ["GET", "PUT"] } },
        deactivate: { href: `${self}/lifecycle/deactivate`, hints: { allow: ["POST"] } },
        methods: { href: `${self}/methods`, hints: { allow: ["GET"] } },
        enroll: { href: `${emulator.url}/idp/authenticators`, hints: { allow: ["POST"] } },
      },
    });
    expect((await api.get(`/api/v1/authenticators/${id}`)).body).toEqual(created.body);
  });

  it("lets an org have several, each its own id and name", async () => {
    const { api } = await orgs.withApi();
    const first = await api.post("/api/v1/authenticators?activate=true", CUSTOM_APP);
    const second = await api.post("/api/v1/authenticators?activate=true", { ...CUSTOM_APP, name: "VCRTestCustomAppAuth2" });
    expect(second.status).toBe(200);
    expect(second.body.id).not.toBe(first.body.id);
    const listed = (listOf(await api.get("/api/v1/authenticators")) as Json[]).filter((a) => a.key === "custom_app");
    expect(listed.map((a) => a.name)).toEqual(["VCRTestCustomAppAuth", "VCRTestCustomAppAuth2"]);
  });

  it("renames it and moves it to another app instance, whose id becomes its OAuth client (recorded PUT)", async () => {
    const { api } = await orgs.withApi();
    const { id } = (await api.post("/api/v1/authenticators?activate=true", CUSTOM_APP)).body as Json;
    const put = await api.put(`/api/v1/authenticators/${id}`, {
      ...CUSTOM_APP,
      id,
      name: "VCRTestCustomAppAuthRenamed",
      settings: { appInstanceId: "0oaspGHIJKL12345678", userVerification: "PREFERRED" },
      type: "app",
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      name: "VCRTestCustomAppAuthRenamed",
      settings: { appInstanceId: "0oaspGHIJKL12345678", userVerification: "PREFERRED", oauthClientId: "0oaspGHIJKL12345678" },
      provider: { type: "PUSH", configuration: { fcm: { id: "ppcrb12345678ABCDEF" } } },
    });
  });

  it("refuses to deactivate one the default enrollment policy offers (403, as recorded), and deactivates it once no policy does", async () => {
    const { api } = await orgs.withApi();
    const { id } = (await api.post("/api/v1/authenticators?activate=true", CUSTOM_APP)).body as Json;
    const refused = await api.post(`/api/v1/authenticators/${id}/lifecycle/deactivate`);
    expectOktaError(refused, 403, "E0000148");
    expect(refused.body.errorSummary).toBe(
      "Cannot modify/disable this authenticator because it is enabled in one or more policies. To continue, disable the authenticator in these policies.",
    );
    expect(causesOf(refused)).toBe("Authenticator Enrollment Policies: Default Policy");

    const policy = await enrollmentPolicy(api);
    expect(policy.settings.authenticators).toContainEqual({ key: "custom_app", id, enroll: { self: "OPTIONAL" } });
    policy.settings.authenticators = policy.settings.authenticators.map((a: Json) => (a.id === id ? { ...a, enroll: { self: "NOT_ALLOWED" } } : a));
    expect((await api.put(`/api/v1/policies/${policy.id}`, policy)).status).toBe(200);
    expect((await enrollmentPolicy(api)).settings.authenticators).toContainEqual({ key: "custom_app", id, enroll: { self: "NOT_ALLOWED" } });
    const deactivated = await api.post(`/api/v1/authenticators/${id}/lifecycle/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ id, status: "INACTIVE" });
  });

  it("refuses to deactivate one an OIDC app sends CIBA requests to (400, as recorded), before the policy check", async () => {
    const { api } = await orgs.withApi();
    const { id } = (await api.post("/api/v1/authenticators?activate=true", CUSTOM_APP)).body as Json;
    // The provider's okta_app_oauth body of TestAccResourceOktaAppOauth_backchannelCustomAuthenticatorId_GH2408.
    const app = await api.post("/api/v1/apps?activate=true", {
      label: "GH2408_CIBA",
      name: "oidc_client",
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { autoKeyRotation: true, pkce_required: false, token_endpoint_auth_method: "client_secret_basic" } },
      settings: {
        oauthClient: {
          application_type: "web",
          backchannel_custom_authenticator_id: id,
          consent_method: "TRUSTED",
          grant_types: ["urn:openid:params:grant-type:ciba", "authorization_code", "refresh_token"],
          issuer_mode: "ORG_URL",
          redirect_uris: ["https://localhost:4200/callback"],
          response_types: ["code"],
        },
      },
    });
    expect(app.status).toBe(200);
    const refused = await api.post(`/api/v1/authenticators/${id}/lifecycle/deactivate`);
    expectOktaError(refused, 400, "E0000001");
    expect(refused.body.errorSummary).toBe("Api validation failed: Authenticator");
    expect(causesOf(refused)).toBe("Cannot delete this authenticator because it is being configured for CIBA by one or more OIDC applications.");
  });

  it("lets an MFA_ENROLL policy name each custom app by id (as the provider sends it), and refuses an id the org lacks", async () => {
    const { api } = await orgs.withApi();
    const { id } = (await api.post("/api/v1/authenticators?activate=true", CUSTOM_APP)).body as Json;
    const body = (authenticators: unknown[]) => ({
      name: "Custom apps",
      type: "MFA_ENROLL",
      status: "ACTIVE",
      conditions: { people: { groups: { include: [] } } },
      settings: { type: "AUTHENTICATORS", authenticators: [{ key: "okta_password", enroll: { self: "REQUIRED" } }, ...authenticators] },
    });
    const created = await api.post("/api/v1/policies", body([{ key: "custom_app", id, enroll: { self: "REQUIRED" } }]));
    expect(created.status).toBe(200);
    expect((created.body as Json).settings.authenticators).toContainEqual({ key: "custom_app", id, enroll: { self: "REQUIRED" } });
    const unknown = await api.post("/api/v1/policies", body([{ key: "custom_app", id: "autNoSuchCustomApp00", enroll: { self: "OPTIONAL" } }]));
    expectOktaError(unknown, 400, "E0000001");
  });

  it("refuses one without an app instance or a push provider (400 E0000001), creating nothing", async () => {
    const { api } = await orgs.withApi();
    const { appInstanceId: _dropped, ...noInstance } = CUSTOM_APP.settings;
    expectOktaError(await api.post("/api/v1/authenticators?activate=true", { ...CUSTOM_APP, settings: noInstance }), 400, "E0000001");
    expectOktaError(await api.post("/api/v1/authenticators?activate=true", { ...CUSTOM_APP, provider: { type: "PUSH", configuration: {} } }), 400, "E0000001");
    expect((listOf(await api.get("/api/v1/authenticators")) as Json[]).some((a) => a.key === "custom_app")).toBe(false);
  });
});

describe("WebAuthn (Security Key or Biometric)", () => {
  async function webauthn(api: Api): Promise<Json> {
    const added = await api.post("/api/v1/authenticators", { key: "webauthn", name: "Security Key or Biometric" });
    expect(added.status).toBe(200);
    return added.body as Json;
  }

  it("is added as a security_key authenticator linking its custom AAGUIDs", async () => {
    const { emulator, api } = await orgs.withApi();
    const added = await webauthn(api);
    expect(added).toMatchObject({ type: "security_key", key: "webauthn", name: "Security Key or Biometric", status: "ACTIVE" });
    expect(Object.keys(added._links)[0]).toBe("aaguids");
    expect(added._links.aaguids).toEqual({ href: `${emulator.url}/api/v1/authenticators/${added.id}/aaguids`, hints: { allow: ["GET", "POST"] } });
  });

  it("answers its webauthn method with settings, replaced by a PUT (AAGUID groups as recorded)", async () => {
    const { api } = await orgs.withApi();
    const { id } = await webauthn(api);
    const method = await api.get(`/api/v1/authenticators/${id}/methods/webauthn`);
    expect(method.body).toMatchObject({ type: "webauthn", status: "ACTIVE", settings: { userVerification: "DISCOURAGED", attachment: "ANY" } });
    const aaguidGroups = [
      { name: "TestKeys2", aaguids: ["00000000-0000-0000-0000-000000000002"] },
      { name: "TestKeys", aaguids: ["00000000-0000-0000-0000-000000000001"] },
    ];
    const put = await api.put(`/api/v1/authenticators/${id}/methods/webauthn`, { type: "webauthn", settings: { userVerification: "REQUIRED", aaguidGroups } });
    expect(put.status).toBe(200);
    expect(put.body.settings).toEqual({ userVerification: "REQUIRED", attachment: "ANY", aaguidGroups });
    expect((await api.get(`/api/v1/authenticators/${id}/methods`)).body).toEqual([put.body]);
  });

  it("creates, lists, reads, replaces and deletes custom AAGUIDs as Okta answers them", async () => {
    const { emulator, api } = await orgs.withApi();
    const { id } = await webauthn(api);
    const base = `/api/v1/authenticators/${id}/aaguids`;
    expect((await api.get(base)).body).toEqual([]);
    const aaguid = "00000000-0000-0000-0000-000000000001";
    const created = await api.post(base, { aaguid, name: "Test Key 1", authenticatorCharacteristics: { hardwareProtected: true } });
    expect(created.status).toBe(200);
    const recorded = {
      aaguid,
      name: "Test Key 1",
      authenticatorCharacteristics: { hardwareProtected: true },
      _links: { self: { href: `${emulator.url}${base}/${aaguid}`, hints: { allow: ["GET", "PUT", "DELETE"] } } },
    };
    expect(created.body).toEqual(recorded);
    expect((await api.get(base)).body).toEqual([recorded]);
    expect((await api.get(`${base}/${aaguid}`)).body).toEqual(recorded);
    expectOktaError(await api.post(base, { aaguid, name: "again" }), 400, "E0000001");
    expectOktaError(await api.post(base, { aaguid: "not-a-uuid", name: "bad" }), 400, "E0000001");
    const put = await api.put(`${base}/${aaguid}`, { name: "Test Key 1 renamed", authenticatorCharacteristics: { hardwareProtected: false, platformAttached: true } });
    expect(put.body).toMatchObject({ name: "Test Key 1 renamed", authenticatorCharacteristics: { hardwareProtected: false, platformAttached: true } });
    expect((await api.delete(`${base}/${aaguid}`)).status).toBe(204);
    expectOktaError(await api.get(`${base}/${aaguid}`), 404, "E0000007");
  });

  it("has no custom AAGUIDs under another authenticator (404)", async () => {
    const { api } = await orgs.withApi();
    const email = (listOf(await api.get("/api/v1/authenticators")) as Json[]).find((a) => a.key === "okta_email")!;
    expectOktaError(await api.get(`/api/v1/authenticators/${email.id}/aaguids`), 404, "E0000007");
  });
});
