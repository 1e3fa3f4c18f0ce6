import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/configError";
import { StackFileError, loadStackConfig, stackConfigFromYaml } from "../../src/config/stackFile";

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("accepted");
}

describe("stack file", () => {
  it("flattens a stack file into the strings Pulumi hands a program: objects and lists as JSON", () => {
    const flat = stackConfigFromYaml(
      [
        "config:",
        "  okta:orgName: dev-1",
        "  okta-direct-auth:variants: [otp, mfa-otp]",
        "  okta-direct-auth:testUser:",
        "    login: tester@example.com",
        "    create: true",
        "  okta-direct-auth:protect: false",
      ].join("\n"),
    );
    expect(flat).toEqual({
      "okta:orgName": "dev-1",
      "okta-direct-auth:variants": '["otp","mfa-otp"]',
      "okta-direct-auth:testUser": '{"login":"tester@example.com","create":true}',
      "okta-direct-auth:protect": "false",
    });
  });

  it("leaves out encrypted credentials, which cannot be read offline", () => {
    const yaml = "config:\n  okta:apiToken:\n    secure: AAABAC==\n  okta:privateKey:\n    secure: AAABAD==\n  okta:orgName: dev-1\n";
    expect(stackConfigFromYaml(yaml)).toEqual({ "okta:orgName": "dev-1" });
  });

  it.each([
    ["okta-direct-auth:variants", "pulumi config set --path 'okta-direct-auth:variants[0]' otp"],
    ["okta:orgName", "pulumi config set okta:orgName VALUE"],
  ])("refuses an encrypted %s, which is no secret and would silently be left out", (key, example) => {
    const error = errorOf(() => stackConfigFromYaml(`config:\n  ${key}:\n    secure: AAABAC==\n`, "Pulumi.x.yaml"));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.objectContaining({ key, problem: expect.stringMatching(/^is encrypted \(secure:\) but is not a secret: set it in plain text, without --secret/), example }),
    ]);
  });

  it("lets every credential the okta provider reads be encrypted, and other projects' keys too", () => {
    const credentials = ["okta:apiToken", "okta:accessToken", "okta:privateKey", "okta:privateKeyId", "okta:clientId"];
    const others = ["aws:secretKey", "random:seed", "other-project:password"];
    const yaml = `config:\n${[...credentials, ...others].map((key) => `  ${key}:\n    secure: AAABAC==\n`).join("")}  okta:orgName: dev-1\n`;
    expect(stackConfigFromYaml(yaml)).toEqual({ "okta:orgName": "dev-1" });
  });

  it("says what may be encrypted when it refuses an encrypted key", () => {
    const error = errorOf(() => stackConfigFromYaml("config:\n  okta:orgName:\n    secure: AAABAC==\n", "Pulumi.x.yaml"));
    expect((error as ConfigError).problems[0].expected).toBe(
      "a plain value; only credentials such as okta:apiToken, okta:accessToken or okta:privateKey are set with --secret",
    );
  });

  it.each([
    ["an empty file", ""],
    ["a file of comments only", "# nothing set yet\n"],
    ["an empty config section", "config:\n"],
  ])("reads %s as no config", (_, yaml) => {
    expect(stackConfigFromYaml(yaml, "Pulumi.x.yaml")).toEqual({});
  });

  it.each([
    ["invalid YAML", "config: [unclosed", "Pulumi.x.yaml is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 18"],
    ["a key twice", "config:\n  okta:orgName: a\n  okta:orgName: b\n", "Pulumi.x.yaml is not valid YAML: Map keys must be unique at line 3, column 3"],
    ["a list", "- config\n- okta:orgName\n", "Pulumi.x.yaml is a YAML list, not a stack file: a stack file is a mapping with `config:` in it"],
    ["a scalar", "okta:orgName dev-1\n", "Pulumi.x.yaml is a YAML string, not a stack file: a stack file is a mapping with `config:` in it"],
    ["a number", "42\n", "Pulumi.x.yaml is a YAML number, not a stack file: a stack file is a mapping with `config:` in it"],
    ["the project file", "name: okta-direct-auth\nruntime: nodejs\n", "Pulumi.x.yaml is a project file (Pulumi.yaml, it has `runtime:`), not a stack file (Pulumi.<stack>.yaml, with `config:`)"],
    ["config as a list", "config:\n  - a\n", "Pulumi.x.yaml: `config` must be a mapping of keys to values, not a list"],
    ["config as a string", "config: okta:orgName=dev-1\n", "Pulumi.x.yaml: `config` must be a mapping of keys to values, not a string"],
  ])("explains %s in one sentence naming the file", (_, yaml, message) => {
    const error = errorOf(() => stackConfigFromYaml(yaml, "Pulumi.x.yaml"));
    expect(error).toBeInstanceOf(StackFileError);
    expect((error as Error).name).toBe("StackFileError");
    expect((error as Error).message).toBe(message);
  });

  it("refuses a file whose aliases expand without bound, rather than building it in memory", () => {
    const laughs = ["a: &a [x,x,x,x,x,x,x,x,x,x]", "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]", "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]"];
    const yaml = [...laughs, "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]", "config:", "  okta:orgName: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]", ""].join("\n");
    const error = errorOf(() => stackConfigFromYaml(yaml, "Pulumi.x.yaml"));
    expect(error).toBeInstanceOf(StackFileError);
    expect((error as Error).message).toBe("Pulumi.x.yaml is not valid YAML: Excessive alias count indicates a resource exhaustion attack");
  });

  it("passes a key set to nothing on as null rather than failing on it", () => {
    expect(stackConfigFromYaml("config:\n  okta-direct-auth:protect:\n  okta:orgName: dev-1\n")).toEqual({
      "okta-direct-auth:protect": "null",
      "okta:orgName": "dev-1",
    });
  });

  it("calls the text a stack file when it is not told where it came from", () => {
    expect(() => stackConfigFromYaml("- config\n")).toThrow(/^stack file is a YAML list, not a stack file/);
  });

  it("reads 20,000 distinct keys, for the config check to report as one problem", () => {
    const yaml = `config:\n${Array.from({ length: 20_000 }, (_, i) => `  okta-direct-auth:k${i}: v\n`).join("")}`;
    expect(Object.keys(stackConfigFromYaml(yaml))).toHaveLength(20_000);
  });

  it("explains 20,000 repeated keys by the first", () => {
    const yaml = `config:\n${"  okta:orgName: dev-1\n".repeat(20_000)}`;
    expect(() => stackConfigFromYaml(yaml, "Pulumi.x.yaml")).toThrow(/^Pulumi.x.yaml is not valid YAML: Map keys must be unique at line 3, column 3$/);
  });

  it("says how to create a stack file that does not exist", () => {
    const dir = mkdtempSync(join(tmpdir(), "stack-"));
    expect(() => loadStackConfig("nope", dir)).toThrow(StackFileError);
    expect(() => loadStackConfig("nope", dir)).toThrow(/pulumi stack init nope/);
    writeFileSync(join(dir, "Pulumi.ok.yaml"), "config:\n  okta:orgName: dev-1\n");
    expect(loadStackConfig("ok", dir)).toEqual({ "okta:orgName": "dev-1" });
  });
});
