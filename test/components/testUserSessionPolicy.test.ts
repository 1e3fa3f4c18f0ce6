import { beforeAll, describe, expect, it } from "vitest";
import { lookedUpUserId } from "../../src/okta/ids";
import { Declared, declared } from "../helpers/declared";
import { STACK, TESTER, TEST_LOGIN } from "../helpers/stackConfig";
import { SPEC_VARIANTS, isPrimaryFactor } from "../helpers/spec";
import { OKTA } from "../helpers/tokens";

const SESSION_TYPES = [OKTA.group, OKTA.groupMemberships, OKTA.sessionPolicy, OKTA.sessionPolicyRule];

describe("global session policy for primary-factor flows (reference: variants, global session policy)", () => {
  let stack: Declared;
  beforeAll(async () => {
    stack = await declared({ variants: SPEC_VARIANTS.map((row) => row.id), testUser: TESTER });
  });

  it("puts the test user, alone, in a group of this stack's", () => {
    const group = stack.one(OKTA.group);
    expect(group.inputs.name).toContain(STACK);
    expect(stack.one(OKTA.groupMemberships).inputs).toEqual({ groupId: group.id, users: [lookedUpUserId(TEST_LOGIN)] });
  });

  it("keeps the names an adopted org already has, whatever the stack is called", async () => {
    const adopted = await declared({
      variants: ["otp"],
      testUser: TESTER,
      names: { sessionGroup: "Direct Auth testers", sessionPolicy: "Direct Auth sessions", authorizationServerPolicy: "Direct Auth access" },
      authorizationServer: "default",
    });
    expect(adopted.one(OKTA.group).inputs.name).toBe("Direct Auth testers");
    expect(adopted.one(OKTA.sessionPolicy).inputs.name).toBe("Direct Auth sessions");
    expect(adopted.one(OKTA.serverPolicy).inputs.name).toBe("Direct Auth access");
    expect(stack.one(OKTA.sessionPolicy).inputs.name).toContain(STACK);
  });

  it("scopes a session policy to that group instead of editing the org's default rule", () => {
    expect(stack.one(OKTA.sessionPolicy).inputs).toMatchObject({
      groupsIncluded: [stack.one(OKTA.group).id],
      status: "ACTIVE",
      description: "Lets the Direct Authentication test user establish a session with any one factor",
    });
    expect(stack.one(OKTA.group).inputs.description).toBe(
      "Users whose sessions may start with any one factor, for Direct Authentication primary-factor flows",
    );
  });

  it('lets a session start with any factor, MFA "Not required"', () => {
    expect(stack.one(OKTA.sessionPolicyRule).inputs).toMatchObject({
      policyId: stack.one(OKTA.sessionPolicy).id,
      access: "ALLOW",
      status: "ACTIVE",
      primaryFactor: "PASSWORD_IDP_ANY_FACTOR",
      mfaRequired: false,
      name: "Any factor session",
    });
  });
});

describe("with only MFA variants", () => {
  it("leaves global session policies alone", async () => {
    const mfaOnly = SPEC_VARIANTS.filter((row) => !isPrimaryFactor(row)).map((row) => row.id);
    const stack = await declared({ variants: mfaOnly, testUser: TESTER });
    for (const type of SESSION_TYPES) expect(stack.all(type)).toEqual([]);
  });
});

describe("with one primary-factor app among MFA ones", () => {
  it("declares the session policy once", async () => {
    const stack = await declared({
      apps: [
        { name: "MFA", variants: ["mfa-otp", "mfa-oob-phone"] },
        { name: "Email", variants: ["oob-email"] },
      ],
      testUser: TESTER,
    });
    for (const type of SESSION_TYPES) expect(stack.all(type)).toHaveLength(1);
  });
});
