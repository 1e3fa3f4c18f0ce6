import { beforeAll, describe, expect, it } from "vitest";
import { SECRET_MASK } from "../../src/evaluate/evaluateProgram";
import { lookedUpUserId } from "../../src/okta/ids";
import { Declared, declared } from "../helpers/declared";
import { TESTER, TEST_LOGIN } from "../helpers/stackConfig";
import { LOOKUP, OKTA, RANDOM_PASSWORD } from "../helpers/tokens";

describe("an existing test user", () => {
  let stack: Declared;
  beforeAll(async () => {
    stack = await declared({ variants: ["otp", "mfa-otp"], testUser: TESTER });
  });

  it("is looked up once by login, and nothing is created", () => {
    expect(stack.lookups(LOOKUP.user).map((l) => l.args.searches)).toEqual([[{ name: "profile.login", value: TEST_LOGIN }]]);
    expect(stack.all(OKTA.user)).toEqual([]);
    expect(stack.all(RANDOM_PASSWORD)).toEqual([]);
  });

  it("is looked up without its groups and roles, which the provider would read with calls of their own", () => {
    expect(stack.lookups(LOOKUP.user).map((l) => [l.args.skipGroups, l.args.skipRoles])).toEqual([[true, true]]);
  });

  it("is named in the policies by the id the lookup found", () => {
    const ids = [...stack.all(OKTA.appSignOnPolicyRule), ...stack.all(OKTA.groupMemberships)].map(
      (r) => r.inputs.usersIncluded ?? r.inputs.users,
    );
    expect(ids).toEqual([[lookedUpUserId(TEST_LOGIN)], [lookedUpUserId(TEST_LOGIN)], [lookedUpUserId(TEST_LOGIN)]]);
  });

  it("gives its login as an output, and no password", () => {
    expect(stack.outputs.testUserLogin).toBe(TEST_LOGIN);
    expect(stack.outputs).not.toHaveProperty("testUserPassword");
    expect(stack.evaluation.secretOutputs.size).toBe(0);
  });
});

describe("a test user the stack creates", () => {
  let stack: Declared;
  beforeAll(async () => {
    stack = await declared({ variants: ["otp"], testUser: { login: TEST_LOGIN, create: true, firstName: "Ada", lastName: "Tester" } });
  });

  it("is created with a generated password, and not looked up", () => {
    expect(stack.lookups(LOOKUP.user)).toEqual([]);
    // Okta's default password policy: at least 8 characters with upper, lower, digit and symbol.
    expect(stack.one(RANDOM_PASSWORD).inputs).toEqual({
      length: 24,
      special: true,
      minLower: 2,
      minUpper: 2,
      minNumeric: 2,
      minSpecial: 2,
      overrideSpecial: "!#%*-_=+",
    });
    expect(stack.one(OKTA.user).inputs).toEqual({
      login: TEST_LOGIN,
      email: TEST_LOGIN,
      firstName: "Ada",
      lastName: "Tester",
      password: SECRET_MASK,
    });
  });

  it("gives its password only as a secret output", () => {
    expect(stack.outputs.testUserLogin).toBe(TEST_LOGIN);
    expect(stack.outputs.testUserPassword).toBe(SECRET_MASK);
    const password = stack.evaluation.secretOutputs.get("testUserPassword");
    expect(password).toEqual(expect.any(String));
    expect(password).toHaveLength(24);
    for (const characterClass of [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/]) expect(password).toMatch(characterClass);
    expect(JSON.stringify(stack.evaluation)).not.toContain(password as string);
  });
});
