import { beforeAll, describe, expect, it } from "vitest";
import { VariantId } from "../../src/catalogue/variants";
import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { DEFAULT_BASELINE } from "../../src/emulator";
import { emulatedOrgs } from "../helpers/orgs";
import { appOf, devEvaluation, without } from "./support/evaluations";
import { expectOAuthError, expectOktaError, OKTA_SAYS } from "./support/expectations";
import { FlowTarget, endpointsOf, freshTotpCode, mfaOobFlow, oobFlow, otpGrant } from "./support/flows";
import { JsonResponse, getJson, sendJson, totpCode } from "./support/http";
import { DYNAMIC, OKTA } from "../helpers/tokens";

const API_TOKEN = "test-api-token";
const SSWS = { authorization: `SSWS ${API_TOKEN}` };

let dev: Evaluation;
const start = emulatedOrgs();

beforeAll(async () => {
  dev = await devEvaluation();
});

/** A fresh org per test: management calls change it for good. */
async function org(evaluation = dev, baseline = DEFAULT_BASELINE) {
  const emulator = await start({ evaluation, baseline, apiToken: API_TOKEN, pollIntervalSeconds: 0 });
  const endpoints = await endpointsOf(emulator);
  const api = {
    get: (path: string) => getJson(`${emulator.url}${path}`, SSWS),
    post: (path: string, body?: unknown) => sendJson("POST", `${emulator.url}${path}`, body, SSWS),
    put: (path: string, body: unknown) => sendJson("PUT", `${emulator.url}${path}`, body, SSWS),
    delete: (path: string) => sendJson("DELETE", `${emulator.url}${path}`, undefined, SSWS),
  };
  const target = (variantId: VariantId): FlowTarget => ({ emulator, endpoints, clientId: appOf(evaluation, variantId).clientId });
  const authenticator = async (key: string) =>
    ((await api.get("/api/v1/authenticators")).body as unknown as { id: string; key: string }[]).find((a) => a.key === key)!;
  return { emulator, api, target, authenticator };
}

const listOf = (answer: JsonResponse) => answer.body as unknown as Record<string, unknown>[];
const causesOf = (answer: JsonResponse) => (answer.body.errorCauses as { errorSummary: string }[]).map((c) => c.errorSummary).join("\n");

describe("authentication", () => {
  it("requires `Authorization: SSWS <apiToken>` when an API token is set: 401 E0000011 otherwise", async () => {
    const { emulator } = await org();
    expectOktaError(await getJson(`${emulator.url}/api/v1/authenticators`), 401, "E0000011");
    expectOktaError(await getJson(`${emulator.url}/api/v1/authenticators`, { authorization: "SSWS wrong" }), 401, "E0000011");
    expect((await getJson(`${emulator.url}/api/v1/authenticators`, SSWS)).status).toBe(200);
  });
});

describe("authenticators", () => {
  it("lists Okta's shape: a fresh Identity Engine org, by name; Phone INACTIVE; one never enabled is absent", async () => {
    const bare = without(dev, (r) => r.type === OKTA.authenticator || r.type === DYNAMIC);
    const { api } = await org(bare);
    const list = listOf(await api.get("/api/v1/authenticators"));
    expect(list.map((a) => [a.key, a.status])).toEqual([
      ["okta_email", "ACTIVE"],
      ["okta_verify", "ACTIVE"],
      ["okta_password", "ACTIVE"],
      ["phone_number", "INACTIVE"],
      ["security_question", "ACTIVE"],
    ]);
    expect(list[1]).toEqual({
      type: "app",
      id: expect.stringMatching(/^aut/),
      key: "okta_verify",
      status: "ACTIVE",
      name: "Okta Verify",
      created: expect.any(String),
      lastUpdated: expect.any(String),
      settings: {
        compliance: { fips: "OPTIONAL" },
        channelBinding: { style: "NUMBER_CHALLENGE", required: "NEVER" },
        userVerification: "PREFERRED",
        userVerificationMethods: ["BIOMETRICS", "PIN"],
        appInstanceId: "",
      },
      _links: {
        self: { href: expect.stringContaining(`/api/v1/authenticators/${list[1].id}`), hints: { allow: ["GET", "PUT"] } },
        methods: { href: expect.stringContaining("/methods"), hints: { allow: ["GET"] } },
        deactivate: { href: expect.stringContaining("/lifecycle/deactivate"), hints: { allow: ["POST"] } },
        enroll: { href: expect.stringMatching(/\/idp\/authenticators$/), hints: { allow: ["POST"] } },
      },
    });
    type Listed = { settings?: unknown; _links: Record<string, { href: string }> };
    const byKey = Object.fromEntries(list.map((a) => [a.key, a as unknown as Listed]));
    expect(byKey.okta_email.settings).toEqual({ allowedFor: "recovery", tokenLifetimeInMinutes: 5 });
    expect(byKey.phone_number.settings).toEqual({ allowedFor: "any" });
    expect(byKey.security_question.settings).toEqual({ allowedFor: "recovery" });
    expect(byKey.okta_password.settings).toBeUndefined();
    expect(Object.keys(byKey.okta_password._links)).toEqual(["self", "methods"]);
    expect(byKey.phone_number._links.activate.href).toContain("/lifecycle/activate");
    const methods = listOf(await api.get(`/api/v1/authenticators/${list[1].id}/methods`));
    expect(methods.map(({ type, status }) => ({ type, status }))).toEqual([
      { type: "push", status: "INACTIVE" },
      { type: "totp", status: "ACTIVE" },
      { type: "signed_nonce", status: "ACTIVE" },
    ]);
  });

  it("updates settings by PUT: what is sent replaces, what is left out stays, allowedFor only from Okta's enum", async () => {
    const { api, authenticator } = await org();
    const email = await authenticator("okta_email");
    const put = await api.put(`/api/v1/authenticators/${email.id}`, { key: "okta_email", name: "Email", settings: { allowedFor: "any" } });
    expect(put.status).toBe(200);
    expect(put.body.settings).toEqual({ allowedFor: "any", tokenLifetimeInMinutes: 5 });
    expect((await api.get(`/api/v1/authenticators/${email.id}`)).body.settings).toEqual({ allowedFor: "any", tokenLifetimeInMinutes: 5 });
    expectOktaError(
      await api.put(`/api/v1/authenticators/${email.id}`, { key: "okta_email", settings: { allowedFor: "ANY" } }),
      400,
      "E0000001",
    );
  });

  it("shows what the program declared: ids of the declared resources, push and sms activated", async () => {
    const { api, authenticator } = await org();
    const google = dev.resources.find((r) => r.type === OKTA.authenticator && r.inputs.key === "google_otp")!;
    expect((await authenticator("google_otp")).id).toBe(google.id);
    const verify = await authenticator("okta_verify");
    const push = (await api.get(`/api/v1/authenticators/${verify.id}/methods/push`)).body;
    expect(push).toMatchObject({ type: "push", status: "ACTIVE" });
    expectOktaError(await api.get("/api/v1/authenticators/autNope"), 404, "E0000007");
  });

  it("PUT renames an authenticator and keeps its settings; its key cannot change", async () => {
    const { api, authenticator } = await org();
    const verify = await authenticator("okta_verify");
    const settings = { channelBinding: { required: "ALWAYS", style: "NUMBER_CHALLENGE" }, userVerification: "PREFERRED" };
    const put = await api.put(`/api/v1/authenticators/${verify.id}`, { key: "okta_verify", name: "Okta Verify", type: "app", settings });
    expect(put.body).toMatchObject({ key: "okta_verify", status: "ACTIVE", settings });
    expect((await api.get(`/api/v1/authenticators/${verify.id}`)).body).toMatchObject({ settings });
    expectOktaError(await api.put(`/api/v1/authenticators/${verify.id}`, { key: "google_otp", name: "x" }), 400, "E0000001");
  });

  it("deactivating the push method makes push flows fail; activating it again mends them", async () => {
    const { api, target, authenticator } = await org();
    const verify = await authenticator("okta_verify");
    const off = await api.post(`/api/v1/authenticators/${verify.id}/methods/push/lifecycle/deactivate`);
    expect(off.body).toMatchObject({ type: "push", status: "INACTIVE" });
    expectOAuthError(await oobFlow(target("oob-okta-verify"), "push"), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    expectOAuthError(await mfaOobFlow(target("mfa-oob-okta-verify"), "push"), 403, "access_denied");
    await api.post(`/api/v1/authenticators/${verify.id}/methods/push/lifecycle/activate`);
    expect((await oobFlow(target("oob-okta-verify"), "push")).status).toBe(200);
  });

  it("refuses to deactivate an authenticator a policy uses (403 E0000148 naming it), until it no longer does", async () => {
    const baseline = {
      ...DEFAULT_BASELINE,
      authenticators: DEFAULT_BASELINE.authenticators.map((a) =>
        a.key === "okta_email" ? { ...a, usedByPolicies: ["Password recovery"] } : a,
      ),
    };
    const { api, authenticator, target } = await org(dev, baseline);
    const email = await authenticator("okta_email");
    const refused = await api.post(`/api/v1/authenticators/${email.id}/lifecycle/deactivate`);
    expectOktaError(refused, 403, "E0000148");
    expect(causesOf(refused)).toContain("Password recovery");

    const google = await authenticator("google_otp");
    const enrollmentUse = await api.post(`/api/v1/authenticators/${google.id}/lifecycle/deactivate`);
    expectOktaError(enrollmentUse, 403, "E0000148");
    expect(enrollmentUse.body.errorSummary).toMatch(/^Cannot modify\/disable this authenticator because it is enabled in one or more policies/);
    expect(causesOf(enrollmentUse)).toBe("Authenticator Enrollment Policies: Default Policy");
    const policy = listOf(await api.get("/api/v1/policies?type=MFA_ENROLL"))[0] as { id: string; settings: { authenticators: { key: string; enroll: { self: string } }[] } };
    policy.settings.authenticators = policy.settings.authenticators.map((a) => (a.key === "google_otp" ? { ...a, enroll: { self: "NOT_ALLOWED" } } : a));
    expect((await api.put(`/api/v1/policies/${policy.id}`, policy)).status).toBe(200);
    const deactivated = await api.post(`/api/v1/authenticators/${google.id}/lifecycle/deactivate`);
    expect(deactivated.body).toMatchObject({ key: "google_otp", status: "INACTIVE" });
    expectOAuthError(await otpGrant(target("otp")), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    const again = await api.post(`/api/v1/authenticators/${google.id}/lifecycle/deactivate`);
    expectOktaError(again, 400, "E0000001");
    expect(again.body.errorSummary).toBe("Api validation failed: api.authenticator.error.unsupported.active.deactivate");
    const [enrollment] = listOf(await api.get("/api/v1/policies?type=MFA_ENROLL")) as { settings: { authenticators: { key: string }[] } }[];
    expect(enrollment.settings.authenticators.map((a) => a.key)).not.toContain("google_otp");
  });

  it("adds an absent authenticator: ACTIVE with default methods, NOT_ALLOWED until enrollment allows it", async () => {
    const noPhone = without(dev, (r) => (r.type === OKTA.authenticator && r.inputs.key === "phone_number") || r.type === DYNAMIC);
    const neverHadPhone = { ...DEFAULT_BASELINE, authenticators: DEFAULT_BASELINE.authenticators.filter((a) => a.key !== "phone_number") };
    const { api, target } = await org(noPhone, neverHadPhone);
    expectOAuthError(await oobFlow(target("oob-phone"), "sms"), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    const added = await api.post("/api/v1/authenticators", { key: "phone_number", name: "Phone" });
    expect(added.body).toMatchObject({ key: "phone_number", name: "Phone", status: "ACTIVE", type: "phone" });
    expectOktaError(await api.post("/api/v1/authenticators", { key: "phone_number", name: "Phone" }), 400, "E0000001");
    const methods = listOf(await api.get(`/api/v1/authenticators/${added.body.id}/methods`));
    expect(methods.map(({ type, status }) => ({ type, status }))).toEqual([
      { type: "sms", status: "ACTIVE" },
      { type: "voice", status: "INACTIVE" },
    ]);
    expectOAuthError(await oobFlow(target("oob-phone"), "sms"), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    const policy = listOf(await api.get("/api/v1/policies?type=MFA_ENROLL"))[0] as { id: string; settings: { authenticators: unknown[] } };
    expect(policy.settings.authenticators).toContainEqual({ key: "phone_number", enroll: { self: "NOT_ALLOWED" } });
    policy.settings.authenticators = [
      ...policy.settings.authenticators.filter((a) => (a as { key: string }).key !== "phone_number"),
      { key: "phone_number", enroll: { self: "OPTIONAL" } },
    ];
    await api.put(`/api/v1/policies/${policy.id}`, policy);
    expect((await oobFlow(target("oob-phone"), "sms")).status).toBe(200);
  });
});

describe("the default enrollment policy (MFA_ENROLL)", () => {
  it("has Okta's shape and is served by id", async () => {
    const { api } = await org();
    const [policy] = listOf(await api.get("/api/v1/policies?type=MFA_ENROLL"));
    expect(policy).toMatchObject({
      id: expect.stringMatching(/^00p/),
      name: "Default Policy",
      system: true,
      type: "MFA_ENROLL",
      status: "ACTIVE",
      settings: { type: "AUTHENTICATORS", authenticators: expect.arrayContaining([{ key: "okta_password", enroll: { self: "REQUIRED" } }]) },
    });
    expect((policy.settings as { authenticators: unknown[] }).authenticators).toContainEqual({ key: "google_otp", enroll: { self: "OPTIONAL" } });
    expect((await api.get(`/api/v1/policies/${policy.id}`)).body).toEqual(policy);
    expectOktaError(await api.get("/api/v1/policies/00pNope"), 404, "E0000007");
  });

  it("PUT replaces the list (what it leaves out comes back NOT_ALLOWED), refuses to drop okta_password REQUIRED, and the flows follow it", async () => {
    const { api, target } = await org();
    const [policy] = listOf(await api.get("/api/v1/policies?type=MFA_ENROLL"));
    const put = (authenticators: unknown[]) => api.put(`/api/v1/policies/${policy.id}`, { ...policy, settings: { type: "AUTHENTICATORS", authenticators } });
    expectOktaError(await put([{ key: "okta_password", enroll: { self: "OPTIONAL" } }]), 400, "E0000001");
    const replaced = await put([{ key: "okta_password", enroll: { self: "REQUIRED" } }, { key: "okta_email", enroll: { self: "REQUIRED" } }]);
    expect((replaced.body.settings as { authenticators: unknown[] }).authenticators).toEqual(
      expect.arrayContaining([
        { key: "okta_password", enroll: { self: "REQUIRED" } },
        { key: "okta_email", enroll: { self: "REQUIRED" } },
        { key: "google_otp", enroll: { self: "NOT_ALLOWED" } },
        { key: "okta_verify", enroll: { self: "NOT_ALLOWED" } },
      ]),
    );
    expectOAuthError(await otpGrant(target("otp")), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    expect((await oobFlow(target("oob-email"), "email")).status).toBe(200);
  });
});

describe("users and Google Authenticator factors", () => {
  it("finds the test user by login or id, without credentials in the answer", async () => {
    const { api, emulator } = await org();
    const byLogin = await api.get(`/api/v1/users/${encodeURIComponent(emulator.testUser.login)}`);
    expect(byLogin.body).toMatchObject({ id: expect.stringMatching(/^00u/), status: "ACTIVE", profile: { login: emulator.testUser.login } });
    expect((await api.get(`/api/v1/users/${byLogin.body.id}`)).body).toEqual(byLogin.body);
    expect(JSON.stringify(byLogin.body)).not.toContain(emulator.testUser.password);
    expectOktaError(await api.get("/api/v1/users/nobody@example.com"), 404, "E0000007");
  });

  it("delete, enroll (PENDING_ACTIVATION + sharedSecret), activate with a passCode: the OTP flow follows each step", async () => {
    const { api, emulator, target } = await org();
    const userId = String((await api.get(`/api/v1/users/${encodeURIComponent(emulator.testUser.login)}`)).body.id);
    const factors = listOf(await api.get(`/api/v1/users/${userId}/factors`));
    const google = factors.find((f) => f.provider === "GOOGLE")!;
    expect(google).toMatchObject({ factorType: "token:software:totp", status: "ACTIVE", id: expect.stringMatching(/^uft/) });
    const oldSecret = emulator.testUser.totpSecret;

    const removed = await api.delete(`/api/v1/users/${userId}/factors/${google.id}`);
    expect(removed.status).toBe(204);
    expectOAuthError(await otpGrant(target("otp")), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);

    const enrolled = await api.post(`/api/v1/users/${userId}/factors`, { factorType: "token:software:totp", provider: "GOOGLE" });
    expect(enrolled.body).toMatchObject({ status: "PENDING_ACTIVATION", factorType: "token:software:totp", provider: "GOOGLE" });
    const secret = (enrolled.body._embedded as { activation: { sharedSecret: string } }).activation.sharedSecret;
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    const activate = `/api/v1/users/${userId}/factors/${enrolled.body.id}/lifecycle/activate`;
    // Far enough outside the two-minute skew that a step turning meanwhile cannot bring it in.
    expectOktaError(await api.post(activate, { passCode: totpCode(secret, 10) }), 403, "E0000068");
    const activation = freshTotpCode(emulator, secret);
    expect((await api.post(activate, { passCode: activation })).body).toMatchObject({ status: "ACTIVE" });

    expect(emulator.testUser.totpSecret).toBe(secret);
    expectOAuthError(await otpGrant(target("otp"), activation), 400, "invalid_grant");
    expect((await otpGrant(target("otp"), freshTotpCode(emulator, secret))).status).toBe(200);
    expect(secret).not.toBe(oldSecret);
  });

  it("gives a user created through the API no Google Authenticator factor until one is enrolled (issue 17, defect 4)", async () => {
    const { api } = await org();
    const login = "new.hire@example.com";
    const created = await api.post("/api/v1/users?activate=true", {
      profile: { login, email: login, firstName: "New", lastName: "Hire" },
      credentials: { password: { value: "Correct-Horse-9" } },
    });
    const userId = String(created.body.id);
    const factors = listOf(await api.get(`/api/v1/users/${userId}/factors`));
    expect(factors.filter((f) => f.factorType === "token:software:totp")).toEqual([]);
    const enrolled = await api.post(`/api/v1/users/${userId}/factors`, { factorType: "token:software:totp", provider: "GOOGLE" });
    expect(enrolled.body).toMatchObject({ status: "PENDING_ACTIVATION", factorType: "token:software:totp" });
  });

  it("refuses a second Google Authenticator enrollment while one is active", async () => {
    const { api, emulator } = await org();
    const answer = await api.post(`/api/v1/users/${encodeURIComponent(emulator.testUser.login)}/factors`, {
      factorType: "token:software:totp",
      provider: "GOOGLE",
    });
    expectOktaError(answer, 400, "E0000001");
  });
});
