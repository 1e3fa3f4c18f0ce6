import { beforeAll, describe, expect, it } from "vitest";
import { Declared, declared, only } from "../helpers/declared";
import { TESTER } from "../helpers/stackConfig";
import { COMPONENT, OKTA } from "../helpers/tokens";

let stack: Declared;

beforeAll(async () => {
  stack = await declared({ variants: ["otp", "mfa-otp"], testUser: { ...TESTER, create: true }, authorizationServer: "default" });
});

/** The names of what one registration waits for (the engine creates those first and deletes them last). */
function waitsFor(type: string, name: string): string[] {
  const resource = only(stack.resources.filter((r) => r.type === type && r.name === name), `${type} ${name}`);
  return resource.options!.dependencies.map((urn) => urn.slice(urn.lastIndexOf("::") + 2)).sort();
}

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
