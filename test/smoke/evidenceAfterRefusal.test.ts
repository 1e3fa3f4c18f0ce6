import { describe, expect, it } from "vitest";
import { runSmoke, SmokeOptions } from "../../src/smoke";
import { PolicyEvidence, PolicyFinding, RefusedRequest } from "../../src/smoke/policyEvidence";
import { FakeClock } from "./fakeClock";

/**
 * When the smoke check asks its evidence source after a refusal, and what it asks: only after
 * Okta's "Policy evaluation failed", only where a session or access policy could be the cause,
 * with the request that was refused. Against a scripted server, no network.
 */
const ORG = "https://dev-1.okta.com";
const POLICY_FAILED = "Policy evaluation failed for this request, please check the policy configurations.";

function refusingServer(issuer: string, refusal: { error: string; error_description?: string }) {
  const base = issuer.replace(/\/+$/, "");
  const tokenEndpoint = base.includes("/oauth2/") ? `${base}/v1/token` : `${base}/oauth2/v1/token`;
  return (async (input: string | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const form = new URLSearchParams(typeof init?.body === "string" ? init.body : "");
    let answer: { status: number; body: unknown };
    if (url.pathname.endsWith("/.well-known/openid-configuration")) {
      answer = { status: 200, body: { issuer: base, token_endpoint: tokenEndpoint, jwks_uri: `${base}/keys` } };
    } else if (form.get("grant_type") === "password") {
      answer = { status: 403, body: { error: "mfa_required", mfa_token: "mfa-1" } };
    } else {
      answer = { status: 403, body: refusal };
    }
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "Content-Type": "application/json" } });
  }) as typeof fetch;
}

function evidenceSource(finding: PolicyFinding | undefined | Error) {
  const asked: RefusedRequest[] = [];
  const source: PolicyEvidence = {
    source: "test reads",
    refusingPolicy: async (request) => {
      asked.push(request);
      if (finding instanceof Error) throw finding;
      return finding;
    },
  };
  return { source, asked };
}

async function run(variant: "otp" | "mfa-otp", issuer: string, refusal: { error: string; error_description?: string }, finding?: PolicyFinding | Error, extra: Partial<SmokeOptions> = {}) {
  const { source, asked } = evidenceSource(finding);
  const report = await runSmoke({
    issuer,
    targets: [{ variant, app: "App", clientId: "0oaAPP" }],
    username: "t@example.com",
    password: "Corr3ct-Horse-Battery!",
    scope: "openid profile offline_access",
    clock: new FakeClock(),
    fetch: refusingServer(issuer, refusal),
    evidence: source,
    ...extra,
  });
  return { result: report.results[0], asked };
}

const SESSION: PolicyFinding = { policy: "session-policy", detail: 'global session policy "Strict", rule "Password only" starts sessions with PASSWORD_IDP only' };

describe("evidence asked after a policy refusal", () => {
  it("asks for a primary-factor flow on the org server, with the refused request, and says what it found", async () => {
    const { result, asked } = await run("otp", ORG, { error: "access_denied", error_description: POLICY_FAILED }, SESSION);
    expect(asked).toEqual([
      {
        username: "t@example.com",
        clientId: "0oaAPP",
        grantType: "urn:okta:params:oauth:grant-type:otp",
        scopes: ["openid", "profile", "offline_access"],
        passwordless: true,
        authServerId: undefined,
      },
    ]);
    expect(result.diagnosis).toMatch(/^the global session policy does not let `t@example.com` start a session with Google Authenticator alone \(.*; found by test reads\)/);
  });

  it("asks for an MFA flow on a custom server (issuer spelled with a trailing slash), naming the server", async () => {
    const { result, asked } = await run("mfa-otp", `${ORG}/oauth2/default/`, { error: "access_denied", error_description: POLICY_FAILED }, undefined);
    expect(asked).toEqual([
      {
        username: "t@example.com",
        clientId: "0oaAPP",
        grantType: "http://auth0.com/oauth/grant-type/mfa-otp",
        scopes: ["openid", "profile", "offline_access"],
        passwordless: false,
        authServerId: "default",
      },
    ]);
    expect(result.diagnosis).toMatch(/\(test reads find no refusal by the access policy, so the app sign-in policy refuses\)/);
  });

  it("asks nothing for an MFA flow on the org server: no session or access policy to blame", async () => {
    const { result, asked } = await run("mfa-otp", ORG, { error: "access_denied", error_description: POLICY_FAILED }, SESSION);
    expect(asked).toEqual([]);
    expect(result.diagnosis).toMatch(/^no policy rule lets `t@example.com` use the `http:\/\/auth0.com\/oauth\/grant-type\/mfa-otp` grant on `App`: /);
  });

  it.each([
    ["another error", { error: "unauthorized_client", error_description: POLICY_FAILED }],
    ["a denial in other words", { error: "access_denied", error_description: "User is not assigned to the client application." }],
    ["a denial that only mentions the words", { error: "access_denied", error_description: `Note: ${POLICY_FAILED}` }],
    ["a denial without words", { error: "access_denied" }],
  ])("asks nothing after %s", async (_name, refusal) => {
    const { result, asked } = await run("otp", ORG, refusal, SESSION);
    expect(result.status).toBe("fail");
    expect(asked).toEqual([]);
  });

  it("asks nothing without an evidence source, and diagnoses from Okta's words alone", async () => {
    const { result } = await run("otp", ORG, { error: "access_denied", error_description: POLICY_FAILED }, SESSION, { evidence: undefined });
    expect(result.diagnosis).toMatch(/^no policy rule lets `t@example.com` use the `urn:okta:params:oauth:grant-type:otp` grant on `App`: /);
  });

  it("diagnoses from Okta's words alone when the reads themselves fail", async () => {
    const { result, asked } = await run("otp", ORG, { error: "access_denied", error_description: POLICY_FAILED }, new Error("403 from the management API"));
    expect(asked).toHaveLength(1);
    expect(result.status).toBe("fail");
    expect(result.diagnosis).toMatch(/^no policy rule lets `t@example.com` use the `urn:okta:params:oauth:grant-type:otp` grant on `App`: /);
  });
});
