import { describe, expect, it } from "vitest";
import { ConfigError, keyName, problemAt } from "../../src/config/configError";
import { KEY_HELP } from "../../src/config/schema";

describe("config key names", () => {
  it("are written the way `pulumi config set --path` takes them", () => {
    expect(keyName(["testUser", "login"])).toBe("okta-direct-auth:testUser.login");
    expect(keyName(["apps", 1, "variants", 0])).toBe("okta-direct-auth:apps[1].variants[0]");
  });
});

describe("problemAt", () => {
  it("carries the help of the top-level key the path sits under", () => {
    expect(problemAt(["apps", 0, "name"], "bad")).toEqual({
      key: "okta-direct-auth:apps[0].name",
      problem: "bad",
      expected: KEY_HELP.apps.expected,
      example: KEY_HELP.apps.example,
    });
  });
});

describe("ConfigError", () => {
  it("says nothing was declared and lists every problem with what was expected and an example", () => {
    const error = new ConfigError([
      { key: "okta:orgName", problem: "required", expected: "the org's subdomain", example: "pulumi config set okta:orgName dev-1" },
      { key: "okta-direct-auth:catchAll", problem: '"NO" is not one of "DENY", "ALLOW"' },
    ]);
    expect(error.name).toBe("ConfigError");
    expect(error.message.split("\n")).toEqual([
      "Invalid stack configuration (nothing was declared):",
      "  - okta:orgName: required",
      "    expected: the org's subdomain",
      "    example:  pulumi config set okta:orgName dev-1",
      '  - okta-direct-auth:catchAll: "NO" is not one of "DENY", "ALLOW"',
    ]);
  });

  it("shows ten problems of thousands and counts the rest", () => {
    const problems = Array.from({ length: 20_000 }, (_, i) => ({ key: `okta-direct-auth:k${i}`, problem: "unknown key" }));
    const lines = new ConfigError(problems).message.split("\n");
    expect(lines).toHaveLength(12);
    expect(lines[10]).toBe("  - okta-direct-auth:k9: unknown key");
    expect(lines[11]).toBe("  … and 19,990 more problems");
  });
});
