import { createHash, generateKeyPairSync, randomUUID } from "node:crypto";
import { CryptoKey, JWK, SignJWT, exportJWK, generateKeyPair, importPKCS8 } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { devEvaluation } from "./support/evaluations";
import { expectOktaError } from "./support/expectations";
import { emulatedOrgs } from "../helpers/orgs";

/**
 * The org authorization server's token endpoint for a service app (private_key_jwt, DPoP required,
 * as Okta sets up a new one) and the management API's checks of its tokens, written from the
 * client's side with jose alone so the org-settings client is not what is tested here.
 */

const CLIENT_ID = "0oaServiceApp00000001";
const GRANTED = ["okta.authenticators.read", "okta.policies.manage"];
const appKey = generateKeyPairSync("rsa", { modulusLength: 2048 });

const start = emulatedOrgs();
let emulator: RunningEmulator;
let tokenUrl: string;
let assertionKey: CryptoKey;
let proofKey: { privateKey: CryptoKey; publicJwk: JWK };

beforeAll(async () => {
  const publicJwk = { ...(appKey.publicKey.export({ format: "jwk" }) as JWK), kid: "k1", alg: "RS256" };
  emulator = await start({
    evaluation: await devEvaluation(),
    pollIntervalSeconds: 0,
    serviceApps: [{ clientId: CLIENT_ID, publicKeys: [publicJwk], scopes: GRANTED }],
  });
  tokenUrl = `${emulator.url}/oauth2/v1/token`;
  assertionKey = await importPKCS8(appKey.privateKey.export({ format: "pem", type: "pkcs8" }).toString(), "RS256");
  const pair = await generateKeyPair("ES256");
  proofKey = { privateKey: pair.privateKey, publicJwk: await exportJWK(pair.publicKey) };
});

function assertion(claims: { aud?: string; iss?: string } = {}): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256", kid: "k1" })
    .setIssuer(claims.iss ?? CLIENT_ID)
    .setSubject(claims.iss ?? CLIENT_ID)
    .setAudience(claims.aud ?? tokenUrl)
    .setIssuedAt()
    .setExpirationTime("5m")
    .setJti(randomUUID())
    .sign(assertionKey);
}

function proof(
  method: string,
  url: string,
  bound: { nonce?: string; accessToken?: string } = {},
  key: { privateKey: CryptoKey; publicJwk: JWK } = proofKey,
): Promise<string> {
  const claims: Record<string, string> = { htm: method, htu: url };
  if (bound.nonce) claims.nonce = bound.nonce;
  if (bound.accessToken) claims.ath = createHash("sha256").update(bound.accessToken).digest("base64url");
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk: key.publicJwk })
    .setIssuedAt()
    .setJti(randomUUID())
    .sign(key.privateKey);
}

async function tokenRequest(form: Record<string, string>, dpop?: string) {
  const response = await fetch(tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(dpop ? { dpop } : {}) },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      ...form,
    }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** The whole dance: a nonce-less proof, the 400 use_dpop_nonce, the same request with the nonce. */
async function accessToken(scope: string): Promise<string> {
  const form = { scope, client_assertion: await assertion() };
  const first = await tokenRequest(form, await proof("POST", tokenUrl));
  const nonce = first.headers.get("dpop-nonce") ?? undefined;
  const second = await tokenRequest(form, await proof("POST", tokenUrl, { nonce }));
  expect(second.status).toBe(200);
  return String(second.body.access_token);
}

async function api(method: string, path: string, headers: Record<string, string>) {
  const response = await fetch(`${emulator.url}${path}`, { method, headers: { accept: "application/json", ...headers } });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    headers: response.headers,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

async function dpopHeaders(method: string, path: string, token: string) {
  return { authorization: `DPoP ${token}`, dpop: await proof(method, `${emulator.url}${path}`, { accessToken: token }) };
}

describe("service app token requests (private_key_jwt + DPoP)", () => {
  it("refuse a request without a DPoP proof, as for an app that requires one", async () => {
    const answer = await tokenRequest({ scope: "okta.policies.manage", client_assertion: await assertion() });
    expect(answer).toMatchObject({ status: 400, body: { error: "invalid_dpop_proof", error_description: "The DPoP proof JWT header is missing." } });
  });

  it("answer a proof without a nonce 400 use_dpop_nonce with a DPoP-Nonce header, then issue a DPoP token with it", async () => {
    const form = { scope: "okta.policies.manage", client_assertion: await assertion() };
    const first = await tokenRequest(form, await proof("POST", tokenUrl));
    expect(first).toMatchObject({ status: 400, body: { error: "use_dpop_nonce", error_description: "Authorization server requires nonce in DPoP proof." } });
    const nonce = first.headers.get("dpop-nonce");
    expect(nonce).toEqual(expect.any(String));
    const second = await tokenRequest(form, await proof("POST", tokenUrl, { nonce: nonce! }));
    expect(second).toMatchObject({ status: 200, body: { token_type: "DPoP", scope: "okta.policies.manage", expires_in: 3600 } });
    expect(second.headers.get("cache-control")).toBe("no-store");
  });

  it("refuse an assertion signed for another audience, another client, or replayed", async () => {
    const nonce = (await tokenRequest({ scope: "okta.policies.manage", client_assertion: await assertion() }, await proof("POST", tokenUrl))).headers.get("dpop-nonce")!;
    const withNonce = async (client_assertion: string) => tokenRequest({ scope: "okta.policies.manage", client_assertion }, await proof("POST", tokenUrl, { nonce }));
    expect((await withNonce(await assertion({ aud: `${emulator.url}/oauth2/default/v1/token` }))).body.error).toBe("invalid_client");
    expect((await withNonce(await assertion({ iss: "0oaSomebodyElse000001" }))).body.error).toBe("invalid_client");
    const once = await assertion();
    expect((await withNonce(once)).status).toBe(200);
    expect(await withNonce(once)).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("refuse a proof for another URL, and scopes the app was not granted", async () => {
    const form = { scope: "okta.policies.manage", client_assertion: await assertion() };
    const nonce = (await tokenRequest(form, await proof("POST", tokenUrl))).headers.get("dpop-nonce")!;
    expect((await tokenRequest(form, await proof("POST", `${emulator.url}/oauth2/default/v1/token`, { nonce }))).body.error).toBe("invalid_dpop_proof");
    const ungranted = await tokenRequest({ scope: "okta.users.manage", client_assertion: await assertion() }, await proof("POST", tokenUrl, { nonce }));
    expect(ungranted).toMatchObject({ status: 400, body: { error: "invalid_scope" } });
    expect(String(ungranted.body.error_description)).toContain("okta.users.manage");
  });
});

describe("management API calls with a service app's DPoP token", () => {
  it("are answered with the token and a fresh proof for the call", async () => {
    const token = await accessToken("okta.authenticators.read");
    const path = "/api/v1/authenticators";
    expect((await api("GET", path, await dpopHeaders("GET", path, token))).status).toBe(200);
  });

  it("are refused 401 E0000011 as a Bearer token, without a proof, with a replayed proof, a proof for another call or by another key", async () => {
    const token = await accessToken("okta.authenticators.read");
    const path = "/api/v1/authenticators";
    expectOktaError(await api("GET", path, { authorization: `Bearer ${token}` }), 401, "E0000011");
    expectOktaError(await api("GET", path, { authorization: `DPoP ${token}` }), 401, "E0000011");
    const used = await dpopHeaders("GET", path, token);
    expect((await api("GET", path, used)).status).toBe(200);
    expectOktaError(await api("GET", path, used), 401, "E0000011");
    expectOktaError(await api("GET", path, await dpopHeaders("GET", "/api/v1/policies", token)), 401, "E0000011");
    const pair = await generateKeyPair("ES256");
    const stranger = { privateKey: pair.privateKey, publicJwk: await exportJWK(pair.publicKey) };
    const stolen = { authorization: `DPoP ${token}`, dpop: await proof("GET", `${emulator.url}${path}`, { accessToken: token }, stranger) };
    expectOktaError(await api("GET", path, stolen), 401, "E0000011");
  });

  it("are refused 403 E0000006 with Okta's insufficient_scope challenge when the token lacks the call's scope", async () => {
    const token = await accessToken("okta.authenticators.read");
    const policies = "/api/v1/policies?type=MFA_ENROLL";
    const refused = await api("GET", policies, await dpopHeaders("GET", "/api/v1/policies", token));
    expectOktaError(refused, 403, "E0000006");
    expect(refused.body.errorSummary).toBe("You do not have permission to perform the requested action");
    expect(refused.headers.get("www-authenticate")).toContain('scope="okta.policies.read", error="insufficient_scope"');
    const activate = "/api/v1/authenticators/x/lifecycle/activate";
    const write = await api("POST", activate, await dpopHeaders("POST", activate, token));
    expect(write.headers.get("www-authenticate")).toContain('scope="okta.authenticators.manage"');
  });

  it("accept a manage scope for reads", async () => {
    const token = await accessToken("okta.policies.manage");
    const path = "/api/v1/policies";
    expect((await api("GET", `${path}?type=MFA_ENROLL`, await dpopHeaders("GET", path, token))).status).toBe(200);
  });
});
