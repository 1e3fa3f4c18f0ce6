import { describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { EVERYONE_GROUP_ID } from "../../src/okta/ids";
import { devOrgs } from "./support/devOrgs";
import { appOf } from "./support/evaluations";
import { expectOAuthError, expectOktaError, OKTA_SAYS } from "./support/expectations";
import { mfaOtpFlow, otpGrant } from "./support/flows";
import { listOf } from "./support/managementApi";

const orgs = devOrgs();

type Json = Record<string, any>;

/** An app sign-in rule as the provider's `okta.AppSignonPolicyRule` sends it. */
function appSignOnRule(name: string, options: { priority?: number; users?: string[]; factorMode?: string; access?: string } = {}) {
  return {
    name,
    type: "ACCESS_POLICY",
    ...(options.priority === undefined ? {} : { priority: options.priority }),
    conditions: {
      network: { connection: "ANYWHERE" },
      ...(options.users ? { people: { users: { include: options.users } } } : {}),
    },
    actions: {
      appSignOn: {
        access: options.access ?? "ALLOW",
        verificationMethod: { factorMode: options.factorMode ?? "1FA", reauthenticateIn: "PT2H", type: "ASSURANCE" },
      },
    },
  };
}

async function setup() {
  const org = await orgs.withApi();
  const user = (await org.api.get(`/api/v1/users/${encodeURIComponent(org.emulator.testUser.login)}`)).body as Json;
  return { ...org, userId: user.id as string };
}

async function newAccessPolicy(api: Awaited<ReturnType<typeof setup>>["api"], name = "Direct auth policy") {
  const answer = await api.post("/api/v1/policies", { name, description: "test", type: "ACCESS_POLICY" });
  expect(answer.status).toBe(200);
  return answer.body as Json;
}

/** An OTP app of our own, assigned to Everyone, using `policyId`. */
async function otpApp(org: Awaited<ReturnType<typeof setup>>, policyId: string) {
  const app = (
    await org.api.post("/api/v1/apps", {
      name: "oidc_client",
      label: "OTP test",
      credentials: { oauthClient: { token_endpoint_auth_method: "none", pkce_required: true } },
      settings: { oauthClient: { application_type: "native", grant_types: ["authorization_code", GRANT.otp], redirect_uris: ["x:/cb"] } },
    })
  ).body as Json;
  await org.api.put(`/api/v1/apps/${app.id}/groups/${EVERYONE_GROUP_ID}`, {});
  expect((await org.api.put(`/api/v1/apps/${app.id}/policies/${policyId}`, {})).status).toBe(204);
  return { emulator: org.emulator, endpoints: org.endpoints, clientId: app.id as string };
}

describe("ACCESS_POLICY (app sign-in policies)", () => {
  it("creates a policy with Okta's Catch-all Rule: priority 99, system, not deletable", async () => {
    const { api } = await setup();
    const policy = await newAccessPolicy(api);
    expect(policy).toMatchObject({ type: "ACCESS_POLICY", status: "ACTIVE", system: false, name: "Direct auth policy" });
    const rules = listOf(await api.get(`/api/v1/policies/${policy.id}/rules`));
    expect(rules).toEqual([
      expect.objectContaining({
        name: "Catch-all Rule",
        priority: 99,
        system: true,
        conditions: null,
        actions: {
          appSignOn: {
            access: "ALLOW",
            verificationMethod: {
              factorMode: "2FA",
              type: "ASSURANCE",
              reauthenticateIn: "PT12H",
              constraints: [{ possession: { required: true, deviceBound: "REQUIRED" } }],
            },
            keepMeSignedIn: { postAuth: "NOT_ALLOWED" },
          },
        },
      }),
    ]);
    expect(rules[0]._links).toEqual({ self: expect.objectContaining({ hints: { allow: ["GET", "PUT"] } }) });
    expectOktaError(await api.delete(`/api/v1/policies/${policy.id}/rules/${rules[0].id}`), 405, "E0000022");
    expect(listOf(await api.get("/api/v1/policies?type=ACCESS_POLICY")).map((p) => p.id)).toContain(policy.id);
  });

  it("lists Okta's own apps' policies first, then the default one with Okta's description; each has a catch-all", async () => {
    const { api } = await setup();
    const mine = await newAccessPolicy(api);
    const list = listOf(await api.get("/api/v1/policies?type=ACCESS_POLICY"));
    expect(list.slice(0, 4).map((p) => p.name)).toEqual(["Okta Admin Console", "Okta Dashboard", "Okta Browser Plugin", "Any two factors"]);
    expect(list.slice(4).map((p) => p.id)).toContain(mine.id);
    expect(list[3]).toMatchObject({ system: true, description: "Require two factors to access." });
    for (const preset of list.slice(0, 3)) {
      expect(preset).toMatchObject({ system: false, status: "ACTIVE", conditions: null });
      const rules = listOf(await api.get(`/api/v1/policies/${preset.id}/rules`));
      expect(rules).toEqual([expect.objectContaining({ name: "Catch-all Rule", priority: 99, system: true })]);
    }
    const adminRules: Json[] = listOf(await api.get(`/api/v1/policies/${list[0].id}/rules`));
    expect(adminRules[0].actions.appSignOn.verificationMethod).toEqual({ factorMode: "2FA", type: "ASSURANCE", reauthenticateIn: "PT12H" });
    const defaultRules: Json[] = listOf(await api.get(`/api/v1/policies/${list[3].id}/rules`));
    expect(defaultRules[0].actions.appSignOn.verificationMethod).toMatchObject({ factorMode: "2FA", reauthenticateIn: "PT12H" });
  });

  it("links a policy's app mappings, its rules and lifecycle, in Okta's order; the default policy only itself and its rules", async () => {
    const { api, emulator } = await setup();
    const policy = await newAccessPolicy(api);
    const self = `${emulator.url}/api/v1/policies/${policy.id}`;
    expect(Object.keys(policy._links)).toEqual(["mappings", "self", "rules", "deactivate"]);
    expect(policy._links.mappings).toEqual({ href: `${self}/mappings`, hints: { allow: ["GET", "POST"] } });
    const defaultPolicy = listOf(await api.get("/api/v1/policies?type=ACCESS_POLICY")).find((p) => p.system) as Json;
    expect(Object.keys(defaultPolicy._links)).toEqual(["self", "rules"]);
    const session = (await api.post("/api/v1/policies", { name: "Session", type: "OKTA_SIGN_ON" })).body as Json;
    expect(Object.keys(session._links)).toEqual(["mappings", "self", "rules", "deactivate"]);
  });

  it("moves rules down when one is inserted at a priority already taken", async () => {
    const { api } = await setup();
    const policy = await newAccessPolicy(api);
    const first = (await api.post(`/api/v1/policies/${policy.id}/rules`, appSignOnRule("first", { priority: 1 }))).body as Json;
    const second = (await api.post(`/api/v1/policies/${policy.id}/rules`, appSignOnRule("second", { priority: 2 }))).body as Json;
    const inserted = (await api.post(`/api/v1/policies/${policy.id}/rules`, appSignOnRule("inserted", { priority: 1 }))).body as Json;
    expect(inserted.priority).toBe(1);
    const rules = listOf(await api.get(`/api/v1/policies/${policy.id}/rules`));
    expect(rules.map((r) => [r.name, r.priority])).toEqual([
      ["inserted", 1],
      ["first", 2],
      ["second", 3],
      ["Catch-all Rule", 99],
    ]);
    expect((await api.get(`/api/v1/policies/${policy.id}/rules/${first.id}`)).body.priority).toBe(2);
    const renamed = await api.put(`/api/v1/policies/${policy.id}/rules/${first.id}`, appSignOnRule("first, renamed"));
    expect(renamed.body).toMatchObject({ name: "first, renamed", priority: 2 });
    expect(second.id).not.toBe(first.id);
  });

  it("round-trips the rule's conditions and actions, with Okta's defaults filled in", async () => {
    const { api, userId } = await setup();
    const policy = await newAccessPolicy(api);
    const created = (await api.post(`/api/v1/policies/${policy.id}/rules`, appSignOnRule("mine", { users: [userId] }))).body as Json;
    expect(created).toMatchObject({
      status: "ACTIVE",
      system: false,
      type: "ACCESS_POLICY",
      conditions: { people: { users: { include: [userId], exclude: [] } }, network: { connection: "ANYWHERE" } },
      actions: {
        appSignOn: {
          access: "ALLOW",
          verificationMethod: { factorMode: "1FA", type: "ASSURANCE", reauthenticateIn: "PT2H" },
          keepMeSignedIn: { postAuth: "NOT_ALLOWED" },
        },
      },
    });
    expect((await api.get(`/api/v1/policies/${policy.id}/rules/${created.id}`)).body).toEqual(created);
  });

  it("stores conditions and verification methods as Okta does: platform exclude added, null OS expression and empty platform dropped, riskScore and reauthentication defaulted", async () => {
    const { api } = await setup();
    const policy = await newAccessPolicy(api);
    const rule = (body: Json) => ({ name: "stored", type: "ACCESS_POLICY", actions: { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "2FA", type: "ASSURANCE" } } }, ...body });
    const withPlatform = (
      await api.post(`/api/v1/policies/${policy.id}/rules`, rule({
        conditions: { network: { connection: "ANYWHERE" }, platform: { include: [{ type: "DESKTOP", os: { type: "MACOS", expression: null } }] } },
      }))
    ).body as Json;
    expect(withPlatform.conditions.platform).toEqual({ include: [{ type: "DESKTOP", os: { type: "MACOS" } }], exclude: [] });
    expect(withPlatform.conditions.riskScore).toEqual({ level: "ANY" });
    expect(withPlatform.actions.appSignOn.verificationMethod).toEqual({ factorMode: "2FA", type: "ASSURANCE", reauthenticateIn: "PT12H" });
    expect((await api.get(`/api/v1/policies/${policy.id}/rules/${withPlatform.id}`)).body).toEqual(withPlatform);

    const emptyPlatform = (
      await api.post(`/api/v1/policies/${policy.id}/rules`, rule({ name: "empty", conditions: { network: { connection: "ANYWHERE" }, platform: {}, riskScore: { level: "HIGH" } } }))
    ).body as Json;
    expect(emptyPlatform.conditions).not.toHaveProperty("platform");
    expect(emptyPlatform.conditions.riskScore).toEqual({ level: "HIGH" });

    const chain = (
      await api.post(`/api/v1/policies/${policy.id}/rules`, {
        name: "chain",
        type: "ACCESS_POLICY",
        conditions: { network: { connection: "ANYWHERE" } },
        actions: {
          appSignOn: {
            access: "ALLOW",
            verificationMethod: {
              factorMode: "2FA",
              inactivityPeriod: "PT1H",
              reauthenticateIn: "PT0S",
              type: "AUTH_METHOD_CHAIN",
              chains: [{ authenticationMethods: [{ key: "okta_email", method: "email" }], next: [{ authenticationMethods: [{ key: "okta_password", method: "password" }] }] }],
            },
          },
        },
      })
    ).body as Json;
    expect(chain.actions.appSignOn.verificationMethod).toEqual({
      type: "AUTH_METHOD_CHAIN",
      chains: [{ authenticationMethods: [{ key: "okta_email", method: "email" }], next: [{ authenticationMethods: [{ key: "okta_password", method: "password" }] }] }],
      reauthenticateIn: "PT0S",
    });
  });

  it("feeds the flows: the API's rule admits the user, its deactivation leaves the catch-all's DENY", async () => {
    const org = await setup();
    const { api, userId } = org;
    const policy = await newAccessPolicy(api);
    const catchAll = listOf(await api.get(`/api/v1/policies/${policy.id}/rules`))[0];
    const denyAll = appSignOnRule("Catch-all Rule", { access: "DENY", factorMode: "2FA" });
    expect((await api.put(`/api/v1/policies/${policy.id}/rules/${catchAll.id}`, denyAll)).body.priority).toBe(99);
    const target = await otpApp(org, policy.id);
    expectOAuthError(await otpGrant(target), 403, "access_denied", OKTA_SAYS.policyDenied);

    const rule = (await api.post(`/api/v1/policies/${policy.id}/rules`, appSignOnRule("tester 1FA", { users: [userId] }))).body as Json;
    expect((await otpGrant(target)).status).toBe(200);

    expect((await api.post(`/api/v1/policies/${policy.id}/rules/${rule.id}/lifecycle/deactivate`)).status).toBe(204);
    expect((await api.get(`/api/v1/policies/${policy.id}/rules/${rule.id}`)).body.status).toBe("INACTIVE");
    expectOAuthError(await otpGrant(target), 403, "access_denied", OKTA_SAYS.policyDenied);
  });

  it("feeds the flows the rule's constraints: a phone possession factor is not met by Google Authenticator", async () => {
    const org = await setup();
    const { api, userId, emulator, endpoints } = org;
    const policy = await newAccessPolicy(api);
    const twoFactors = (possessionTypes: string[]) => ({
      name: "password + possession",
      conditions: { people: { users: { include: [userId] } } },
      actions: {
        appSignOn: {
          access: "ALLOW",
          verificationMethod: {
            factorMode: "2FA",
            type: "ASSURANCE",
            constraints: [{ knowledge: { types: ["password"] }, possession: { types: possessionTypes } }],
          },
        },
      },
    });
    const rule = (await api.post(`/api/v1/policies/${policy.id}/rules`, twoFactors(["phone"]))).body as Json;
    // Left out of the request, `required` is answered true, as Okta documents.
    expect(rule.actions.appSignOn.verificationMethod.constraints).toEqual([
      { knowledge: { types: ["password"], required: true }, possession: { types: ["phone"], required: true } },
    ]);
    const { clientId } = appOf(orgs.dev(), "mfa-otp");
    const app = listOf(await api.get(`/api/v1/apps?filter=${encodeURIComponent(`credentials.oauthClient.client_id eq "${clientId}"`)}`))[0];
    await api.put(`/api/v1/apps/${app.id}/policies/${policy.id}`, {});
    const target = { emulator, endpoints, clientId };
    expectOAuthError(await mfaOtpFlow(target), 403, "mfa_required");

    await api.put(`/api/v1/policies/${policy.id}/rules/${rule.id}`, twoFactors(["app"]));
    expect((await mfaOtpFlow(target)).status).toBe(200);
  });

  it("deletes a policy, and answers 404 for it afterwards", async () => {
    const { api } = await setup();
    const policy = await newAccessPolicy(api);
    expect((await api.delete(`/api/v1/policies/${policy.id}`)).status).toBe(204);
    expectOktaError(await api.get(`/api/v1/policies/${policy.id}`), 404, "E0000007");
  });
});

describe("OKTA_SIGN_ON (global session policies)", () => {
  it("lists the default policy last, and a new policy before it", async () => {
    const { api } = await setup();
    const created = (
      await api.post("/api/v1/policies", {
        name: "Everyone, password only",
        type: "OKTA_SIGN_ON",
        priority: 1,
        conditions: { people: { groups: { include: [EVERYONE_GROUP_ID] } } },
      })
    ).body as Json;
    expect(created).toMatchObject({ type: "OKTA_SIGN_ON", priority: 1, conditions: { people: { groups: { include: [EVERYONE_GROUP_ID] } } } });
    const list = listOf(await api.get("/api/v1/policies?type=OKTA_SIGN_ON"));
    expect(list[0].id).toBe(created.id);
    expect(list[list.length - 1]).toMatchObject({ name: "Default Policy", system: true, priority: list.length });
  });

  it("gives a rule with a riskScore Okta's empty risk behaviors", async () => {
    const { api } = await setup();
    const session = (await api.post("/api/v1/policies", { name: "Risky", type: "OKTA_SIGN_ON", conditions: { people: { groups: { include: [EVERYONE_GROUP_ID] } } } })).body as Json;
    const rule = (
      await api.post(`/api/v1/policies/${session.id}/rules`, {
        name: "medium risk",
        type: "SIGN_ON",
        conditions: { authContext: { authType: "ANY" }, identityProvider: { provider: "ANY" }, network: { connection: "ANYWHERE" }, riskScore: { level: "MEDIUM" } },
        actions: { signon: { access: "ALLOW", requireFactor: false } },
      })
    ).body as Json;
    expect(rule.conditions).toEqual({
      people: { users: { exclude: [] } },
      authContext: { authType: "ANY" },
      identityProvider: { provider: "ANY" },
      network: { connection: "ANYWHERE" },
      riskScore: { level: "MEDIUM" },
      risk: { behaviors: [] },
    });
    expect(rule.actions.signon.primaryFactor).toBe("PASSWORD_IDP_ANY_FACTOR");
  });

  it("feeds the session check: a first policy whose rule starts sessions with the password only stops OTP as primary factor", async () => {
    const org = await setup();
    const { api, userId } = org;
    const policy = await newAccessPolicy(api);
    await api.post(`/api/v1/policies/${policy.id}/rules`, appSignOnRule("tester 1FA", { users: [userId] }));
    const target = await otpApp(org, policy.id);
    expect((await otpGrant(target)).status).toBe(200);

    const session = (
      await api.post("/api/v1/policies", { name: "Strict", type: "OKTA_SIGN_ON", priority: 1, conditions: { people: { groups: { include: [EVERYONE_GROUP_ID] } } } })
    ).body as Json;
    const rule = (
      await api.post(`/api/v1/policies/${session.id}/rules`, {
        name: "password only",
        type: "SIGN_ON",
        actions: { signon: { access: "ALLOW", primaryFactor: "PASSWORD_IDP", requireFactor: false } },
      })
    ).body as Json;
    expect(rule).toMatchObject({ type: "SIGN_ON", priority: 1, actions: { signon: { access: "ALLOW", primaryFactor: "PASSWORD_IDP" } } });
    expect(rule.conditions).not.toHaveProperty("risk");
    expectOAuthError(await otpGrant(target), 403, "access_denied", OKTA_SAYS.policyDenied);

    expect((await api.post(`/api/v1/policies/${session.id}/lifecycle/deactivate`)).status).toBe(204);
    expect((await otpGrant(target)).status).toBe(200);
  });
});

describe("MFA_ENROLL (custom authenticator enrollment policies)", () => {
  /** The policy as the provider's `okta_policy_mfa` sends it: only the authenticators it sets. */
  const enrollmentPolicy = (name: string, authenticators: { key: string; self: string }[], extra: Json = {}) => ({
    name,
    description: "custom enrollment",
    status: "ACTIVE",
    type: "MFA_ENROLL",
    conditions: { people: { groups: { include: [EVERYONE_GROUP_ID] } } },
    settings: { type: "AUTHENTICATORS", authenticators: authenticators.map(({ key, self }) => ({ key, enroll: { self } })) },
    ...extra,
  });
  const settingsOf = (policy: Json) =>
    Object.fromEntries((policy.settings.authenticators as { key: string; enroll: { self: string } }[]).map((a) => [a.key, a.enroll.self]));

  it("creates one before the default policy, listing every ACTIVE authenticator (the omitted NOT_ALLOWED, INACTIVE ones dropped)", async () => {
    const { api, emulator } = await setup();
    const created = await api.post("/api/v1/policies", enrollmentPolicy("Email too", [{ key: "okta_password", self: "REQUIRED" }, { key: "okta_email", self: "OPTIONAL" }]));
    expect(created.status).toBe(200);
    const policy = created.body as Json;
    expect(policy).toMatchObject({
      id: expect.stringMatching(/^00p/),
      status: "ACTIVE",
      name: "Email too",
      description: "custom enrollment",
      priority: 1,
      system: false,
      conditions: { people: { groups: { include: [EVERYONE_GROUP_ID] } } },
      settings: { type: "AUTHENTICATORS" },
      type: "MFA_ENROLL",
    });
    const active = emulator.org.authenticators.filter((a) => a.status === "ACTIVE").map((a) => a.key);
    expect(Object.keys(settingsOf(policy)).sort()).toEqual([...active].sort());
    expect(settingsOf(policy)).toMatchObject({ okta_password: "REQUIRED", okta_email: "OPTIONAL", okta_verify: "NOT_ALLOWED" });
    const self = `${emulator.url}/api/v1/policies/${policy.id}`;
    expect(policy._links).toEqual({
      mappings: { href: `${self}/mappings`, hints: { allow: ["GET", "POST"] } },
      self: { href: self, hints: { allow: ["GET", "PUT", "DELETE"] } },
      rules: { href: `${self}/rules`, hints: { allow: ["GET", "POST"] } },
      deactivate: { href: `${self}/lifecycle/deactivate`, hints: { allow: ["POST"] } },
    });
    expect((await api.get(`/api/v1/policies/${policy.id}`)).body).toEqual(policy);

    const list = listOf(await api.get("/api/v1/policies?type=MFA_ENROLL"));
    expect(list.map((p) => [p.name, p.priority, p.system])).toEqual([
      ["Email too", 1, false],
      ["Default Policy", 2, true],
    ]);
  });

  it("keeps an authenticator it lets users enroll from being deactivated, naming the policy", async () => {
    const { api, emulator } = await setup();
    const email = emulator.org.authenticators.find((a) => a.key === "okta_email")!;
    const defaults = (await api.get("/api/v1/policies?type=MFA_ENROLL")).body as unknown as Json[];
    const defaultPolicy = defaults.find((p) => p.system)!;
    const withoutEmail = (defaultPolicy.settings.authenticators as { key: string }[]).map((a) =>
      a.key === "okta_email" ? { key: "okta_email", enroll: { self: "NOT_ALLOWED" } } : a,
    );
    expect((await api.put(`/api/v1/policies/${defaultPolicy.id}`, { ...defaultPolicy, settings: { ...defaultPolicy.settings, authenticators: withoutEmail } })).status).toBe(200);
    await api.post("/api/v1/policies", enrollmentPolicy("Contractors", [{ key: "okta_password", self: "REQUIRED" }, { key: "okta_email", self: "OPTIONAL" }]));

    const refused = await api.post(`/api/v1/authenticators/${email.id}/lifecycle/deactivate`);
    expectOktaError(refused, 403, "E0000148");
    expect(refused.body.errorCauses).toEqual([{ errorSummary: "Authenticator Enrollment Policies: Contractors" }]);
  });

  it("updates, deactivates, activates and deletes it; the default policy is left as it was", async () => {
    const { api } = await setup();
    const [before] = listOf(await api.get("/api/v1/policies?type=MFA_ENROLL"));
    const policy = (await api.post("/api/v1/policies", enrollmentPolicy("Custom", [{ key: "okta_password", self: "REQUIRED" }]))).body as Json;
    const updated = await api.put(
      `/api/v1/policies/${policy.id}`,
      enrollmentPolicy("Custom, renamed", [{ key: "okta_password", self: "REQUIRED" }, { key: "okta_verify", self: "REQUIRED" }], { priority: 1 }),
    );
    expect(updated.body).toMatchObject({ name: "Custom, renamed", priority: 1 });
    expect(settingsOf(updated.body as Json)).toMatchObject({ okta_verify: "REQUIRED", okta_email: "NOT_ALLOWED" });
    expectOktaError(await api.put(`/api/v1/policies/${policy.id}`, enrollmentPolicy("Custom", [{ key: "no_such_key", self: "REQUIRED" }])), 400, "E0000001");

    expect((await api.post(`/api/v1/policies/${policy.id}/lifecycle/deactivate`)).status).toBe(204);
    const inactive = (await api.get(`/api/v1/policies/${policy.id}`)).body as Json;
    expect(inactive.status).toBe("INACTIVE");
    expect(Object.keys(inactive._links)).toContain("activate");
    expect((await api.post(`/api/v1/policies/${policy.id}/lifecycle/activate`)).status).toBe(204);
    expect((await api.get(`/api/v1/policies/${policy.id}`)).body.status).toBe("ACTIVE");

    expect((await api.delete(`/api/v1/policies/${policy.id}`)).status).toBe(204);
    expectOktaError(await api.get(`/api/v1/policies/${policy.id}`), 404, "E0000007");
    expect(listOf(await api.get("/api/v1/policies?type=MFA_ENROLL"))).toEqual([before]);
    expectOktaError(await api.delete(`/api/v1/policies/${before.id}`), 403, "E0000006");
  });

  it("holds rules saying when users enroll; the default policy's Default Rule (CHALLENGE) stays last", async () => {
    const { api, emulator } = await setup();
    const [defaultPolicy] = listOf(await api.get("/api/v1/policies?type=MFA_ENROLL"));
    expect(defaultPolicy._links).toEqual({
      self: { href: `${emulator.url}/api/v1/policies/${defaultPolicy.id}`, hints: { allow: ["GET", "PUT"] } },
      rules: { href: `${emulator.url}/api/v1/policies/${defaultPolicy.id}/rules`, hints: { allow: ["GET", "POST"] } },
    });
    const defaultRules: Json[] = listOf(await api.get(`/api/v1/policies/${defaultPolicy.id}/rules`));
    expect(defaultRules).toEqual([
      expect.objectContaining({
        name: "Default Rule",
        priority: 1,
        system: true,
        status: "ACTIVE",
        conditions: { people: { users: { exclude: [] } }, network: { connection: "ANYWHERE" } },
        actions: { enroll: { self: "CHALLENGE" } },
        type: "MFA_ENROLL",
      }),
    ]);
    const rule = { name: "At login", type: "MFA_ENROLL", conditions: { network: { connection: "ANYWHERE" } }, actions: { enroll: { self: "LOGIN" } } };
    const created = await api.post(`/api/v1/policies/${defaultPolicy.id}/rules`, rule);
    expect(created.status).toBe(200);
    const self = `${emulator.url}/api/v1/policies/${defaultPolicy.id}/rules/${created.body.id}`;
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^0pr/),
      name: "At login",
      priority: 1,
      system: false,
      status: "ACTIVE",
      actions: { enroll: { self: "LOGIN" } },
      _links: { self: { href: self }, deactivate: { href: `${self}/lifecycle/deactivate` } },
      type: "MFA_ENROLL",
    });
    const listed = listOf(await api.get(`/api/v1/policies/${defaultPolicy.id}/rules`));
    expect(listed.map((r) => [r.name, r.priority])).toEqual([
      ["At login", 1],
      ["Default Rule", 2],
    ]);

    const updated = await api.put(`/api/v1/policies/${defaultPolicy.id}/rules/${created.body.id}`, { ...rule, actions: { enroll: { self: "NEVER" } } });
    expect(updated.body.actions).toEqual({ enroll: { self: "NEVER" } });
    expectOktaError(await api.put(`/api/v1/policies/${defaultPolicy.id}/rules/${created.body.id}`, { ...rule, actions: { enroll: { self: "SOMETIMES" } } }), 400, "E0000001");
    expectOktaError(await api.post(`/api/v1/policies/${defaultPolicy.id}/rules/${defaultRules[0].id}/lifecycle/deactivate`), 400, "E0000001");
    expect((await api.delete(`/api/v1/policies/${defaultPolicy.id}/rules/${created.body.id}`)).status).toBe(204);

    const custom = (await api.post("/api/v1/policies", enrollmentPolicy("Custom", [{ key: "okta_password", self: "REQUIRED" }]))).body as Json;
    expect(listOf(await api.get(`/api/v1/policies/${custom.id}/rules`))).toEqual([]);
    expect((await api.post(`/api/v1/policies/${custom.id}/rules`, rule)).body).toMatchObject({ name: "At login", priority: 1 });
  });

  it("feeds the flows: the first ACTIVE policy whose groups hold the user decides what it may enroll", async () => {
    const { api, emulator, endpoints } = await setup();
    const target = { emulator, endpoints, clientId: appOf(orgs.dev(), "otp").clientId };
    expect((await otpGrant(target)).status).toBe(200);
    const passwordOnly = [{ key: "okta_password", self: "REQUIRED" }];
    const group = (await api.post("/api/v1/groups", { profile: { name: "Not the tester's" } })).body as Json;
    await api.post("/api/v1/policies", enrollmentPolicy("Other group", passwordOnly, { conditions: { people: { groups: { include: [group.id] } } } }));
    expect((await otpGrant(target)).status).toBe(200);

    const everyone = (await api.post("/api/v1/policies", enrollmentPolicy("Everyone, password only", passwordOnly))).body as Json;
    expectOAuthError(await otpGrant(target), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    await api.post(`/api/v1/policies/${everyone.id}/lifecycle/deactivate`);
    expect((await otpGrant(target)).status).toBe(200);
  });

  it("is created INACTIVE with ?activate=false", async () => {
    const { api } = await setup();
    const policy = await api.post("/api/v1/policies?activate=false", enrollmentPolicy("Later", [{ key: "okta_password", self: "REQUIRED" }]));
    expect(policy.body).toMatchObject({ status: "INACTIVE", _links: { activate: expect.any(Object) } });
  });
});
