import { describe, expect, it } from "vitest";
import { connectionFromSettings } from "../../src/config/connection";

describe("connectionFromSettings", () => {
  it("builds the org URL from okta:orgName and okta:baseUrl and takes the API token", () => {
    const c = connectionFromSettings({ "okta:orgName": "dev-1", "okta:baseUrl": "oktapreview.com", "okta:apiToken": "t0k" }, {});
    expect(c).toEqual({ orgUrl: "https://dev-1.oktapreview.com", apiToken: "t0k" });
  });

  it("falls back to the provider's env variables", () => {
    const c = connectionFromSettings({}, { OKTA_ORG_NAME: "dev-2", OKTA_API_TOKEN: "e" });
    expect(c).toEqual({ orgUrl: "https://dev-2.okta.com", apiToken: "e" });
  });

  it("uses okta:httpProxy as the whole org URL, as the provider does", () => {
    const c = connectionFromSettings({ "okta:orgName": "dev-1", "okta:httpProxy": "http://127.0.0.1:9999" }, {});
    expect(c.orgUrl).toBe("http://127.0.0.1:9999");
  });

  it("reads the OAuth service app settings, scopes as a list or a JSON array", () => {
    const base = { "okta:orgName": "o", "okta:clientId": "0oa1", "okta:privateKey": "pem", "okta:privateKeyId": "kid" };
    expect(connectionFromSettings({ ...base, "okta:scopes": "okta.policies.manage,okta.authenticators.manage" }, {}).scopes).toEqual([
      "okta.policies.manage",
      "okta.authenticators.manage",
    ]);
    expect(connectionFromSettings({ ...base, "okta:scopes": '["okta.users.manage"]' }, {}).scopes).toEqual(["okta.users.manage"]);
  });
});

describe("connectionFromSettings without an org", () => {
  it("refuses rather than sending credentials to a guessed org", () => {
    expect(() => connectionFromSettings({ "okta:apiToken": "t0k" }, {})).toThrow(/okta:orgName/);
  });

  it("refuses an org name or base URL that would send credentials to another host", () => {
    expect(() => connectionFromSettings({ "okta:orgName": "evil.example.com/#", "okta:apiToken": "t0k" }, {})).toThrow(
      /okta:orgName: "evil\.example\.com\/#" is not an org subdomain/,
    );
    expect(() => connectionFromSettings({}, { OKTA_ORG_NAME: "dev-1", OKTA_BASE_URL: "evil.example.com/#" })).toThrow(
      /okta:baseUrl: .* is not a hostname/,
    );
  });
});

describe("connectionFromSettings with an HTTP proxy", () => {
  it.each(["http://127.0.0.1:9999", "http://localhost:8080", "https://okta-proxy.example.com"])("takes %s", (url) => {
    expect(connectionFromSettings({ "okta:orgName": "dev-1", "okta:httpProxy": url }, {}).orgUrl).toBe(url);
    expect(connectionFromSettings({ "okta:orgName": "dev-1" }, { OKTA_HTTP_PROXY: url }).orgUrl).toBe(url);
  });

  it("refuses plain http to another host, naming the key the value came from", () => {
    expect(() => connectionFromSettings({ "okta:httpProxy": "http://proxy.example.com" }, {})).toThrow(/^okta:httpProxy must be an https URL/);
    expect(() => connectionFromSettings({}, { OKTA_HTTP_PROXY: "http://10.0.0.5:8080" })).toThrow(/^OKTA_HTTP_PROXY must be .*loopback/);
  });
});
