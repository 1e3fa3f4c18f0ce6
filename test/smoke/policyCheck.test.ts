import { describe, expect, it } from "vitest";
import { OktaApiError, OktaManagementClient } from "../../src/orgSettings/managementClient";
import { verifyPolicies } from "../../src/smoke/policyCheck";
import { SmokeTarget } from "../../src/smoke/types";

/**
 * The policy verdicts judged one branch at a time, against a management client that answers from
 * tables (no network): the simulation's matches, the rules it names, the app's grants.
 */
const LOGIN = "t@example.com";
const STEP = ' (guide step "Set up the authentication policy")';
const SESSION_FIX = `give ${LOGIN} a global session policy rule with "Any factor used to meet the Authentication Policy requirements" (PASSWORD_IDP_ANY_FACTOR)`;
const MFA_GRANTS = ["password", "http://auth0.com/oauth/grant-type/mfa-otp"];

interface Rule {
  id: string;
  name: string;
  system?: boolean;
  conditions?: unknown;
  actions?: unknown;
}

const appRule = (over: Partial<Rule> & { factorMode?: string; access?: string; constraints?: unknown[] } = {}): Rule => ({
  id: "rul1",
  name: over.name ?? "1Factor",
  system: over.system,
  conditions: "conditions" in over ? over.conditions : { people: { users: { include: ["00u1"] } } },
  actions: over.actions ?? {
    appSignOn: { access: over.access ?? "ALLOW", verificationMethod: { factorMode: over.factorMode ?? "1FA", constraints: over.constraints ?? [] } },
  },
});
const PASSWORD_CONSTRAINT = [{ knowledge: { types: ["password"], required: true } }];
const sessionRule = (signon: unknown): Rule => ({ id: "rul2", name: "Any factor", actions: signon === undefined ? {} : { signon } });

const matching = (type: string, policy: string, rule: string) => ({
  policyType: [type],
  result: {
    policies: [
      { id: "polOther", name: "Other", status: "UNMATCHED", rules: [{ id: "rulX", name: "X", status: "MATCH" }] },
      { id: policy, name: type === "ACCESS_POLICY" ? "Direct Auth 1FA" : "Default Policy", status: "MATCH", rules: [{ id: "rulY", name: "Y", status: "UNMATCHED" }, { id: rule, name: "R", status: "MATCH" }] },
    ],
  },
});
const BOTH_MATCH = [matching("ACCESS_POLICY", "polApp", "rul1"), matching("OKTA_SIGN_ON", "polSession", "rul2")];

interface Org {
  user?: { id: string } | Error;
  simulation?: unknown[] | Error;
  appRule?: Rule;
  sessionRule?: Rule;
  grants?: string[];
  /** The app as read, when not the usual shape with `grants`. */
  app?: unknown;
}

function clientFor(org: Org) {
  const posts: { path: string; body: unknown }[] = [];
  const gets: string[] = [];
  const answer = (value: unknown) => (value instanceof Error ? Promise.reject(value) : Promise.resolve(value));
  const client = {
    get: (path: string) => {
      gets.push(path);
      if (path === `/api/v1/users/${encodeURIComponent(LOGIN)}`) return answer(org.user ?? { id: "00u1" });
      if (path === "/api/v1/policies/polApp/rules/rul1") return answer(org.appRule ?? appRule());
      if (path === "/api/v1/policies/polSession/rules/rul2") return answer(org.sessionRule ?? sessionRule({ access: "ALLOW", primaryFactor: "PASSWORD_IDP_ANY_FACTOR" }));
      if (path.startsWith("/api/v1/apps/")) return answer("app" in org ? org.app : { settings: { oauthClient: { grant_types: org.grants ?? MFA_GRANTS } } });
      return Promise.reject(new OktaApiError(404, "E0000007", "Not found", []));
    },
    getAll: (path: string) => {
      gets.push(path);
      return Promise.resolve([{ id: "00gEveryone" }, { id: "00gTesters" }]);
    },
    post: (path: string, body: unknown) => {
      posts.push({ path, body });
      return answer("simulation" in org ? org.simulation : BOTH_MATCH);
    },
  };
  return { client: client as unknown as OktaManagementClient, posts, gets };
}

const target = (variant: string, clientId = "0oaOTP", app = "Direct Auth OTP") => ({ variant, app, clientId }) as SmokeTarget;
const OTP = target("otp");
const MFA = target("mfa-otp", "0oaMFA", "Direct Auth MFA OTP");
const WHERE = "authentication policy \"Direct Auth 1FA\" of `Direct Auth OTP`";
const MFA_WHERE = "authentication policy \"Direct Auth 1FA\" of `Direct Auth MFA OTP`";

async function verdictsOf(org: Org, targets: SmokeTarget[] = [OTP]) {
  return verifyPolicies(clientFor(org).client, LOGIN, targets);
}

describe("policy verdicts from Okta's simulation", () => {
  it("verifies a primary-factor variant whose own rule and an any-factor session rule match, simulating its app once with the user's groups", async () => {
    const { client, posts, gets } = clientFor({});
    expect(await verifyPolicies(client, LOGIN, [OTP, OTP])).toEqual([
      { verified: true, text: "verified" },
      { verified: true, text: "verified" },
    ]);
    expect(posts).toEqual([
      {
        path: "/api/v1/policies/simulate?expand=EVALUATED&expand=RULE",
        body: [{ appInstance: "0oaOTP", policyTypes: ["ACCESS_POLICY", "OKTA_SIGN_ON"], policyContext: { user: { id: "00u1" }, groups: { ids: ["00gEveryone", "00gTesters"] } } }],
      },
    ]);
    expect(gets).toContain("/api/v1/users/00u1/groups");
  });

  it("verifies an MFA variant whose rule requires the password and whose app has an MFA grant, never judging the session rule", async () => {
    const mfa = { appRule: appRule({ factorMode: "2FA", constraints: PASSWORD_CONSTRAINT }), sessionRule: sessionRule({ access: "DENY" }) };
    expect(await verdictsOf(mfa, [MFA])).toEqual([{ verified: true, text: "verified" }]);
    expect(await verdictsOf({ ...mfa, grants: ["http://auth0.com/oauth/grant-type/mfa-oob"] }, [MFA])).toEqual([{ verified: true, text: "verified" }]);
  });

  it("says nothing was simulated for a user the org does not have, and passes on other failures", async () => {
    expect(await verdictsOf({ user: new OktaApiError(404, "E0000007", "Not found", []) }, [OTP, MFA])).toEqual([
      { verified: false, notSimulated: true, text: `not simulated: the org has no user ${LOGIN}` },
      { verified: false, notSimulated: true, text: `not simulated: the org has no user ${LOGIN}` },
    ]);
    await expect(verdictsOf({ user: new OktaApiError(403, "E0000006", "Forbidden", []) })).rejects.toThrow(/403/);
  });

  it("says nothing was simulated for an unknown variant or an app the org does not have, and passes on other failures", async () => {
    expect(await verdictsOf({}, [target("bogus")])).toEqual([{ verified: false, notSimulated: true, text: "not simulated: unknown variant bogus" }]);
    expect(await verdictsOf({ simulation: new OktaApiError(404, "E0000007", "Not found", []) })).toEqual([
      { verified: false, notSimulated: true, text: "not simulated: the org has no app with client id 0oaOTP" },
    ]);
    await expect(verdictsOf({ simulation: new OktaApiError(500, "E0000009", "Internal", []) })).rejects.toThrow(/500/);
  });

  it("names the missing rule when no rule of the app's policy matches", async () => {
    const onlySession = [matching("OKTA_SIGN_ON", "polSession", "rul2"), { policyType: ["ACCESS_POLICY"], result: { policies: [{ id: "polApp", name: "P", status: "MATCH", rules: [] }] } }];
    const expected = [
      { verified: false, text: `no rule of the authentication policy of \`Direct Auth OTP\` applies to ${LOGIN}: add rule "1Factor" for ${LOGIN} with "Any 1 factor type"${STEP}` },
    ];
    expect(await verdictsOf({ simulation: onlySession })).toEqual(expected);
    expect(await verdictsOf({ simulation: [{ ...matching("ACCESS_POLICY", "polApp", "rul1"), policyType: ["PROFILE_ENROLLMENT"] }] })).toEqual(expected);
  });

  it.each([
    ["the catch-all rule", appRule({ name: "Catch-all Rule" }), "Catch-all Rule"],
    ["a system rule", appRule({ name: "Default", system: true }), "Default"],
    ["a rule for other people", appRule({ name: "Others", conditions: { people: { users: { include: ["00u2"] } } } }), "Others"],
    ["a rule for nobody in particular", appRule({ name: "Anyone", conditions: null }), "Anyone"],
  ])("refuses %s as the test user's rule", async (_name, rule, name) => {
    expect(await verdictsOf({ appRule: rule })).toEqual([
      { verified: false, text: `${WHERE} resolves ${LOGIN} to rule "${name}", not a rule for the test user: add rule "1Factor" for ${LOGIN} with "Any 1 factor type"${STEP}` },
    ]);
  });

  it("refuses a rule that denies, or that says nothing of access", async () => {
    const denies = [{ verified: false, text: `rule "1Factor" of ${WHERE} denies ${LOGIN}: let it allow access${STEP}` }];
    expect(await verdictsOf({ appRule: appRule({ access: "DENY" }) })).toEqual(denies);
    expect(await verdictsOf({ appRule: appRule({ actions: {} }) })).toEqual(denies);
  });

  it("refuses a rule asking for the other number of factors, or for none", async () => {
    expect(await verdictsOf({ appRule: appRule({ factorMode: "2FA" }) })).toEqual([
      { verified: false, text: `rule "1Factor" of ${WHERE} asks for 2FA, and otp needs "Any 1 factor type" (1FA): change the rule${STEP}` },
    ]);
    expect(await verdictsOf({ appRule: appRule({ actions: { appSignOn: { access: "ALLOW" } } }) }, [MFA])).toEqual([
      { verified: false, text: `rule "1Factor" of ${MFA_WHERE} asks for nothing, and mfa-otp needs "Password + Another factor" (2FA): change the rule${STEP}` },
    ]);
  });

  it.each([
    ["no constraint", undefined],
    ["a password constraint that is not required", [{ knowledge: { types: ["password"], required: false } }]],
    ["a required constraint of another kind", [{ knowledge: { types: ["security_question"], required: true } }]],
    ["a possession constraint", [{ possession: { required: true } }]],
  ])("refuses an MFA rule with %s", async (_name, constraints) => {
    const rule = appRule({ factorMode: "2FA", actions: { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "2FA", constraints } } } });
    expect(await verdictsOf({ appRule: rule }, [MFA])).toEqual([
      {
        verified: false,
        text: `rule "1Factor" of ${MFA_WHERE} does not require the password, so the password leg cannot count as the first factor: ask for "Password + Another factor"${STEP}`,
      },
    ]);
  });

  it("refuses an MFA rule on an app that has no MFA grant", async () => {
    const rule = appRule({ factorMode: "2FA", constraints: PASSWORD_CONSTRAINT });
    const expected = [
      {
        verified: false,
        text:
          `rule "1Factor" of ${MFA_WHERE} asks for a second factor, and \`Direct Auth MFA OTP\` allows no grant to give one ` +
          `(http://auth0.com/oauth/grant-type/mfa-otp or http://auth0.com/oauth/grant-type/mfa-oob)${STEP}`,
      },
    ];
    expect(await verdictsOf({ appRule: rule, grants: ["password"] }, [MFA])).toEqual(expected);
    expect(await verdictsOf({ appRule: rule, grants: [] }, [MFA])).toEqual(expected);
  });

  it("refuses, for a primary-factor variant, a missing, denying or password-only session rule", async () => {
    expect(await verdictsOf({ simulation: [matching("ACCESS_POLICY", "polApp", "rul1")] })).toEqual([
      { verified: false, text: `no global session policy rule applies to ${LOGIN}: ${SESSION_FIX}${STEP}` },
    ]);
    expect(await verdictsOf({ sessionRule: sessionRule({ access: "DENY", primaryFactor: "PASSWORD_IDP_ANY_FACTOR" }) })).toEqual([
      { verified: false, text: `rule "Any factor" of global session policy "Default Policy" denies ${LOGIN}: ${SESSION_FIX}${STEP}` },
    ]);
    expect(await verdictsOf({ sessionRule: sessionRule({ access: "ALLOW", primaryFactor: "PASSWORD_IDP" }) })).toEqual([
      {
        verified: false,
        text: `global session policy "Default Policy" resolves ${LOGIN} to rule "Any factor", which starts sessions with PASSWORD_IDP only: ${SESSION_FIX}${STEP}`,
      },
    ]);
    expect(await verdictsOf({ sessionRule: sessionRule(undefined) })).toEqual([
      { verified: false, text: `global session policy "Default Policy" resolves ${LOGIN} to rule "Any factor", which starts sessions with ? only: ${SESSION_FIX}${STEP}` },
    ]);
  });

  it("reads a simulation that answers nothing as no match", async () => {
    expect(await verdictsOf({ simulation: null as unknown as unknown[] })).toEqual([
      { verified: false, text: `no rule of the authentication policy of \`Direct Auth OTP\` applies to ${LOGIN}: add rule "1Factor" for ${LOGIN} with "Any 1 factor type"${STEP}` },
    ]);
  });
});

describe("policy verdicts from answers that leave fields out", () => {
  const NOT_FOR_USER = (name: string) => [
    { verified: false, text: `${WHERE} resolves ${LOGIN} to rule "${name}", not a rule for the test user: add rule "1Factor" for ${LOGIN} with "Any 1 factor type"${STEP}` },
  ];

  it("skips evaluations without a type, a result or rules", async () => {
    const simulation = [{ result: BOTH_MATCH[0].result }, { policyType: ["ACCESS_POLICY"] }, { policyType: ["ACCESS_POLICY"], result: {} }, {
      policyType: ["ACCESS_POLICY"],
      result: { policies: [{ id: "polApp", name: "P", status: "MATCH" }] },
    }, BOTH_MATCH[1]];
    expect(await verdictsOf({ simulation })).toEqual([
      { verified: false, text: `no rule of the authentication policy of \`Direct Auth OTP\` applies to ${LOGIN}: add rule "1Factor" for ${LOGIN} with "Any 1 factor type"${STEP}` },
    ]);
  });

  it.each([
    ["no people", {}],
    ["people without users", { people: {} }],
    ["users without a list", { people: { users: {} } }],
  ])("reads a rule with %s as not the test user's", async (_name, conditions) => {
    expect(await verdictsOf({ appRule: appRule({ name: "Vague", conditions }) })).toEqual(NOT_FOR_USER("Vague"));
  });

  it("reads a rule without actions as denying", async () => {
    const rule = { ...appRule(), actions: undefined };
    expect(await verdictsOf({ appRule: rule })).toEqual([{ verified: false, text: `rule "1Factor" of ${WHERE} denies ${LOGIN}: let it allow access${STEP}` }]);
  });

  it("takes the password among several constraints, and reads a knowledge constraint without types as not the password", async () => {
    const both = appRule({ factorMode: "2FA", constraints: [{ possession: { required: true } }, ...PASSWORD_CONSTRAINT] });
    expect(await verdictsOf({ appRule: both }, [MFA])).toEqual([{ verified: true, text: "verified" }]);
    const untyped = appRule({ factorMode: "2FA", constraints: [{ knowledge: { required: true } }] });
    expect((await verdictsOf({ appRule: untyped }, [MFA]))[0].text).toMatch(/does not require the password/);
  });

  it.each([
    ["no settings", {}],
    ["no OAuth client", { settings: {} }],
    ["no grant list", { settings: { oauthClient: {} } }],
  ])("reads an app with %s as allowing no MFA grant", async (_name, app) => {
    const rule = appRule({ factorMode: "2FA", constraints: PASSWORD_CONSTRAINT });
    expect((await verdictsOf({ appRule: rule, app }, [MFA]))[0].text).toMatch(/allows no grant to give one/);
  });

  it("reads a session rule without actions as starting sessions with nothing known", async () => {
    expect(await verdictsOf({ sessionRule: { id: "rul2", name: "Any factor" } })).toEqual([
      { verified: false, text: `global session policy "Default Policy" resolves ${LOGIN} to rule "Any factor", which starts sessions with ? only: ${SESSION_FIX}${STEP}` },
    ]);
  });
});
