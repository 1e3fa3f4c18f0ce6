import { generateKeyPairSync } from "node:crypto";
import { JWK, decodeJwt, decodeProtectedHeader } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { reconcileAuthenticators, restoreAuthenticators } from "../../src/orgSettings/authenticatorSettings";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { baselineOrgs } from "./support/orgUnderTest";
import { LocalServer, json, localServer } from "../smoke/localServer";

/** The org-settings client with OAuth service-app credentials, against an org that requires DPoP of them. */

const CLIENT_ID = "0oaOrgSettings0000001";
const KEY_ID = "settings-key";
const EVERY_SCOPE = ["okta.authenticators.manage", "okta.policies.manage"];
const appKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
const OKTA_VERIFY = { key: "okta_verify", name: "Okta Verify", methods: ["push"], enroll: "OPTIONAL" as const };

const { withBaseline } = baselineOrgs();

async function orgGranting(scopes: string[]): Promise<RunningEmulator> {
  const publicJwk = { ...(appKey.publicKey.export({ format: "jwk" }) as JWK), kid: KEY_ID, alg: "RS256" };
  return withBaseline(undefined, { serviceApps: [{ clientId: CLIENT_ID, publicKeys: [publicJwk], scopes }] });
}

function serviceAppClient(org: RunningEmulator, scopes: string[]): OktaManagementClient {
  const privateKey = appKey.privateKey.export({ format: "pem", type: "pkcs1" }).toString();
  return new OktaManagementClient({ orgUrl: org.url, clientId: CLIENT_ID, privateKey, privateKeyId: KEY_ID, scopes }, { sleep: async () => {} });
}

describe("org settings with service-app credentials", () => {
  it("get a DPoP-bound token (answering Okta's nonce challenge once) and use it for every call", async () => {
    const org = await orgGranting(EVERY_SCOPE);
    const client = serviceAppClient(org, EVERY_SCOPE);
    const { prior, warnings } = await reconcileAuthenticators(client, [OKTA_VERIFY]);
    expect(warnings).toEqual([]);
    expect(await restoreAuthenticators(client, prior)).toEqual([]);

    const tokenCalls = org.requests.filter((r) => r.path === "/oauth2/v1/token").map((r) => r.status);
    expect(tokenCalls).toEqual([400, 200]);
    const apiCalls = org.requests.filter((r) => r.path.startsWith("/api/v1/"));
    expect(apiCalls.length).toBeGreaterThan(4);
    expect(apiCalls.filter((r) => r.status !== 200)).toEqual([]);
  });

  it("fail with Okta's permission error, naming no credential, when the app lacks a scope a call needs", async () => {
    const readOnly = ["okta.authenticators.read", "okta.policies.manage"];
    const org = await orgGranting(readOnly);
    const error = await reconcileAuthenticators(serviceAppClient(org, readOnly), [OKTA_VERIFY]).catch((e: unknown) => e);
    expect(String(error)).toMatch(/Okta answered 403 E0000006: You do not have permission/);
    expect(String(error)).not.toContain("BEGIN");
  });
});

describe("the service app's token request, against an org's varied answers", () => {
  let org: LocalServer | undefined;
  afterEach(async () => {
    await org?.close();
    org = undefined;
  });

  /** An org whose token endpoint answers `token` to every request, and whose API answers `[]`. */
  async function orgAnswering(token: (res: Parameters<typeof json>[0], attempt: number) => void): Promise<LocalServer> {
    let attempts = 0;
    org = await localServer((req, res) => (req.url === "/oauth2/v1/token" ? token(res, ++attempts) : json(res, 200, [])));
    return org;
  }

  function client(orgUrl: string, extra: { privateKeyId?: string; scopes?: string[] }): OktaManagementClient {
    const privateKey = appKey.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    return new OktaManagementClient({ orgUrl, clientId: CLIENT_ID, privateKey, ...extra });
  }

  const tokenRequests = () => org!.received.filter((r) => r.path === "/oauth2/v1/token");
  const apiRequests = () => org!.received.filter((r) => r.path.startsWith("/api/"));

  it("asserts the client with its key id and asks for its scopes, then sends a Bearer token as such", async () => {
    await orgAnswering((res) => json(res, 200, { access_token: "at-bearer", token_type: "Bearer", expires_in: 3600, scope: "okta.apps.read" }, { "DPoP-Nonce": "fresh-nonce" }));
    await client(org!.url, { privateKeyId: KEY_ID, scopes: ["okta.apps.read", "okta.users.read"] }).get("/api/v1/apps");
    const [request] = tokenRequests();
    expect(tokenRequests()).toHaveLength(1);
    expect([request.headers.accept, request.headers["content-type"]]).toEqual(["application/json", "application/x-www-form-urlencoded"]);
    const form = Object.fromEntries(new URLSearchParams(request.body));
    expect({ ...form, client_assertion: undefined }).toEqual({
      grant_type: "client_credentials",
      scope: "okta.apps.read okta.users.read",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: undefined,
    });
    expect(decodeProtectedHeader(form.client_assertion)).toEqual({ alg: "RS256", kid: KEY_ID });
    const claims = decodeJwt(form.client_assertion);
    expect([claims.iss, claims.sub, claims.aud]).toEqual([CLIENT_ID, CLIENT_ID, `${org!.url}/oauth2/v1/token`]);
    expect(apiRequests().map((r) => [r.headers.authorization, r.headers.dpop])).toEqual([["Bearer at-bearer", undefined]]);
  });

  it("sends no key id and no scope it was not given, and takes a token without a type as a Bearer one", async () => {
    await orgAnswering((res) => json(res, 200, { access_token: "at-untyped" }));
    await client(org!.url, {}).get("/api/v1/apps");
    const form = new URLSearchParams(tokenRequests()[0].body);
    expect(form.get("scope")).toBe("");
    expect(decodeProtectedHeader(form.get("client_assertion")!)).toEqual({ alg: "RS256" });
    expect(apiRequests().map((r) => [r.headers.authorization, r.headers.dpop])).toEqual([["Bearer at-untyped", undefined]]);
  });

  it("fails on Okta's OAuth error at once when it asks for no nonce", async () => {
    await orgAnswering((res) => json(res, 400, { error: "invalid_scope", error_description: "The following scopes are not allowed: [okta.apps.read]" }));
    await expect(client(org!.url, { scopes: ["okta.apps.read"] }).get("/api/v1/apps")).rejects.toThrow(
      "Okta answered 400 invalid_scope: The following scopes are not allowed: [okta.apps.read]",
    );
    expect(tokenRequests()).toHaveLength(1);
    expect(apiRequests()).toEqual([]);
  });

  it("answers the nonce challenge once, not again and again", async () => {
    await orgAnswering((res, attempt) =>
      json(res, 400, { error: "use_dpop_nonce", error_description: "Authorization server requires nonce in DPoP proof." }, { "DPoP-Nonce": `nonce-${attempt}` }),
    );
    await expect(client(org!.url, { scopes: ["okta.apps.read"] }).get("/api/v1/apps")).rejects.toThrow(
      "Okta answered 400 use_dpop_nonce: Authorization server requires nonce in DPoP proof.",
    );
    expect(tokenRequests()).toHaveLength(2);
  });

  it("stops on a refused client assertion", async () => {
    await orgAnswering((res) => json(res, 401, { error: "invalid_client", error_description: "The client_assertion signature is invalid." }));
    await expect(client(org!.url, { scopes: ["okta.apps.read"] }).get("/api/v1/apps")).rejects.toThrow(
      "Okta answered 401 invalid_client: The client_assertion signature is invalid.",
    );
    expect(apiRequests()).toEqual([]);
  });
});
