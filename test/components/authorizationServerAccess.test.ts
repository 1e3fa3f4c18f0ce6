import { beforeAll, describe, expect, it } from "vitest";
import { DeclaredApp } from "../../components/directAuthSetup";
import { isAuthorizationServerId } from "../../components/authorizationServerAccess";
import { Declared, declared } from "../helpers/declared";
import { ORG_NAME, STACK, TESTER } from "../helpers/stackConfig";
import { DIRECT_AUTH_SCOPES, SPEC_VARIANTS, specAppGrants } from "../helpers/spec";
import { LOOKUP, OKTA } from "../helpers/tokens";

const ORG_URL = `https://${ORG_NAME}.okta.com`;
const ALL_IDS = SPEC_VARIANTS.map((row) => row.id);
const sorted = (items: unknown) => [...(items as string[])].sort();

describe("a custom authorization server named by its name", () => {
  let stack: Declared;
  beforeAll(async () => {
    stack = await declared({ variants: ALL_IDS, authorizationServer: "Direct Auth AS", testUser: TESTER });
  });

  it("is looked up once, and the policy and rule attach to the id found", () => {
    expect(stack.lookups(LOOKUP.authorizationServer).map((l) => l.args)).toEqual([{ name: "Direct Auth AS" }]);
    const serverId = stack.one(OKTA.serverPolicy).inputs.authServerId as string;
    expect(serverId).toMatch(/^aus[0-9A-Za-z]{17}$/);
    expect(stack.one(OKTA.serverPolicyRule).inputs.authServerId).toBe(serverId);
    expect(stack.outputs.issuer).toBe(`${ORG_URL}/oauth2/${serverId}`);
  });

  it("gets one access policy of ours, assigned to all our apps' client ids", () => {
    const policy = stack.one(OKTA.serverPolicy);
    const clientIds = (stack.outputs.apps as DeclaredApp[]).map((a) => a.clientId);
    expect(sorted(policy.inputs.clientWhitelists)).toEqual(sorted(clientIds));
    expect(policy.inputs).toMatchObject({ status: "ACTIVE", name: expect.stringContaining(STACK) });
    expect(policy.inputs.description).toBe("Direct Authentication apps: allows the grant types their flows use");
  });

  it("with one rule allowing exactly the union of the apps' grants, password included, for everyone", () => {
    const rule = stack.one(OKTA.serverPolicyRule);
    expect(rule.inputs.policyId).toBe(stack.one(OKTA.serverPolicy).id);
    expect(sorted(rule.inputs.grantTypeWhitelists)).toEqual(sorted(specAppGrants(SPEC_VARIANTS)));
    expect(rule.inputs.grantTypeWhitelists).toContain("password");
    expect(sorted(rule.inputs.scopeWhitelists)).toEqual(sorted(DIRECT_AUTH_SCOPES));
    expect(rule.inputs.groupWhitelists).toEqual(["EVERYONE"]);
    expect(rule.inputs.status).toBe("ACTIVE");
    expect(rule.inputs.name).toBe("Direct Auth grants");
  });
});

describe.each([
  ["default", "Okta's alias for the default server"],
  ["aus1a2b3c4d5e6f7g8h9", "an authorization server id"],
])("a custom authorization server given as %s (%s)", (ref) => {
  let stack: Declared;
  beforeAll(async () => {
    stack = await declared({ variants: ["otp", "mfa-otp"], authorizationServer: ref, testUser: TESTER });
  });

  it("is used as it is, without a lookup", () => {
    expect(stack.lookups(LOOKUP.authorizationServer)).toEqual([]);
    expect(stack.one(OKTA.serverPolicy).inputs.authServerId).toBe(ref);
    expect(stack.one(OKTA.serverPolicyRule).inputs.authServerId).toBe(ref);
    expect(stack.outputs.issuer).toBe(`${ORG_URL}/oauth2/${ref}`);
  });

  it("allows only the grants these apps use", () => {
    expect(sorted(stack.one(OKTA.serverPolicyRule).inputs.grantTypeWhitelists)).toEqual(
      sorted(specAppGrants(SPEC_VARIANTS.filter((row) => row.id === "otp" || row.id === "mfa-otp"))),
    );
  });
});

describe("the org authorization server", () => {
  it("gets no access policy, and no lookup (Identity Engine configures it)", async () => {
    const stack = await declared({ variants: ["otp", "mfa-oob-phone"], authorizationServer: "org", testUser: TESTER });
    expect(stack.all(OKTA.serverPolicy)).toEqual([]);
    expect(stack.all(OKTA.serverPolicyRule)).toEqual([]);
    expect(stack.lookups(LOOKUP.authorizationServer)).toEqual([]);
    expect(stack.outputs.issuer).toBe(ORG_URL);
  });
});

describe("isAuthorizationServerId", () => {
  it.each(["default", "aus1a2b3c4d5e6f7g8h9"])("treats %s as an id", (ref) => expect(isAuthorizationServerId(ref)).toBe(true));
  it.each(["Default", "My Server", "aus123", "0oa1a2b3c4d5e6f7g8h9", "Team aus1a2b3c4d5e6f7g8h9", "aus1a2b3c4d5e6f7g8h9 staging"])("treats %s as a name to look up", (ref) =>
    expect(isAuthorizationServerId(ref)).toBe(false),
  );
});
