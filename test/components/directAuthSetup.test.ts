import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { DeclaredApp, DirectAuthSetup } from "../../components/directAuthSetup";
import { parseConfig } from "../../src/config/parseConfig";
import { setupOptions } from "../../src/model/resourceOptions";
import { EVERYONE_GROUP_ID, lookedUpUserId } from "../../src/okta/ids";
import { AppWiring, Declared, declared, only } from "../helpers/declared";
import { ORG_NAME, STACK, TESTER, TEST_LOGIN } from "../helpers/stackConfig";
import { mockedOrg } from "../helpers/mockedOrg";
import { RULE_FOR, SPEC_VARIANTS, isPrimaryFactor, specAppGrants, specInventory, specVariant } from "../helpers/spec";
import { CATCH_ALL, COMPONENT, LOOKUP, OKTA, ORG_SETTINGS, RANDOM_PASSWORD, tokenOf } from "../helpers/tokens";

const ORG_URL = `https://${ORG_NAME}.okta.com`;
const ALL_IDS = SPEC_VARIANTS.map((row) => row.id);
const DISTINCT_AUTHENTICATORS = new Set(SPEC_VARIANTS.map((row) => row.authenticatorKey)).size;
const sorted = (items: readonly unknown[]) => [...(items as string[])].sort();
const appsOutput = (stack: Declared) => stack.outputs.apps as DeclaredApp[];

/** One evaluation per row of the spec's variant table, one test per §2 step it needs. */
describe.each(SPEC_VARIANTS)("$id alone, on the org authorization server", (row) => {
  let stack: Declared;
  let wiring: AppWiring;
  beforeAll(async () => {
    stack = await declared({ variants: [row.id], testUser: TESTER });
    wiring = stack.app(stack.one(OKTA.app).inputs.label as string);
  });

  it("declares exactly the Okta objects §2 lists for it", () => {
    expect(stack.inventory()).toEqual(specInventory({ authenticators: 1, apps: 1, primaryFactor: isPrimaryFactor(row) }));
  });

  it(`enables ${row.authenticatorKey}, ACTIVE and enrollable (OPTIONAL by default)`, () => {
    expect(stack.all(OKTA.authenticator).map((a) => [a.inputs.key, a.inputs.status])).toEqual([[row.authenticatorKey, "ACTIVE"]]);
    expect(stack.enrollment()).toEqual([expect.objectContaining({ key: row.authenticatorKey, enroll: "OPTIONAL" })]);
  });

  it("declares a native public client with PKCE ticking authorization_code and the grants §1 lists", () => {
    expect(wiring.app.inputs).toMatchObject({
      type: "native",
      tokenEndpointAuthMethod: "none",
      pkceRequired: true,
      redirectUris: ["com.example.directauth:/callback"],
    });
    expect(sorted(wiring.app.inputs.grantTypes as string[])).toEqual(sorted(specAppGrants([row])));
  });

  it("assigns the app to the Everyone group the lookup found", () => {
    expect(wiring.assignments.map((a) => a.inputs.groupId)).toEqual([EVERYONE_GROUP_ID]);
  });

  it("authenticates the app with its own policy, under the guide's name, catch-all DENY", () => {
    expect(wiring.policy.inputs).toMatchObject({ name: row.policyName, description: expect.stringMatching(/\S/), catchAll: false });
  });

  it(`lets the test user in with "${row.mustAuthenticateWith}"`, () => {
    expect(only(wiring.rules, "rule").inputs).toMatchObject({
      name: row.ruleName,
      access: "ALLOW",
      status: "ACTIVE",
      usersIncluded: [lookedUpUserId(TEST_LOGIN)],
      ...RULE_FOR[row.mustAuthenticateWith],
    });
  });

  it("looks up the Everyone group and the test user once each, and no authorization server", () => {
    expect(stack.lookups(LOOKUP.everyoneGroup)).toHaveLength(1);
    expect(stack.lookups(LOOKUP.user)).toHaveLength(1);
    expect(stack.lookups(LOOKUP.authorizationServer)).toHaveLength(0);
    expect(stack.evaluation.invokes).toHaveLength(2);
  });

  it("outputs the org issuer, its app's client id and grants, the test user's login, phone channels for phone variants and the kind of Okta Verify for push ones", () => {
    expect(stack.outputs).toEqual({
      issuer: ORG_URL,
      apps: [{ name: wiring.app.inputs.label, clientId: wiring.app.state.clientId, variants: [row.id], grantTypes: expect.any(Array) }],
      testUserLogin: TEST_LOGIN,
      ...(row.authenticatorKey === "phone_number" ? { phoneChannels: ["sms"] } : {}),
      ...(row.authenticatorKey === "okta_verify" ? { oktaVerify: "classic" } : {}),
    });
    expect(sorted(appsOutput(stack)[0].grantTypes)).toEqual(sorted(specAppGrants([row])));
  });
});

describe("all eight variants, one app each", () => {
  let stack: Declared;
  beforeAll(async () => {
    stack = await declared({ variants: ALL_IDS, testUser: TESTER });
  });

  it("declares shared objects once: each authenticator, the enrollment setting and the 1FA session policy", () => {
    expect(stack.inventory()).toEqual(specInventory({ authenticators: DISTINCT_AUTHENTICATORS, apps: 8, primaryFactor: true }));
  });

  it("looks up the Everyone group and the test user once for all apps", () => {
    expect(stack.lookups(LOOKUP.everyoneGroup)).toHaveLength(1);
    expect(stack.lookups(LOOKUP.user)).toHaveLength(1);
  });

  it("gives each app a sign-in policy of its own, with one test-user rule", () => {
    const policies = appsOutput(stack).map(({ name }) => {
      const { policy, rules, assignments } = stack.app(name);
      expect(rules).toHaveLength(1);
      expect(assignments).toHaveLength(1);
      return policy.id;
    });
    expect(new Set(policies).size).toBe(8);
  });

  it("outputs every app in the configured order with its own client id and the grants of its variant", () => {
    const apps = appsOutput(stack);
    expect(apps.map((a) => a.variants)).toEqual(ALL_IDS.map((id) => [id]));
    expect(apps.map((a) => a.clientId)).toEqual(apps.map((a) => stack.app(a.name).app.state.clientId));
    expect(new Set(apps.map((a) => a.clientId)).size).toBe(8);
    for (const app of apps) expect(sorted(app.grantTypes)).toEqual(sorted(specAppGrants([specVariant(app.variants[0])])));
  });
});

describe("grouped apps (1FA and MFA apart) on the default custom authorization server", () => {
  const MFA = { name: "Direct Auth MFA", variants: ["mfa-otp", "mfa-oob-okta-verify", "mfa-oob-phone"] };
  const PRIMARY = { name: "Direct Auth 1FA", variants: ["otp", "oob-okta-verify", "oob-phone", "oob-email"] };
  let stack: Declared;
  beforeAll(async () => {
    stack = await declared({ apps: [MFA, PRIMARY], authorizationServer: "default", testUser: TESTER });
  });

  it("declares two apps, their policies, the shared objects once and the access policy", () => {
    expect(stack.inventory()).toEqual(
      specInventory({ authenticators: DISTINCT_AUTHENTICATORS, apps: 2, primaryFactor: true, customServer: true }),
    );
  });

  it.each([MFA, PRIMARY])("$name: grants of all its variants and one rule for their shared factor mode", (group) => {
    const rows = group.variants.map(specVariant);
    const { app, rules } = stack.app(group.name);
    expect(sorted(app.inputs.grantTypes as string[])).toEqual(sorted(specAppGrants(rows)));
    const expected = RULE_FOR[rows[0].mustAuthenticateWith];
    expect(rules).toEqual([expect.objectContaining({ inputs: expect.objectContaining(expected) })]);
  });

  it("opens the custom server's access policy to both apps' client ids", () => {
    const clientIds = [MFA, PRIMARY].map((group) => stack.app(group.name).app.state.clientId);
    expect(sorted(stack.one(OKTA.serverPolicy).inputs.clientWhitelists as string[])).toEqual(sorted(clientIds));
  });

  it("outputs the custom issuer and both apps with their variants", () => {
    expect(stack.outputs.issuer).toBe(`${ORG_URL}/oauth2/default`);
    expect(appsOutput(stack).map(({ name, variants }) => ({ name, variants }))).toEqual([MFA, PRIMARY]);
  });
});

/** Which component (guide step) each kind of object belongs under. */
const STEP_OF: Record<string, string> = {
  [OKTA.authenticator]: COMPONENT.authenticators,
  [ORG_SETTINGS]: COMPONENT.authenticators,
  [CATCH_ALL]: COMPONENT.appSignInPolicy,
  [OKTA.app]: COMPONENT.nativeApp,
  [OKTA.groupAssignment]: COMPONENT.nativeApp,
  [OKTA.appSignOnPolicy]: COMPONENT.appSignInPolicy,
  [OKTA.appSignOnPolicyRule]: COMPONENT.appSignInPolicy,
  [OKTA.group]: COMPONENT.sessionPolicy,
  [OKTA.groupMemberships]: COMPONENT.sessionPolicy,
  [OKTA.sessionPolicy]: COMPONENT.sessionPolicy,
  [OKTA.sessionPolicyRule]: COMPONENT.sessionPolicy,
  [OKTA.serverPolicy]: COMPONENT.authorizationServerAccess,
  [OKTA.serverPolicyRule]: COMPONENT.authorizationServerAccess,
  [OKTA.user]: COMPONENT.testUser,
  [RANDOM_PASSWORD]: COMPONENT.testUser,
};

describe("component structure", () => {
  let stack: Declared;
  beforeAll(async () => {
    stack = await declared({ variants: ALL_IDS, authorizationServer: "Direct Auth AS", testUser: { ...TESTER, create: true } });
  });

  it("puts every object under the component of its guide step", () => {
    const custom = stack.resources.filter((r) => r.custom);
    expect(new Set(custom.map(tokenOf))).toEqual(new Set(Object.keys(STEP_OF)));
    for (const r of custom) {
      expect({ type: tokenOf(r), parentType: r.parentType }).toEqual({ type: tokenOf(r), parentType: STEP_OF[tokenOf(r)] });
    }
  });

  it("nests each step's component directly under the setup, the program's only top-level resource", () => {
    const components = stack.resources.filter((r) => !r.custom);
    expect(components.filter((c) => c.parentType === undefined).map((c) => c.type)).toEqual([COMPONENT.setup]);
    for (const c of components.filter((c) => c.type !== COMPONENT.setup)) expect(c.parentType).toBe(COMPONENT.setup);
    for (const c of components) expect(c.type).toMatch(/^okta-direct-auth:[a-z]+:[A-Z][A-Za-z]+$/);
  });

  it("derives every resource name from the setup's name", () => {
    const setup = stack.one(COMPONENT.setup);
    for (const r of stack.resources) expect(r.name.startsWith(setup.name)).toBe(true);
  });

  it("registers no two resources under one URN", () => {
    const urns = stack.resources.map((r) => r.urn);
    expect(new Set(urns).size).toBe(urns.length);
  });
});

describe("DirectAuthSetup with an explicit Okta provider", () => {
  it("passes it to every Okta resource and lookup, and two setups in one stack do not collide", async () => {
    const org = await mockedOrg({});
    const config = parseConfig({ variants: ["otp", "mfa-otp", "oob-phone"], authorizationServer: "Direct Auth AS", testUser: TESTER });
    await pulumi.runtime.runInPulumiStack(async () => {
      const provider = new okta.Provider("customer-org", { orgName: ORG_NAME });
      for (const name of ["blue", "green"]) {
        const args = { config, orgUrl: ORG_URL, stackName: STACK, connection: { orgUrl: ORG_URL } };
        new DirectAuthSetup(name, args, setupOptions(false, provider));
      }
      return {};
    });
    const registered = (await org.registered()).filter((r) => !r.type.startsWith("pulumi:"));
    const viaProvider = /[:$]pulumi:providers:okta::customer-org::/;

    const oktaResources = registered.filter((r) => r.type.startsWith("okta:"));
    expect(oktaResources.length).toBeGreaterThan(0);
    for (const r of oktaResources) {
      expect({ name: r.name, provider: r.provider }).toEqual({ name: r.name, provider: expect.stringMatching(viaProvider) });
    }
    const oktaLookups = org.calls.filter((c) => c.token.startsWith("okta:"));
    const oneSetsLookups = [LOOKUP.authorizationServer, LOOKUP.everyoneGroup, LOOKUP.user];
    expect(oktaLookups.map((c) => c.token).sort()).toEqual([...oneSetsLookups, ...oneSetsLookups].sort());
    for (const c of oktaLookups) expect(c.provider).toMatch(viaProvider);

    const keys = registered.map((r) => `${r.type}::${r.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    const blue = registered.filter((r) => r.name.startsWith("blue"));
    const green = registered.filter((r) => r.name.startsWith("green"));
    expect(blue.length + green.length).toBe(registered.length);
    expect(blue.length).toBe(green.length);
  });
});
