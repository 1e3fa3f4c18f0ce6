import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StackFileError, loadStackConfig, stackConfigFromYaml } from "../../src/config/stackFile";

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

  it("leaves out encrypted values, which cannot be read offline", () => {
    const yaml = "config:\n  okta:apiToken:\n    secure: AAABAC==\n  okta:orgName: dev-1\n";
    expect(stackConfigFromYaml(yaml)).toEqual({ "okta:orgName": "dev-1" });
  });

  it("explains a file that is not YAML or has no mapping under config", () => {
    expect(() => stackConfigFromYaml("config: [unclosed", "Pulumi.x.yaml")).toThrow(/Pulumi.x.yaml is not valid YAML/);
    expect(() => stackConfigFromYaml("config:\n  - a\n", "Pulumi.x.yaml")).toThrow(/`config` must be a mapping/);
  });

  it("says how to create a stack file that does not exist", () => {
    const dir = mkdtempSync(join(tmpdir(), "stack-"));
    expect(() => loadStackConfig("nope", dir)).toThrow(StackFileError);
    expect(() => loadStackConfig("nope", dir)).toThrow(/pulumi stack init nope/);
    writeFileSync(join(dir, "Pulumi.ok.yaml"), "config:\n  okta:orgName: dev-1\n");
    expect(loadStackConfig("ok", dir)).toEqual({ "okta:orgName": "dev-1" });
  });
});
