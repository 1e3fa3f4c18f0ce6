import { describe, expect, it } from "vitest";
import { connectionFromSettings, describeMissingCredentials, hasCredentials } from "../../src/config/connection";

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

describe("connectionFromSettings, every credential the provider reads", () => {
  // The okta provider's own setting names and env variables (its provider schema's EnvDefaultFunc).
  const SETTINGS = {
    "okta:apiToken": ["OKTA_API_TOKEN", "apiToken"],
    "okta:accessToken": ["OKTA_ACCESS_TOKEN", "accessToken"],
    "okta:clientId": ["OKTA_API_CLIENT_ID", "clientId"],
    "okta:privateKey": ["OKTA_API_PRIVATE_KEY", "privateKey"],
    "okta:privateKeyId": ["OKTA_API_PRIVATE_KEY_ID", "privateKeyId"],
  } as const;

  it.each(Object.entries(SETTINGS))("reads %s from stack config, else from %s", (key, [envKey, field]) => {
    expect(connectionFromSettings({ "okta:orgName": "dev-1", [key]: "from-config" }, {})).toEqual({
      orgUrl: "https://dev-1.okta.com",
      [field]: "from-config",
    });
    expect(connectionFromSettings({}, { OKTA_ORG_NAME: "dev-1", [envKey]: "from-env" })).toEqual({
      orgUrl: "https://dev-1.okta.com",
      [field]: "from-env",
    });
    expect(connectionFromSettings({ "okta:orgName": "dev-1", [key]: "from-config" }, { [envKey]: "from-env" })).toEqual({
      orgUrl: "https://dev-1.okta.com",
      [field]: "from-config",
    });
  });

  it("reads the scopes from OKTA_API_SCOPES, separated by spaces or commas, or as a JSON array with spaces around it", () => {
    expect(connectionFromSettings({}, { OKTA_ORG_NAME: "o", OKTA_API_SCOPES: " okta.users.read ,  okta.apps.read okta.policies.read " }).scopes).toEqual([
      "okta.users.read",
      "okta.apps.read",
      "okta.policies.read",
    ]);
    expect(connectionFromSettings({ "okta:orgName": "o", "okta:scopes": '  ["okta.users.manage"] ' }, {}).scopes).toEqual(["okta.users.manage"]);
    expect(connectionFromSettings({ "okta:orgName": "o", "okta:scopes": "   " }, {}).scopes).toEqual([]);
  });
});

describe("hasCredentials", () => {
  const org = { orgUrl: "https://dev-1.okta.com" };

  it.each([
    ["an API token", { apiToken: "t" }],
    ["an access token", { accessToken: "a" }],
    ["a service app's client id with its private key", { clientId: "0oa1", privateKey: "pem" }],
  ])("is true with %s", (_what, credentials) => {
    expect(hasCredentials({ ...org, ...credentials })).toBe(true);
  });

  it.each([
    ["nothing", {}],
    ["a client id without a private key", { clientId: "0oa1", privateKeyId: "kid" }],
    ["a private key without a client id", { privateKey: "pem", privateKeyId: "kid" }],
    ["empty tokens", { apiToken: "", accessToken: "" }],
  ])("is false with %s", (_what, credentials) => {
    expect(hasCredentials({ ...org, ...credentials })).toBe(false);
  });

  it("has a message naming each way to give credentials", () => {
    const message = describeMissingCredentials();
    for (const way of ["okta:apiToken", "--secret", "okta:clientId", "okta:privateKey", "okta:privateKeyId", "okta:scopes", "OKTA_API_TOKEN"]) {
      expect(message).toContain(way);
    }
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
