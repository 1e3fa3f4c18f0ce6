import { describe, expect, it } from "vitest";
import { ConfigError, count, keyName, problemAt, unknownKeyProblems } from "../../src/config/configError";
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

  it("shows exactly ten problems without a count, and counts one more in the singular", () => {
    const problems = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `okta-direct-auth:k${i}`, problem: "unknown key" }));
    const ten = new ConfigError(problems(10)).message.split("\n");
    expect(ten).toHaveLength(11);
    expect(ten[10]).toBe("  - okta-direct-auth:k9: unknown key");
    expect(new ConfigError(problems(11)).message.split("\n")[11]).toBe("  … and 1 more problem");
  });
});

describe("count", () => {
  it("puts the noun in the singular for one and in the plural otherwise", () => {
    expect(count(1, "unknown key")).toBe("1 unknown key");
    expect(count(0, "unknown key")).toBe("0 unknown keys");
    expect(count(1234, "unknown key")).toBe("1,234 unknown keys");
  });
});

describe("unknownKeyProblems", () => {
  const oneKey = (key: string) => ({ key: `okta:${key}`, problem: "unknown", expected: "a known key" });

  it("reports up to three unknown keys one by one, each with its own help", () => {
    expect(unknownKeyProblems(["a", "b", "c"], oneKey)).toEqual([
      { key: "okta:a", problem: "unknown", expected: "a known key" },
      { key: "okta:b", problem: "unknown", expected: "a known key" },
      { key: "okta:c", problem: "unknown", expected: "a known key" },
    ]);
  });

  it("counts four or more as one problem at the first, showing how to remove it", () => {
    expect(unknownKeyProblems(["a", "b", "c", "d"], oneKey)).toEqual([
      { key: "okta:a", problem: '4 unknown keys: "a", "b", "c" and 1 more', expected: "a known key", example: "pulumi config rm okta:a" },
    ]);
  });
});

describe("problemAt, under a key that has no help", () => {
  it("names the key and leaves what was expected unsaid", () => {
    expect(problemAt(["colour"], "bad")).toEqual({ key: "okta-direct-auth:colour", problem: "bad", expected: undefined, example: undefined });
  });
});
