import { generateKeyPairSync } from "node:crypto";
import { JWK } from "jose";
import { describe, expect, it } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { reconcileAuthenticators, restoreAuthenticators } from "../../src/orgSettings/authenticatorSettings";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { baselineOrgs } from "./support/orgUnderTest";

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
