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
