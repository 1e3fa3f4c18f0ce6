import { describe, expect, it } from "vitest";
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
