import { describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { AdoptionError, inferSetup } from "../../src/adopt/inferSetup";
import { OktaApp, OktaRule, OrgSnapshot } from "../../src/adopt/orgSnapshot";

const TESTER = { id: "00u1", login: "tester@example.com", firstName: "Test", lastName: "Er" };
const EVERYONE = { id: "00gE", name: "Everyone", type: "BUILT_IN", members: [] };

function app(id: string, label: string, grants: string[], policyId: string, auth = "none"): OktaApp {
  return {
    id,
    label,
    name: "oidc_client",
    status: "ACTIVE",
    credentials: { oauthClient: { client_id: `client-${id}`, token_endpoint_auth_method: auth, pkce_required: true } },
    settings: { oauthClient: { application_type: "native", grant_types: ["authorization_code", ...grants], redirect_uris: ["com.example:/cb"] } },
    _links: { accessPolicy: { href: `https://dev-1.okta.com/api/v1/policies/${policyId}` } },
  };
}

function rule(id: string, factorMode: string, users = [TESTER.id], extra: Record<string, unknown> = {}): OktaRule {
  return {
    id,
    name: factorMode === "1FA" ? "1Factor" : "2 MFA Factor",
    status: "ACTIVE",
    priority: 0,
    conditions: { people: { users: { include: users, exclude: [] } }, network: { connection: "ANYWHERE" }, riskScore: { level: "ANY" }, ...extra },
    actions: { appSignOn: { access: "ALLOW", verificationMethod: { factorMode } } },
  };
}

const catchAll = (access: string): OktaRule => ({
  id: `rul-catch-${access}`,
  name: "Catch-all Rule",
  status: "ACTIVE",
  priority: 99,
  system: true,
  actions: { appSignOn: { access, verificationMethod: { factorMode: "2FA" } } },
});

function org(apps: { app: OktaApp; rules: OktaRule[] }[], overrides: Partial<OrgSnapshot> = {}): OrgSnapshot {
  return {
    apps: apps.map((a) => a.app),
    appGroups: new Map(apps.map((a) => [a.app.id, [EVERYONE.id]])),
    accessPolicies: new Map(
      apps.map((a) => {
        const policyId = /policies\/(.+)$/.exec(a.app._links!.accessPolicy!.href!)![1];
        return [policyId, { policy: { id: policyId, name: `${a.app.label} policy`, type: "ACCESS_POLICY", status: "ACTIVE" }, rules: a.rules }];
      }),
    ),
    sessionPolicies: [],
    authenticators: [
      { id: "aut1", key: "google_otp", name: "Google Authenticator", status: "ACTIVE", methods: { otp: "ACTIVE" } },
      { id: "aut2", key: "okta_verify", name: "Okta Verify", status: "ACTIVE", methods: { push: "ACTIVE", totp: "ACTIVE" } },
      { id: "aut3", key: "phone_number", name: "Phone", status: "ACTIVE", methods: { sms: "ACTIVE", voice: "INACTIVE" } },
      { id: "aut4", key: "okta_email", name: "Email", status: "ACTIVE", methods: { email: "ACTIVE" } },
    ],
    enrollment: { google_otp: "OPTIONAL", okta_verify: "OPTIONAL", phone_number: "OPTIONAL", okta_email: "OPTIONAL" },
    authorizationServers: [],
    users: new Map([[TESTER.id, TESTER]]),
    groups: new Map([[EVERYONE.id, EVERYONE]]),
    ...overrides,
  };
}

describe("adoption infers the stack config", () => {
  it("names the guide's variants when each app carries the guide's name", () => {
    const adopted = inferSetup(
      org([
        { app: app("0oa1", "Direct Auth OTP", [GRANT.otp], "rst1"), rules: [rule("r1", "1FA"), catchAll("DENY")] },
        { app: app("0oa2", "Direct Auth MFA Phone", [GRANT.password, GRANT.mfaOob], "rst2"), rules: [rule("r2", "2FA"), catchAll("DENY")] },
      ]),
    );
    expect(adopted.config).toMatchObject({
      variants: ["otp", "mfa-oob-phone"],
      authorizationServer: "org",
      testUser: { login: "tester@example.com", create: false },
      enrollment: "OPTIONAL",
      catchAll: "DENY",
      redirectUri: "com.example:/cb",
      phoneChannels: ["sms"],
    });
    expect(adopted.config.apps).toBeUndefined();
  });

  it("keeps an app's own name and finds its oob variants from the active authenticator methods", () => {
    const adopted = inferSetup(org([{ app: app("0oa1", "Mobile Sign-In", [GRANT.oob], "rst1"), rules: [rule("r1", "1FA"), catchAll("ALLOW")] }]));
    expect(adopted.config.apps).toEqual([{ name: "Mobile Sign-In", variants: ["oob-okta-verify", "oob-phone", "oob-email"] }]);
    expect(adopted.config.catchAll).toBe("ALLOW");
    expect(adopted.notes.join(" ")).toMatch(/oob grant serves oob-okta-verify, oob-phone, oob-email/);
  });

  it("leaves out variants whose authenticator method is off", () => {
    const snapshot = org([{ app: app("0oa1", "Mobile Sign-In", [GRANT.oob], "rst1"), rules: [rule("r1", "1FA")] }]);
    snapshot.authenticators = snapshot.authenticators.map((a) => (a.key === "okta_email" || a.key === "okta_verify" ? { ...a, status: "INACTIVE" as const } : a));
    expect(inferSetup(snapshot).config.apps).toEqual([{ name: "Mobile Sign-In", variants: ["oob-phone"] }]);
  });

  it("takes the factor mode from the rule when an app allows both kinds of grant", () => {
    const adopted = inferSetup(org([{ app: app("0oa1", "Both", [GRANT.otp, GRANT.password, GRANT.mfaOtp], "rst1"), rules: [rule("r1", "2FA")] }]));
    expect(adopted.config.apps).toEqual([{ name: "Both", variants: ["mfa-otp"] }]);
    expect(adopted.notes.join(" ")).toMatch(/allows otp too, but its rule is 2FA/);
  });

  it.each([
    ["a second rule", [rule("r1", "1FA"), rule("r2", "1FA"), catchAll("DENY")], /2 rules besides the catch-all/],
    ["a rule with extra conditions", [rule("r1", "1FA", [TESTER.id], { network: { connection: "ZONE", include: ["nzo1"] } })], /conditions the program does not express \(network\)/],
    ["a rule naming several users", [rule("r1", "1FA", [TESTER.id, "00u2"])], /names 2 user\(s\)/],
  ])("says plainly what it cannot express: %s", (_what, rules, note) => {
    expect(inferSetup(org([{ app: app("0oa1", "Direct Auth OTP", [GRANT.otp], "rst1"), rules }])).notes.join(" ")).toMatch(note);
  });

  it("says a confidential client will become public, and that a NOT_ALLOWED authenticator will be raised", () => {
    const snapshot = org([{ app: app("0oa1", "Direct Auth OTP", [GRANT.otp], "rst1", "client_secret_basic"), rules: [rule("r1", "1FA")] }]);
    snapshot.enrollment.google_otp = "NOT_ALLOWED";
    const notes = inferSetup(snapshot).notes.join(" ");
    expect(notes).toMatch(/confidential client/);
    expect(notes).toMatch(/google_otp cannot be enrolled .* raises it to OPTIONAL/);
  });

  it("adopts REQUIRED enrollment only when every needed authenticator is required", () => {
    const snapshot = org([{ app: app("0oa1", "Direct Auth OTP", [GRANT.otp], "rst1"), rules: [rule("r1", "1FA")] }]);
    snapshot.enrollment.google_otp = "REQUIRED";
    expect(inferSetup(snapshot).config.enrollment).toBe("REQUIRED");
  });

  it("finds the custom authorization server whose policy names the apps' clients", () => {
    const snapshot = org([{ app: app("0oa1", "Direct Auth MFA OTP", [GRANT.password, GRANT.mfaOtp], "rst1"), rules: [rule("r1", "2FA")] }], {
      authorizationServers: [
        {
          id: "aus1",
          name: "default",
          policies: [
            {
              policy: { id: "00p1", name: "Direct Auth", type: "OAUTH_AUTHORIZATION_POLICY", status: "ACTIVE", conditions: { clients: { include: ["client-0oa1"] } } },
              rules: [{ id: "0pr1", name: "Direct Auth grants", status: "ACTIVE", conditions: { grantTypes: { include: [GRANT.password, GRANT.mfaOtp] } } }],
            },
          ],
        },
      ],
    });
    const adopted = inferSetup(snapshot);
    expect(adopted.config.authorizationServer).toBe("aus1");
    expect(adopted.accessPolicy?.rule.id).toBe("0pr1");
  });

  it("says the guide's edit of the default session rule stays, and that up scopes its own", () => {
    const snapshot = org([{ app: app("0oa1", "Direct Auth OTP", [GRANT.otp], "rst1"), rules: [rule("r1", "1FA")] }], {
      sessionPolicies: [
        {
          policy: { id: "00pD", name: "Default Policy", type: "OKTA_SIGN_ON", status: "ACTIVE", system: true },
          rules: [{ id: "0prD", name: "Default Rule", status: "ACTIVE", actions: { signon: { access: "ALLOW", primaryFactor: "PASSWORD_IDP_ANY_FACTOR" } } }],
        },
      ],
    });
    const adopted = inferSetup(snapshot);
    expect(adopted.sessionPolicy).toBeUndefined();
    expect(adopted.notes.join(" ")).toMatch(/default global session policy's rule .* Undo the default rule's edit by hand/);
  });

  it("refuses an org with no direct-auth app", () => {
    expect(() => inferSetup(org([{ app: app("0oa1", "Web", [], "rst1"), rules: [] }]))).toThrow(AdoptionError);
  });
});
