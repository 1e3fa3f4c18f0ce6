import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/configError";
import { parseConfig } from "../../src/config/parseConfig";
import { CONFIG_KEYS, CONFIG_NAMESPACE, KEY_HELP, rawConfigSchema, testUserSchema } from "../../src/config/schema";

const base = { variants: ["otp"], testUser: { login: "tester@example.com" } };

describe("config schema", () => {
  it("rejects keys it does not know, at the top level and inside objects", () => {
    expect(rawConfigSchema.safeParse({ ...base, varients: ["otp"] }).success).toBe(false);
    expect(testUserSchema.safeParse({ login: "tester@example.com", logn: "x" }).success).toBe(false);
  });

  it.each(["tester@example.com", "first.last+direct@sub.example.co"])("takes %s as a login", (login) => {
    expect(testUserSchema.safeParse({ login }).success).toBe(true);
  });

  it.each(["tester", "tester@example", "test er@example.com", ""])("refuses %j as a login, which would match no user", (login) => {
    expect(testUserSchema.safeParse({ login }).success).toBe(false);
  });

  it.each([
    "com.example.directauth:/callback",
    "https://app.example.com/callback",
    "myapp://done",
    "http://127.0.0.1:8080/callback",
    "http://[::1]/callback",
    "http://localhost:3000/callback",
  ])(
    "takes %s as a redirect URI",
    (redirectUri) => {
      expect(rawConfigSchema.safeParse({ ...base, redirectUri }).success).toBe(true);
    },
  );

  it.each(["callback", "/callback"])("refuses %s as a redirect URI (no scheme)", (redirectUri) => {
    expect(rawConfigSchema.safeParse({ ...base, redirectUri }).success).toBe(false);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript://%0aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "http://app.example.com/callback",
    "http://127.0.0.1.evil.example/callback",
    "http://localhost@evil.example/callback",
    "https://app.example.com/callback#x",
  ])("refuses %s as a redirect URI", (redirectUri) => {
    expect(rawConfigSchema.safeParse({ ...base, redirectUri }).success).toBe(false);
  });

  it("refuses a redirect URI longer than its limit, and says the limit", () => {
    const parsed = rawConfigSchema.safeParse({ ...base, redirectUri: `https://app.example.com/${"a".repeat(2100)}` });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["is 2124 characters long; at most 2048"]);
  });

  it("refuses phone channels the phone authenticator has no method for", () => {
    expect(rawConfigSchema.safeParse({ ...base, phoneChannels: ["sms", "voice"] }).success).toBe(true);
    expect(rawConfigSchema.safeParse({ ...base, phoneChannels: ["email"] }).success).toBe(false);
  });
});

describe("key help", () => {
  it.each(CONFIG_KEYS)("%s: says what is expected and shows a command that sets that key", (key) => {
    const help = KEY_HELP[key];
    expect(help.expected.length).toBeGreaterThan(0);
    expect(help.example).toMatch(new RegExp(`^pulumi config set .*${CONFIG_NAMESPACE}:${key}\\b`));
  });
});

describe("config values as the program reads them", () => {
  const read = (extra: Record<string, unknown>) => parseConfig({ ...base, ...extra });
  const problemsOf = (values: Record<string, unknown>) => {
    try {
      parseConfig(values);
    } catch (error) {
      return (error as ConfigError).problems.map((p) => `${p.key}: ${p.problem}`);
    }
    throw new Error("parseConfig accepted the config");
  };

  it("defaults every optional key to its documented value", () => {
    const config = read({});
    expect(config.testUser).toEqual({ login: "tester@example.com", create: false, firstName: "Direct", lastName: "Auth Tester" });
    expect(config.redirectUri).toBe("com.example.directauth:/callback");
    expect(config.phoneChannels).toEqual(["sms"]);
    expect(config.oktaVerify).toBe("classic");
    expect(config.names).toEqual({});
  });

  it("takes a test user's names of up to 50 characters, and no empty one", () => {
    const testUser = (names: Record<string, unknown>) => ({ ...base, testUser: { login: "tester@example.com", ...names } });
    expect(parseConfig(testUser({ firstName: "Ada", lastName: "L".repeat(50) })).testUser).toEqual({
      login: "tester@example.com",
      create: false,
      firstName: "Ada",
      lastName: "L".repeat(50),
    });
    expect(problemsOf(testUser({ firstName: "", lastName: "L".repeat(51) }))).toEqual([
      "okta-direct-auth:testUser.firstName: must not be empty",
      "okta-direct-auth:testUser.lastName: is 51 characters long; at most 50",
    ]);
  });

  it("refuses a login with more after the address, or none, or not text", () => {
    expect(problemsOf({ ...base, testUser: { login: "tester@example.com x" } })).toEqual([
      'okta-direct-auth:testUser.login: "tester@example.com x" is not valid',
    ]);
    expect(problemsOf({ ...base, testUser: {} })).toEqual(["okta-direct-auth:testUser.login: required"]);
    expect(problemsOf({ ...base, testUser: { login: { at: "example.com" } } })).toEqual([
      'okta-direct-auth:testUser.login: expected string, got {"at":"example.com"}',
    ]);
  });

  it("reads true and false as the text of a text key", () => {
    expect(read({ authorizationServer: true }).authorizationServer).toEqual({ kind: "custom", ref: "true" });
    expect(parseConfig({ apps: [{ name: false, variants: ["otp"] }], testUser: base.testUser }).apps[0].name).toBe("false");
  });

  it("refuses a true/false key set to other text", () => {
    expect(problemsOf({ ...base, protect: "yes" })).toEqual(['okta-direct-auth:protect: expected boolean, got "yes"']);
  });

  it("trims an app name and bounds it at Okta's 100 characters", () => {
    expect(parseConfig({ apps: [{ name: "  Direct Auth  ", variants: ["otp"] }], testUser: base.testUser }).apps[0].name).toBe("Direct Auth");
    expect(problemsOf({ apps: [{ name: "a".repeat(101), variants: ["otp"] }], testUser: base.testUser })).toEqual([
      "okta-direct-auth:apps[0].name: is 101 characters long; at most 100",
    ]);
    expect(problemsOf({ apps: [{ name: "   ", variants: ["otp"] }], testUser: base.testUser })).toEqual(["okta-direct-auth:apps[0].name: must not be empty"]);
  });

  it("trims an authorization server and bounds it at 255 characters", () => {
    expect(read({ authorizationServer: " default " }).authorizationServer).toEqual({ kind: "custom", ref: "default" });
    expect(problemsOf({ ...base, authorizationServer: "s".repeat(256) })).toEqual(["okta-direct-auth:authorizationServer: is 256 characters long; at most 255"]);
    expect(problemsOf({ ...base, authorizationServer: " " })).toEqual(["okta-direct-auth:authorizationServer: must not be empty"]);
  });

  it("takes Okta names of 1 to 255 characters, trimmed", () => {
    const names = { sessionGroup: " Sessions ", sessionPolicy: "P".repeat(255), authorizationServerPolicy: "A" };
    expect(read({ names }).names).toEqual({ sessionGroup: "Sessions", sessionPolicy: "P".repeat(255), authorizationServerPolicy: "A" });
    expect(problemsOf({ ...base, names: { sessionGroup: "", sessionPolicy: "P".repeat(256) } })).toEqual([
      "okta-direct-auth:names.sessionGroup: must not be empty",
      "okta-direct-auth:names.sessionPolicy: is 256 characters long; at most 255",
    ]);
  });

  it("takes one phone channel or both, not more", () => {
    expect(read({ phoneChannels: ["voice"] }).phoneChannels).toEqual(["voice"]);
    expect(problemsOf({ ...base, phoneChannels: ["sms", "voice", "sms"] })).toEqual(["okta-direct-auth:phoneChannels: has 3 entries; at most 2"]);
  });

  it("says why a redirect URI is refused", () => {
    expect(problemsOf({ ...base, redirectUri: "callback" })).toEqual(['okta-direct-auth:redirectUri: "callback" is not a URI with a scheme']);
  });
});
