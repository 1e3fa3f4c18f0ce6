import { beforeAll, describe, expect, it } from "vitest";
import { evaluateProgram } from "../../src/evaluate/evaluateProgram";
import { defineDirectAuthProgram } from "../../src/program";
import { tapComponentOutputs } from "../helpers/componentOutputs";
import { Declared } from "../helpers/declared";
import { STACK, TESTER, TEST_LOGIN, stackConfig } from "../helpers/stackConfig";
import { COMPONENT, OKTA } from "../helpers/tokens";

let outputs: Map<string, Record<string, unknown>>;
let stack: Declared;

beforeAll(async () => {
  const config = stackConfig({ variants: ["otp", "mfa-otp"], testUser: { ...TESTER, create: true }, authorizationServer: "default" });
  const evaluation = await evaluateProgram({
    stack: STACK,
    config,
    program: () => {
      outputs = tapComponentOutputs();
      return defineDirectAuthProgram();
    },
  });
  stack = new Declared(evaluation);
});

/** The outputs one component registered; each component type appears once in this stack unless named. */
function outputsOf(type: string, name?: string): Record<string, unknown> {
  const found = [...outputs].filter(([key]) => key.startsWith(`${type}::`) && (name === undefined || key === `${type}::${name}`));
  expect(found).toHaveLength(1);
  return found[0][1];
}

// The engine keeps these in the stack's state (`pulumi stack output` of a component, the Console's view).
describe("each guide step's component registers its outputs", () => {
  it("the test user: the user's id and login", () => {
    expect(outputsOf(COMPONENT.testUser)).toEqual({ userId: stack.one(OKTA.user).id, login: TEST_LOGIN });
  });

  it("the authenticators: the id of each one the stack turns on, by key", () => {
    expect(outputsOf(COMPONENT.authenticators)).toEqual({ authenticatorIds: { google_otp: stack.one(OKTA.authenticator).id } });
  });

  it("the test user's session policy: its group and policy ids", () => {
    expect(outputsOf(COMPONENT.sessionPolicy)).toEqual({ groupId: stack.one(OKTA.group).id, policyId: stack.one(OKTA.sessionPolicy).id });
  });

  it("each app sign-in policy: its policy id", () => {
    expect(outputsOf(COMPONENT.appSignInPolicy, "direct-auth-direct-auth-otp-policy")).toEqual({ policyId: stack.app("Direct Auth OTP").policy.id });
  });

  it("each native app: its app id and client id", () => {
    const app = stack.app("Direct Auth MFA OTP").app;
    expect(outputsOf(COMPONENT.nativeApp, "direct-auth-direct-auth-mfa-otp")).toEqual({ appId: app.id, clientId: app.state.clientId });
  });

  it("the authorization server's access: the server and its issuer", () => {
    expect(outputsOf(COMPONENT.authorizationServerAccess)).toEqual({
      authServerId: "default",
      issuer: "https://dev-123456.okta.com/oauth2/default",
    });
  });

  it("the setup: the issuer, each app's client and grants, the test user's login, and not its password", () => {
    expect(outputsOf(COMPONENT.setup)).toEqual({
      issuer: "https://dev-123456.okta.com/oauth2/default",
      apps: [
        {
          name: "Direct Auth OTP",
          clientId: stack.app("Direct Auth OTP").app.state.clientId,
          variants: ["otp"],
          grantTypes: ["authorization_code", "urn:okta:params:oauth:grant-type:otp"],
        },
        {
          name: "Direct Auth MFA OTP",
          clientId: stack.app("Direct Auth MFA OTP").app.state.clientId,
          variants: ["mfa-otp"],
          grantTypes: ["authorization_code", "password", "http://auth0.com/oauth/grant-type/mfa-otp"],
        },
      ],
      testUserLogin: TEST_LOGIN,
    });
  });
});
