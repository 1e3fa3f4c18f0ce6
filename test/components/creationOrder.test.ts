import { beforeAll, describe, expect, it } from "vitest";
import { evaluateProgram } from "../../src/evaluate/evaluateProgram";
import { defineDirectAuthProgram } from "../../src/program";
import { nameOf, tapDependencies } from "../helpers/registeredDependencies";
import { STACK, TESTER, stackConfig } from "../helpers/stackConfig";
import { COMPONENT, OKTA } from "../helpers/tokens";

let dependencies: Map<string, string[]>;

beforeAll(async () => {
  await evaluateProgram({
    stack: STACK,
    config: stackConfig({ variants: ["otp", "mfa-otp"], testUser: { ...TESTER, create: true }, authorizationServer: "default" }),
    program: () => {
      dependencies = tapDependencies();
      return defineDirectAuthProgram();
    },
  });
});

/** The names of what one registration waits for (the engine creates those first and deletes them last). */
const waitsFor = (type: string, name: string) => (dependencies.get(`${type}::${name}`) ?? []).map(nameOf).sort();

// A component's children register only once the component has, and the component only once what it
// depends on exists: so these lists are the order `pulumi up` writes to the org in.
describe("what waits for the org-settings check, which refuses the wrong kind of org before any write", () => {
  it.each([
    [COMPONENT.testUser, "direct-auth-test-user"],
    [COMPONENT.sessionPolicy, "direct-auth-session"],
    [COMPONENT.appSignInPolicy, "direct-auth-direct-auth-otp-policy"],
    [COMPONENT.authorizationServerAccess, "direct-auth-authorization-server"],
    [OKTA.authenticator, "direct-auth-authenticators-google-otp"],
  ])("%s %s", (type, name) => {
    expect(waitsFor(type, name)).toEqual(["direct-auth-authenticators-org-settings"]);
  });
});

describe("each native app", () => {
  it("waits for the authenticators its grants need, so Okta takes the grant types", () => {
    expect(waitsFor(COMPONENT.nativeApp, "direct-auth-direct-auth-otp")).toEqual([
      "direct-auth-authenticators-google-otp",
      "direct-auth-authenticators-org-settings",
    ]);
  });
});
