import { createHash, generateKeyPairSync, randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { CryptoKey, JWK, SignJWT, exportJWK, generateKeyPair, importPKCS8 } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { expectOktaError } from "./support/expectations";
import { JsonResponse, sendJson } from "./support/http";
import { emulatedOrgs } from "../helpers/orgs";

/**
 * A service app as an admin makes one on a fresh org (issue 17): an API Services app with its public
 * key, Okta API scopes granted through `/api/v1/apps/{id}/grants`; its token then used the way the
 * Okta Go SDK uses it behind `okta:httpProxy`: the request sent to the proxy (the emulator's port)
 * in absolute form, addressed to `http://127.0.0.1/...`, and the DPoP proof's `htu` without the port.
 */

const API_TOKEN = "admin-ssws-token-0001";
const SSWS = { authorization: `SSWS ${API_TOKEN}` };
const appKey = generateKeyPairSync("rsa", { modulusLength: 2048 });

const start = emulatedOrgs();
let emulator: RunningEmulator;
let port: number;
let assertionKey: CryptoKey;
let proofKey: { privateKey: CryptoKey; publicJwk: JWK };
let clientId: string;
let appId: string;

beforeAll(async () => {
  emulator = await start({ apiToken: API_TOKEN, pollIntervalSeconds: 0 });
  port = Number(new URL(emulator.url).port);
  assertionKey = await importPKCS8(appKey.privateKey.export({ format: "pem", type: "pkcs8" }).toString(), "RS256");
  const pair = await generateKeyPair("RS256");
  proofKey = { privateKey: pair.privateKey, publicJwk: await exportJWK(pair.publicKey) };
  const publicJwk = { ...(appKey.publicKey.export({ format: "jwk" }) as JWK), kid: "k1", alg: "RS256", use: "sig" };
  const created = await sendJson(
    "POST",
    `${emulator.url}/api/v1/apps`,
    {
      name: "oidc_client",
      label: "Pulumi automation",
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
      settings: {
        oauthClient: {
          application_type: "service",
          grant_types: ["client_credentials"],
          response_types: ["token"],
          dpop_bound_access_tokens: true,
          jwks: { keys: [publicJwk] },
        },
      },
    },
    SSWS,
  );
  expect(created.status).toBe(200);
  appId = String(created.body.id);
  clientId = String((created.body.credentials as { oauthClient: { client_id: string } }).oauthClient.client_id);
  for (const scopeId of ["okta.users.read", "okta.policies.manage"]) {
    const grant = await sendJson("POST", `${emulator.url}/api/v1/apps/${appId}/grants`, { issuer: emulator.url, scopeId }, SSWS);
    expect(grant).toMatchObject({ status: 201, body: { scopeId, issuer: emulator.url, clientId, status: "ACTIVE", source: "ADMIN" } });
  }
});

function assertion(): Promise<string> {
  const tokenUrl = `${emulator.url}/oauth2/v1/token`;
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256", kid: "k1" })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(tokenUrl)
    .setIssuedAt()
    .setExpirationTime("5m")
    .setJti(randomUUID())
    .sign(assertionKey);
}

function proof(method: string, htu: string, bound: { nonce?: string; accessToken?: string } = {}): Promise<string> {
  const claims: Record<string, string> = { htm: method, htu };
  if (bound.nonce) claims.nonce = bound.nonce;
  if (bound.accessToken) claims.ath = createHash("sha256").update(bound.accessToken).digest("base64url");
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", typ: "dpop+jwt", jwk: proofKey.publicJwk })
    .setIssuedAt()
    .setJti(randomUUID())
    .sign(proofKey.privateKey);
}

async function accessToken(scope: string): Promise<{ status: number; token?: string; error?: unknown }> {
  const tokenUrl = `${emulator.url}/oauth2/v1/token`;
  const post = async (dpop: string) => {
    const response = await fetch(tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", dpop },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: await assertion(),
        scope,
      }),
    });
    return { status: response.status, nonce: response.headers.get("dpop-nonce") ?? undefined, body: (await response.json()) as Record<string, unknown> };
  };
  const first = await post(await proof("POST", tokenUrl));
  const second = await post(await proof("POST", tokenUrl, { nonce: first.nonce }));
  return { status: second.status, token: second.body.access_token as string | undefined, error: second.body.error };
}

/** As Go's http.Transport sends through a proxy: absolute-form target, Host without the default port. */
function throughProxy(method: string, target: string, headers: Record<string, string>) {
  return new Promise<JsonResponse>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path: target, headers: { host: new URL(target).host, accept: "application/json", ...headers } }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: res.headers["content-type"] ?? "", headers: new Headers(), body: text ? JSON.parse(text) : {} }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("a service app made through the management API (issue 17, defect 6)", () => {
  it("gets a DPoP token for the scopes granted to it, and not for others", async () => {
    expect((await accessToken("okta.users.read okta.policies.manage")).status).toBe(200);
    expect(await accessToken("okta.apps.manage")).toMatchObject({ status: 400, error: "invalid_scope" });
  });

  it("is served when its proofs carry htu without the port, as the Go SDK sends them through okta:httpProxy", async () => {
    const { token } = await accessToken("okta.policies.manage");
    const target = "http://127.0.0.1/api/v1/policies?type=ACCESS_POLICY";
    const dpop = await proof("GET", "http://127.0.0.1/api/v1/policies", { accessToken: token });
    const answer = await throughProxy("GET", target, { authorization: `DPoP ${token}`, dpop });
    expect(answer.status).toBe(200);
  });

  it("refuses a proof naming another URL than the one addressed", async () => {
    const { token } = await accessToken("okta.policies.manage");
    const dpop = await proof("GET", "http://127.0.0.1/api/v1/groups", { accessToken: token });
    expectOktaError(await throughProxy("GET", "http://127.0.0.1/api/v1/policies?type=ACCESS_POLICY", { authorization: `DPoP ${token}`, dpop }), 401, "E0000011");
  });

  it("answers /api/v1/users/me with 404 for a service app's token (it names no user), and the admin for the SSWS token", async () => {
    const { token } = await accessToken("okta.users.read");
    const dpop = await proof("GET", `${emulator.url}/api/v1/users/me`, { accessToken: token });
    const asApp = await fetch(`${emulator.url}/api/v1/users/me`, { headers: { authorization: `DPoP ${token}`, dpop } });
    expectOktaError({ status: asApp.status, contentType: asApp.headers.get("content-type") ?? "", headers: asApp.headers, body: (await asApp.json()) as Record<string, unknown> }, 404, "E0000007");
    const asAdmin = await fetch(`${emulator.url}/api/v1/users/me`, { headers: SSWS });
    expect(asAdmin.status).toBe(200);
    expect(await asAdmin.json()).toMatchObject({ status: "ACTIVE", profile: { login: "admin@example.com" } });
  });

  it("loses a scope once its grant is revoked", async () => {
    const grants = (await (await fetch(`${emulator.url}/api/v1/apps/${appId}/grants`, { headers: SSWS })).json()) as { id: string; scopeId: string }[];
    const users = grants.find((g) => g.scopeId === "okta.users.read")!;
    expect((await sendJson("DELETE", `${emulator.url}/api/v1/apps/${appId}/grants/${users.id}`, undefined, SSWS)).status).toBe(204);
    expect(await accessToken("okta.users.read")).toMatchObject({ status: 400, error: "invalid_scope" });
  });
});
