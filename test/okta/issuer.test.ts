import { describe, expect, it } from "vitest";
import { issuerUrl, orgUrl } from "../../src/okta/issuer";

describe("org URL and issuer (reference: provider configuration, wire protocol)", () => {
  it("builds the org URL from org name and base URL", () => {
    expect(orgUrl("dev-123456", "oktapreview.com")).toBe("https://dev-123456.oktapreview.com");
  });

  it("uses the org URL itself as the org authorization server's issuer", () => {
    expect(issuerUrl("https://dev-1.okta.com")).toBe("https://dev-1.okta.com");
  });

  it("adds /oauth2/{id} for a custom authorization server, without doubling a trailing slash", () => {
    expect(issuerUrl("https://dev-1.okta.com/", "ausABCDEFGHIJKLMNOPQ")).toBe("https://dev-1.okta.com/oauth2/ausABCDEFGHIJKLMNOPQ");
    expect(issuerUrl("https://dev-1.okta.com", "default")).toBe("https://dev-1.okta.com/oauth2/default");
  });
});
