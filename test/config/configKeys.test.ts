import { describe, expect, it } from "vitest";
import { configKeyProblems } from "../../src/config/configKeys";

const OUR_NAMESPACES = "a key in the okta-direct-auth: or okta: namespace";

describe("configKeyProblems, a key outside every namespace", () => {
  it.each([
    ["no colon", "protect"],
    ["nothing before its colon", ":protect"],
  ])("with %s is reported as having no namespace, with the command that sets the key it meant", (_, key) => {
    expect(configKeyProblems({ [key]: "true" })).toEqual([
      {
        key,
        problem: 'has no namespace; did you mean "okta-direct-auth:protect"?',
        expected: OUR_NAMESPACES,
        example: "pulumi config set --type bool okta-direct-auth:protect true",
      },
    ]);
  });
});

describe("configKeyProblems, a misspelt namespace", () => {
  it("of this project suggests the key it meant, spelt right, and how to set it", () => {
    expect(configKeyProblems({ "okta-direct-auht:varients": "[otp]" })).toEqual([
      {
        key: "okta-direct-auht:varients",
        problem: 'unknown namespace "okta-direct-auht"; did you mean "okta-direct-auth:variants"?',
        expected: OUR_NAMESPACES,
        example: "pulumi config set --path 'okta-direct-auth:variants[0]' otp",
      },
    ]);
  });

  it("of this project with a key like none of ours suggests the namespace and how to remove the key", () => {
    expect(configKeyProblems({ "okta-direct-aut:zzzzzzzzz": "1" })).toEqual([
      {
        key: "okta-direct-aut:zzzzzzzzz",
        problem: 'unknown namespace "okta-direct-aut"; did you mean "okta-direct-auth:zzzzzzzzz"?',
        expected: OUR_NAMESPACES,
        example: "pulumi config rm okta-direct-aut:zzzzzzzzz",
      },
    ]);
  });

  it("of the okta provider suggests the okta: key, even one named like a key of ours", () => {
    expect(configKeyProblems({ "otka:orgName": "dev-1", "otka:protect": "true" })).toEqual([
      {
        key: "otka:orgName",
        problem: 'unknown namespace "otka"; did you mean "okta:orgName"?',
        expected: OUR_NAMESPACES,
        example: "pulumi config rm otka:orgName",
      },
      {
        key: "otka:protect",
        problem: 'unknown namespace "otka"; did you mean "okta:protect"?',
        expected: OUR_NAMESPACES,
        example: "pulumi config rm otka:protect",
      },
    ]);
  });
});

describe("configKeyProblems, an okta: setting the provider does not have", () => {
  it("suggests the setting it meant", () => {
    expect(configKeyProblems({ "okta:orgNmae": "dev-1" })).toEqual([
      expect.objectContaining({ key: "okta:orgNmae", problem: 'unknown okta provider setting; did you mean "okta:orgName"?', example: "pulumi config rm okta:orgNmae" }),
    ]);
  });

  it("says only that it is unknown when nothing is close, and lists the provider's settings one by one", () => {
    const [problem] = configKeyProblems({ "okta:zzzzzzzzz": "1" });
    expect(problem.problem).toBe("unknown okta provider setting");
    expect(problem.expected).toMatch(/^one of: okta:\w+(, okta:\w+)+$/);
    expect(problem.expected).toContain(", okta:orgName, ");
  });
});
