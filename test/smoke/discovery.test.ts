import { describe, expect, it } from "vitest";
import { customServerId, discover, discoveryUrl, fetchJwks, normalizeIssuer } from "../../src/smoke/discovery";
import { HttpClient } from "../../src/smoke/httpClient";
import { ProblemError } from "../../src/smoke/problem";
import { FakeClock } from "./fakeClock";

const ISSUER = "https://dev-1.okta.com/oauth2/default";

/** No network: every request is answered from `answers` by URL, and recorded. */
function clientAnswering(answers: Record<string, { status?: number; body: unknown }>) {
  const asked: string[] = [];
  const fetchStub = (async (url: string | URL) => {
    asked.push(String(url));
    const found = answers[String(url)];
    if (!found) return new Response(JSON.stringify({ errorCode: "E0000007" }), { status: 404, headers: { "Content-Type": "application/json" } });
    return new Response(JSON.stringify(found.body), { status: found.status ?? 200, headers: { "Content-Type": "application/json" } });
  }) as typeof fetch;
  const http = new HttpClient({ clock: new FakeClock(), timeoutMs: 1000, maxRetries: 0, maxRateLimitWaitMs: 0, fetch: fetchStub });
  return { http, asked };
}

const METADATA = {
  issuer: ISSUER,
  token_endpoint: `${ISSUER}/v1/token`,
  jwks_uri: `${ISSUER}/v1/keys`,
};

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).problem;
}

const discovering = (metadata: unknown, issuer = ISSUER, status = 200) => {
  const { http } = clientAnswering({ [`${ISSUER}/.well-known/openid-configuration`]: { status, body: metadata } });
  return discover(http, issuer, { count: 0, owner: "*" });
};

describe("discovery", () => {
  it("reads the metadata under the issuer and derives the two Direct Authentication endpoints from the token endpoint", async () => {
    const { http, asked } = clientAnswering({ [`${ISSUER}/.well-known/openid-configuration`]: { body: METADATA } });
    const tally = { count: 0, owner: "*" };
    expect(await discover(http, `${ISSUER}//`, tally)).toEqual({
      issuer: ISSUER,
      token: `${ISSUER}/v1/token`,
      primaryAuthenticate: `${ISSUER}/v1/primary-authenticate`,
      challenge: `${ISSUER}/v1/challenge`,
      jwks: `${ISSUER}/v1/keys`,
    });
    expect(asked).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
    expect(tally.count).toBe(1);
  });

  it("derives the endpoints from the token endpoint's end only, whatever the server's id", async () => {
    const issuer = "https://dev-1.okta.com/oauth2/tokens";
    const { http } = clientAnswering({
      [`${issuer}/.well-known/openid-configuration`]: { body: { issuer, token_endpoint: `${issuer}/v1/token`, jwks_uri: `${issuer}/v1/keys` } },
    });
    expect(await discover(http, issuer, { count: 0, owner: "*" })).toMatchObject({
      primaryAuthenticate: `${issuer}/v1/primary-authenticate`,
      challenge: `${issuer}/v1/challenge`,
    });
  });

  it("strips only trailing slashes from an issuer", () => {
    expect(normalizeIssuer("https://dev-1.okta.com///")).toBe("https://dev-1.okta.com");
    expect(normalizeIssuer("https://dev-1.okta.com/oauth2/x")).toBe("https://dev-1.okta.com/oauth2/x");
    expect(discoveryUrl("https://dev-1.okta.com/")).toBe("https://dev-1.okta.com/.well-known/openid-configuration");
  });

  it.each([
    ["https://dev-1.okta.com", undefined],
    ["https://dev-1.okta.com/", undefined],
    ["https://dev-1.okta.com/oauth2", undefined],
    ["https://dev-1.okta.com/oauth2/default", "default"],
    ["https://dev-1.okta.com/oauth2/aus1abc/", "aus1abc"],
    ["https://dev-1.okta.com/oauth2/aus1abc/v1", undefined],
  ])("tells a custom authorization server's id from the issuer %s", (issuer, id) => {
    expect(customServerId(issuer)).toBe(id);
  });

  it("accepts an announced issuer that differs only by a trailing slash", async () => {
    expect((await discovering({ ...METADATA, issuer: `${ISSUER}/` })).issuer).toBe(ISSUER);
  });

  it("calls a 404 a missing OpenID configuration, and keeps other refusals as Okta said them", async () => {
    expect(await problemOf(discovering({ errorCode: "E0000007", errorSummary: "Not found" }, ISSUER, 404))).toMatchObject({
      code: "discovery_not_found",
      status: 404,
      description: "Not found",
    });
    expect(await problemOf(discovering({ errorCode: "E0000006", errorSummary: "You do not have permission" }, ISSUER, 403))).toMatchObject({
      code: "E0000006",
      status: 403,
    });
  });

  it.each([
    ["issuer", { token_endpoint: METADATA.token_endpoint, jwks_uri: METADATA.jwks_uri }],
    ["token_endpoint", { issuer: ISSUER, jwks_uri: METADATA.jwks_uri }],
    ["jwks_uri", { issuer: ISSUER, token_endpoint: METADATA.token_endpoint, jwks_uri: "not a url" }],
  ])("names the field %s the metadata lacks", async (field, metadata) => {
    expect(await problemOf(discovering(metadata))).toEqual({
      code: "missing_field",
      detail: { path: "/oauth2/default/.well-known/openid-configuration", field },
    });
  });

  it("refuses metadata naming another issuer", async () => {
    expect(await problemOf(discovering({ ...METADATA, issuer: "https://dev-2.okta.com/oauth2/default" }))).toEqual({
      code: "issuer_mismatch",
      detail: { announced: "https://dev-2.okta.com/oauth2/default" },
    });
  });

  it("refuses a token endpoint that does not end in /token", async () => {
    const tokenEndpoint = `${ISSUER}/v1/token/extra`;
    expect(await problemOf(discovering({ ...METADATA, token_endpoint: tokenEndpoint }))).toEqual({
      code: "unexpected_token_endpoint",
      detail: { tokenEndpoint },
    });
  });

  it.each([
    ["token_endpoint", { token_endpoint: "https://proxy.example/oauth2/default/v1/token" }],
    ["jwks_uri", { jwks_uri: "https://keys.example/oauth2/default/v1/keys" }],
  ])("sends nothing to a %s on another origin", async (field, change) => {
    const origin = field === "jwks_uri" ? "https://keys.example" : "https://proxy.example";
    expect(await problemOf(discovering({ ...METADATA, ...change }))).toEqual({
      code: "foreign_endpoint",
      detail: { field, origin, issuerOrigin: "https://dev-1.okta.com" },
    });
  });
});

describe("the JWKS", () => {
  const KEYS = "https://dev-1.okta.com/oauth2/default/v1/keys";

  it("is read once and returned with every key", async () => {
    const jwks = { keys: [{ kty: "RSA", kid: "k1", n: "abc", e: "AQAB" }, { kty: "RSA", kid: "k2" }] };
    const { http, asked } = clientAnswering({ [KEYS]: { body: jwks } });
    expect(await fetchJwks(http, KEYS, { count: 0, owner: "*" })).toEqual(jwks);
    expect(asked).toEqual([KEYS]);
  });

  it.each([
    ["no keys", { keys: [] }],
    ["a key without kty", { keys: [{ kid: "k1" }] }],
    ["no key list", { jwks: [] }],
  ])("is a missing field with %s", async (_name, body) => {
    const { http } = clientAnswering({ [KEYS]: { body } });
    expect(await problemOf(fetchJwks(http, KEYS, { count: 0, owner: "*" }))).toEqual({
      code: "missing_field",
      detail: { path: "/oauth2/default/v1/keys", field: "keys" },
    });
  });

  it("passes Okta's refusal on", async () => {
    const { http } = clientAnswering({ [KEYS]: { status: 401, body: { error: "invalid_client", error_description: "no" } } });
    expect(await problemOf(fetchJwks(http, KEYS, { count: 0, owner: "*" }))).toMatchObject({ code: "invalid_client", status: 401 });
  });
});
