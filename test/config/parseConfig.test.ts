import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/configError";
import { parseConfig } from "../../src/config/parseConfig";
import { BAD_CONFIGS, expectReported } from "../helpers/badConfigs";
import { TESTER } from "../helpers/stackConfig";
import { SPEC_VARIANTS } from "../helpers/spec";

function errorOf(values: Record<string, unknown>): unknown {
  try {
    parseConfig(values);
  } catch (error) {
    return error;
  }
  throw new Error("parseConfig accepted the config");
}

describe("parseConfig rejects", () => {
  it.each(BAD_CONFIGS.filter((bad) => !bad.okta))("$case", (bad) => {
    expectReported(errorOf(bad.values), bad);
  });

  it("every problem of one config at once, so one run shows them all", () => {
    const error = errorOf({ variants: ["otp", "otp", "oob-phon"], testUser: { login: "tester" }, enrollment: "optional" }) as ConfigError;
    expect(error.problems.map((p) => p.key).sort()).toEqual([
      "okta-direct-auth:enrollment",
      "okta-direct-auth:testUser.login",
      "okta-direct-auth:variants[1]",
      "okta-direct-auth:variants[2]",
    ]);
  });

  it("a wrong type with the value given, not as if it were missing", () => {
    const error = errorOf({ variants: "otp", testUser: TESTER }) as ConfigError;
    expect(error.problems).toEqual([expect.objectContaining({ key: "okta-direct-auth:variants", problem: 'expected array, got "otp"' })]);
  });

  it("an overlong login as its length alone, without running the login pattern over it", () => {
    const error = errorOf({ variants: ["otp"], testUser: { login: `${"a.".repeat(50_000)}@` } }) as ConfigError;
    expect(error.problems.map((p) => p.problem)).toEqual(["is 100001 characters long; at most 100"]);
  });

  it.each([
    ["20,000 copies of a variant", { variants: Array(20_000).fill("otp") }],
    ["20,000 unknown variants", { variants: Array.from({ length: 20_000 }, (_, i) => `v${i}`) }],
    ["20,000 apps with an unknown variant", { apps: Array(20_000).fill({ name: "Direct Auth", variants: ["otq"] }) }],
  ])("%s as one short problem", (_, values) => {
    const error = errorOf({ ...values, testUser: TESTER }) as ConfigError;
    expect(error.problems).toHaveLength(1);
    expect(error.message.split("\n").length).toBeLessThanOrEqual(4);
  });

  it.each([
    ["at the top level", (keys: Record<string, unknown>) => ({ variants: ["otp"], testUser: TESTER, ...keys }), "okta-direct-auth:k0"],
    ["in the test user", (keys: Record<string, unknown>) => ({ variants: ["otp"], testUser: { ...TESTER, ...keys } }), "okta-direct-auth:testUser.k0"],
  ])("20,000 unknown keys %s as one problem", (_, configWith, key) => {
    const keys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]));
    const error = errorOf(configWith(keys)) as ConfigError;
    expect(error.problems).toEqual([expect.objectContaining({ key, problem: '20,000 unknown keys: "k0", "k1", "k2" and 19,997 more' })]);
  });

  it("a variant list nested 200,000 deep, as a problem rather than a stack overflow", () => {
    const deep = JSON.parse(`${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    const error = errorOf({ variants: deep, testUser: TESTER }) as ConfigError;
    expect(error.problems).toEqual([
      expect.objectContaining({ key: "okta-direct-auth:variants[0]", problem: "expected string, got a list nested too deeply to show" }),
    ]);
  });

  it("two app names that would give the same resource names", () => {
    const apps = [
      { name: "Push App", variants: ["oob-okta-verify"] },
      { name: "push-app", variants: ["oob-phone"] },
    ];
    const error = errorOf({ apps, testUser: TESTER }) as ConfigError;
    expect(error.problems).toEqual([
      expect.objectContaining({ key: "okta-direct-auth:apps[1].name", problem: '"push-app" names the same app as "Push App"' }),
    ]);
  });
});

describe("parseConfig rejects, word for word", () => {
  const problemsOf = (values: Record<string, unknown>) => (errorOf(values) as ConfigError).problems.map((p) => `${p.key}: ${p.problem}`);

  it("a missing or null test user as required or of the wrong type", () => {
    expect(problemsOf({ variants: ["otp"] })).toEqual(["okta-direct-auth:testUser: required"]);
    expect(problemsOf({ variants: ["otp"], testUser: null })).toEqual(["okta-direct-auth:testUser: expected object, got null"]);
  });

  it("an unknown top-level key like none of ours, with the list of keys and how to remove it", () => {
    expect((errorOf({ variants: ["otp"], testUser: TESTER, zzzzzzzzz: 1 }) as ConfigError).problems).toEqual([
      {
        key: "okta-direct-auth:zzzzzzzzz",
        problem: "unknown key",
        expected: "one of: variants, apps, authorizationServer, testUser, enrollment, catchAll, redirectUri, phoneChannels, oktaVerify, protect, names",
        example: "pulumi config rm okta-direct-auth:zzzzzzzzz",
      },
    ]);
  });

  it.each([
    [
      "an app",
      { apps: [{ name: "Direct Auth", variants: ["otp"], nmae: "x" }], testUser: TESTER },
      "okta-direct-auth:apps[0].nmae",
      'unknown key; did you mean "name"?',
      "one of: name, variants",
      "pulumi config set --path 'okta-direct-auth:apps[0].name' 'Direct Auth MFA' && pulumi config set --path 'okta-direct-auth:apps[0].variants[0]' mfa-otp",
    ],
    [
      "the names",
      { variants: ["otp"], testUser: TESTER, names: { sesionPolicy: "x" } },
      "okta-direct-auth:names.sesionPolicy",
      'unknown key; did you mean "sessionPolicy"?',
      "one of: sessionGroup, sessionPolicy, authorizationServerPolicy",
      "pulumi config set --path 'okta-direct-auth:names.sessionPolicy' 'Direct Auth 1FA sessions'",
    ],
    [
      "the test user",
      { variants: ["otp"], testUser: { ...TESTER, crate: true } },
      "okta-direct-auth:testUser.crate",
      'unknown key; did you mean "create"?',
      "one of: login, create, firstName, lastName",
      "pulumi config set --path 'okta-direct-auth:testUser.login' tester@example.com",
    ],
  ])("an unknown key in %s, with that object's keys and the help of the key it sits under", (_, values, key, problem, expected, example) => {
    expect((errorOf(values) as ConfigError).problems).toEqual([{ key, problem, expected, example }]);
  });

  it("an unknown variant like none, without a guess", () => {
    expect(problemsOf({ variants: ["zzzz"], testUser: TESTER })).toEqual(['okta-direct-auth:variants[0]: unknown variant "zzzz"']);
  });

  it("an unknown variant in a full list of eight variants", () => {
    const variants = ["otp", "mfa-otp", "oob-okta-verify", "mfa-oob-okta-verify", "oob-phone", "mfa-oob-phone", "oob-email", "otq"];
    expect(problemsOf({ variants, testUser: TESTER })).toEqual(['okta-direct-auth:variants[7]: unknown variant "otq"; did you mean "otp"?']);
  });

  it("an unknown variant in the eighth of eight apps", () => {
    const ids = ["otp", "mfa-otp", "oob-okta-verify", "mfa-oob-okta-verify", "oob-phone", "mfa-oob-phone", "oob-email", "otq"];
    const apps = ids.map((id, i) => ({ name: `App ${i + 1}`, variants: [id] }));
    expect(problemsOf({ apps, testUser: TESTER })).toEqual(['okta-direct-auth:apps[7].variants[0]: unknown variant "otq"; did you mean "otp"?']);
  });

  it("nine apps as one problem about the list", () => {
    const apps = Array.from({ length: 9 }, (_, i) => ({ name: `App ${i + 1}`, variants: ["otp"] }));
    expect(problemsOf({ apps, testUser: TESTER })).toEqual(["okta-direct-auth:apps: has 9 entries; at most 8"]);
  });

  it("an app that is no object, or whose variants are no list, as a wrong type", () => {
    expect(problemsOf({ apps: [null], testUser: TESTER })).toEqual(["okta-direct-auth:apps[0]: expected object, got null"]);
    expect(problemsOf({ apps: [{ name: "Direct Auth", variants: "otp" }], testUser: TESTER })).toEqual([
      'okta-direct-auth:apps[0].variants: expected array, got "otp"',
    ]);
  });

  it("an app named without a letter or digit", () => {
    expect(problemsOf({ apps: [{ name: "!!!", variants: ["otp"] }], testUser: TESTER })).toEqual([
      'okta-direct-auth:apps[0].name: "!!!" has no letters or digits',
    ]);
  });

  it("an app mixing factor modes, naming every variant of each mode", () => {
    expect(problemsOf({ apps: [{ name: "Mixed", variants: ["otp", "oob-email", "mfa-otp"] }], testUser: TESTER })).toEqual([
      'okta-direct-auth:apps[0].variants: app "Mixed" mixes primary-factor (1FA): otp, oob-email with MFA (2FA): mfa-otp. ' +
        'One sign-in policy rule cannot serve both: with "Any 1 factor type" the password alone satisfies the policy, so the ' +
        "MFA flows would get tokens from the password grant and never mfa_required. Put them on separate apps",
    ]);
  });

  it("an invisible character in a key it does not know, naming the key", () => {
    expect(problemsOf({ variants: ["otp"], testUser: TESTER, colour: "r\u200bed" })).toEqual([
      "okta-direct-auth:colour: unknown key",
      "okta-direct-auth:colour: contains an invisible or control character (U+200B at position 2); type the value again without it",
    ]);
  });
});

describe("parseConfig accepts", () => {
  it("a variant list as one app per variant, in the configured order, each with its guide policy", () => {
    const ids = ["mfa-otp", "otp"];
    const config = parseConfig({ variants: ids, testUser: TESTER });
    expect(config.apps.map((a) => a.variants.map((v) => v.id))).toEqual([["mfa-otp"], ["otp"]]);
    expect(config.apps.map((a) => a.policyName)).toEqual(ids.map((id) => SPEC_VARIANTS.find((row) => row.id === id)!.policyName));
  });

  it("grouped apps with their names and a factor mode each", () => {
    const config = parseConfig({
      apps: [
        { name: "Direct Auth MFA", variants: ["mfa-otp", "mfa-oob-okta-verify"] },
        { name: "Direct Auth 1FA", variants: ["otp", "oob-email"] },
      ],
      testUser: TESTER,
    });
    expect(config.apps.map((a) => [a.name, a.factorMode, a.variants.map((v) => v.id)])).toEqual([
      ["Direct Auth MFA", "2FA", ["mfa-otp", "mfa-oob-okta-verify"]],
      ["Direct Auth 1FA", "1FA", ["otp", "oob-email"]],
    ]);
  });

  it("app names at Okta's 100-character label limit, whose derived policy names stay within Okta's 255", () => {
    const name = (c: string) => c.repeat(100);
    const config = parseConfig({
      apps: [
        { name: name("a"), variants: ["oob-okta-verify"] },
        { name: name("b"), variants: ["oob-phone"] },
        { name: name("c"), variants: ["otp", "oob-email"] },
      ],
      testUser: TESTER,
    });
    expect(config.apps.map((a) => a.policyName)).toEqual([
      expect.stringContaining(`(${name("a")})`),
      expect.stringContaining(`(${name("b")})`),
      `${name("c")} 1FA`,
    ]);
    for (const app of config.apps) expect(app.policyName.length).toBeLessThanOrEqual(255);
  });

  it("the org authorization server unless a custom one is named", () => {
    const server = (extra: Record<string, unknown>) => parseConfig({ variants: ["otp"], testUser: TESTER, ...extra }).authorizationServer;
    expect(server({})).toEqual({ kind: "org" });
    expect(server({ authorizationServer: "org" })).toEqual({ kind: "org" });
    expect(server({ authorizationServer: "default" })).toEqual({ kind: "custom", ref: "default" });
  });

  it("safe defaults: look the test user up, only the test-user rule allows, nothing protected", () => {
    const config = parseConfig({ variants: ["otp"], testUser: TESTER });
    expect(config.testUser.create).toBe(false);
    expect(config.catchAll).toBe("DENY");
    expect(config.enrollment).toBe("OPTIONAL");
    expect(config.protect).toBe(false);
  });
});
