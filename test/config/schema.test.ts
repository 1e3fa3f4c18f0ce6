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

  it.each(["com.example.directauth:/callback", "https://app.example.com/callback", "myapp://done"])(
    "takes %s as a redirect URI",
    (redirectUri) => {
      expect(rawConfigSchema.safeParse({ ...base, redirectUri }).success).toBe(true);
    },
  );

  it.each(["callback", "/callback"])("refuses %s as a redirect URI (no scheme)", (redirectUri) => {
    expect(rawConfigSchema.safeParse({ ...base, redirectUri }).success).toBe(false);
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
