import { describe, expect, it } from "vitest";
import { checkedOrgUrl, orgAddressProblems } from "../../src/config/orgAddress";

const problemsOf = (orgName: string, baseUrl = "okta.com") => orgAddressProblems(orgName, baseUrl).map((p) => `${p.key}: ${p.problem}`);

describe("orgAddressProblems, the base URL", () => {
  // Four labels: 63 + 63 + 63 + 61 characters and three dots.
  const longest = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`;

  it("takes a hostname of 253 characters, DNS's limit", () => {
    expect(longest).toHaveLength(253);
    expect(orgAddressProblems("dev-1", longest)).toEqual([]);
  });

  it("refuses one of 254 characters", () => {
    expect(orgAddressProblems("dev-1", `${longest}d`).map((p) => `${p.key}: ${p.problem}`)).toEqual([
      `okta:baseUrl: "${"a".repeat(59)}… (256 characters) is not a hostname such as okta.com`,
    ]);
  });
});

describe("orgAddressProblems, a whole org address given as the org name", () => {
  it.each([
    ["http://dev-1.oktapreview.com", "dev-1", "oktapreview.com"],
    ["HTTPS://dev-1.okta-emea.com", "dev-1", "okta-emea.com"],
    ["dev-1.oktapreview.com//", "dev-1", "oktapreview.com"],
  ])("%s: says how to split it", (orgName, subdomain, domain) => {
    expect(problemsOf(orgName)).toEqual([
      `okta:orgName: "${orgName}" is not an org subdomain: set okta:orgName to ${subdomain} and okta:baseUrl to ${domain}`,
    ]);
  });

  it.each([
    ["a scheme not at the start", "xhttps://dev-1.okta.com"],
    ["a path", "dev-1.okta.com/path"],
    ["no domain", "dev-1/"],
    ["a subdomain that is no hostname label", "dev_1"],
    ["a domain that is no hostname", "dev-1.okta"],
  ])("with %s gives no hint, since it cannot be split into a subdomain and a domain", (_, orgName) => {
    expect(problemsOf(orgName)).toEqual([`okta:orgName: "${orgName}" is not an org subdomain`]);
  });
});

describe("checkedOrgUrl", () => {
  it("is the org's address", () => {
    expect(checkedOrgUrl("dev-1", "oktapreview.com")).toBe("https://dev-1.oktapreview.com");
  });

  it("refuses with every problem on a line of its own, each with what was expected and an example", () => {
    expect(() => checkedOrgUrl("evil/#", "x/")).toThrow(
      [
        `okta:orgName: "evil/#" is not an org subdomain; expected the org's subdomain, e.g. dev-123456 for https://dev-123456.okta.com (or env OKTA_ORG_NAME), e.g. pulumi config set okta:orgName dev-123456`,
        `okta:baseUrl: "x/" is not a hostname such as okta.com; expected the org's domain, without scheme or path: okta.com, oktapreview.com or okta-emea.com (or env OKTA_BASE_URL), e.g. pulumi config set okta:baseUrl okta.com`,
      ].join("\n"),
    );
  });
});
