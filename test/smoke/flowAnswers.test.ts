import { describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { runSmoke, SmokeOptions } from "../../src/smoke";
import { renderSmokeJson, renderSmokeTable } from "../../src/smoke/report";
import { FakeClock } from "./fakeClock";

/**
 * How each flow takes each answer it can get (refusals at every leg, slow_down, an unknown
 * binding), and that every secret a leg sends or receives stays out of the output when the
 * server quotes it. A scripted authorization server; no network.
 */
const ISSUER = "https://dev-1.okta.com";
const TOKEN = `${ISSUER}/oauth2/v1/token`;
type Answer = { status: number; body: unknown };
type Route = (form: URLSearchParams, call: number) => Answer;

function scripted(routes: Record<string, Route>) {
  const calls: Record<string, number> = {};
  const forms: { path: string; form: URLSearchParams }[] = [];
  const all: Record<string, Route> = {
    "/.well-known/openid-configuration": () => ({ status: 200, body: { issuer: ISSUER, token_endpoint: TOKEN, jwks_uri: `${ISSUER}/oauth2/v1/keys` } }),
    ...routes,
  };
  const fetchStub = (async (input: string | URL, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    const form = new URLSearchParams(typeof init?.body === "string" ? init.body : "");
    forms.push({ path, form });
    calls[path] = (calls[path] ?? 0) + 1;
    const answer = all[path] ? all[path](form, calls[path]) : { status: 404, body: { errorCode: "E0000007" } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "Content-Type": "application/json" } });
  }) as typeof fetch;
  return { fetch: fetchStub, forms };
}

async function runOne(variant: string, routes: Record<string, Route>, extra: Partial<SmokeOptions> = {}) {
  const server = scripted(routes);
  const clock = new FakeClock();
  const report = await runSmoke({
    issuer: ISSUER,
    targets: [{ variant: variant as never, app: "App", clientId: "0oaAPP" }],
    username: "t@example.com",
    password: "Corr3ct-Horse-Battery!",
    clock,
    fetch: server.fetch,
    ...extra,
  });
  return { result: report.results[0], printed: `${renderSmokeJson(report)}\n${renderSmokeTable(report)}`, forms: server.forms, clock };
}

const MFA_REQUIRED: Route = () => ({ status: 403, body: { error: "mfa_required", mfa_token: "mfa-token-7731" } });
const PUSH = (extra: Record<string, unknown> = {}): Route => () => ({
  status: 200,
  body: { oob_code: "oob-code-4412", expires_in: 300, interval: 5, channel: "push", binding_method: "none", ...extra },
});
const refusal = (error: string, error_description?: string): Route => () => ({ status: 400, body: { error, error_description } });

describe("each leg's refusal is the flow's failure, blamed on that leg", () => {
  it("a refused /primary-authenticate", async () => {
    const { result, forms } = await runOne("oob-email", { "/oauth2/v1/primary-authenticate": refusal("invalid_grant", "direct_auth_invalid_login_hint") });
    expect(result).toMatchObject({ status: "fail", step: "primary-authenticate", requests: 1 });
    expect(result.diagnosis).toMatch(/^Okta knows no user `t@example.com`/);
    expect(forms.map((f) => f.path)).not.toContain("/oauth2/v1/token");
  });

  it("a refused /challenge", async () => {
    const { result, forms } = await runOne("mfa-oob-phone", { "/oauth2/v1/token": MFA_REQUIRED, "/oauth2/v1/challenge": refusal("invalid_request", "The channel_hint is invalid") });
    expect(result).toMatchObject({ status: "fail", step: "challenge", requests: 2 });
    expect(result.diagnosis).toMatch(/^the `sms` channel is not available for Phone/);
    expect(forms.filter((f) => f.path === "/oauth2/v1/token")).toHaveLength(1);
  });

  it("tokens from the password alone", async () => {
    const { result } = await runOne("mfa-oob-email", { "/oauth2/v1/token": () => ({ status: 200, body: { access_token: "at-1", id_token: "x.y.z" } }) });
    expect(result).toMatchObject({ status: "fail", step: "password", requests: 1 });
    expect(result.diagnosis).toMatch(/^the password alone signed `t@example.com` in to `App`/);
  });

  it("a password leg refused for another reason than mfa_required", async () => {
    const { result } = await runOne("mfa-otp", { "/oauth2/v1/token": refusal("invalid_grant", "The credentials provided were invalid.") });
    expect(result).toMatchObject({ status: "fail", step: "password", requests: 1 });
    expect(result.diagnosis).toMatch(/^Okta refused the password of `t@example.com`/);
  });

  it("a push rejected while polling, after a slow_down that slowed the polls", async () => {
    const { result, clock } = await runOne(
      "oob-okta-verify",
      {
        "/oauth2/v1/primary-authenticate": PUSH(),
        "/oauth2/v1/token": (_form, call) =>
          call === 1 ? { status: 400, body: { error: "slow_down" } } : { status: 400, body: { error: "invalid_grant", error_description: "The user rejected the push (direct_auth_oob_reject)" } },
      },
      { interactive: true },
    );
    expect(clock.sleeps).toEqual([10_000]);
    expect(result).toMatchObject({ status: "fail", step: "poll", requests: 3 });
    expect(result.diagnosis).toMatch(/^the push to `t@example.com` was rejected on the device/);
  });

  it("a push nobody approves in time", async () => {
    const { result, clock } = await runOne(
      "mfa-oob-okta-verify",
      { "/oauth2/v1/token": (form) => (form.get("grant_type") === GRANT.password ? MFA_REQUIRED(form, 1) : refusal("authorization_pending")(form, 1)), "/oauth2/v1/challenge": PUSH({ expires_in: 12, interval: 5 }) },
      { interactive: true },
    );
    expect(clock.sleeps).toEqual([5000, 5000]);
    expect(result).toMatchObject({ status: "fail", step: "poll", requests: 2 + 3 });
    expect(result.diagnosis).toBe("nobody approved the push within its 12 s: approve the push in Okta Verify in time (`--interactive` shows a countdown).");
  });

  it("a binding method the check does not know", async () => {
    const { result } = await runOne("oob-okta-verify", { "/oauth2/v1/primary-authenticate": PUSH({ binding_method: "biometric" }) }, { interactive: true });
    expect(result).toMatchObject({ status: "fail", step: "primary-authenticate", requests: 1 });
    expect(result.diagnosis).toMatch(/^Okta asked for binding method `biometric`/);
  });

  it("a code channel the check cannot fetch from, with a code source at hand", async () => {
    const { result } = await runOne(
      "oob-okta-verify",
      { "/oauth2/v1/primary-authenticate": PUSH({ binding_method: "prompt" }) },
      { codeSource: async () => "123456" },
    );
    expect(result).toMatchObject({ status: "wired", step: "primary-authenticate", diagnosis: "Okta sent a code by push; run with --interactive to enter it and get tokens" });
  });

  it("takes the requested channel and the usual binding when the answer leaves them out", async () => {
    const pending = { "/oauth2/v1/token": refusal("authorization_pending") };
    const push = await runOne("oob-okta-verify", { ...pending, "/oauth2/v1/primary-authenticate": () => ({ status: 200, body: { oob_code: "oob-code-4412" } }) });
    expect(push.result).toMatchObject({ status: "wired", step: "poll" });
    const sms = await runOne("oob-phone", { ...pending, "/oauth2/v1/primary-authenticate": () => ({ status: 200, body: { oob_code: "oob-code-4412", channel: 7 } }) });
    expect(sms.result).toMatchObject({ status: "wired", step: "primary-authenticate", diagnosis: "Okta sent a code by sms; run with --interactive to enter it and get tokens" });
  });

  it("a number challenge without the number is a missing field", async () => {
    const { result } = await runOne("oob-okta-verify", { "/oauth2/v1/primary-authenticate": PUSH({ binding_method: "transfer" }) });
    expect(result).toMatchObject({ status: "fail", step: "primary-authenticate" });
    expect(result.diagnosis).toMatch(/lacks `binding_code`/);
  });
});

describe("OTP without a secret: which refusals prove the wiring", () => {
  it.each([
    ["a wrong code", "The one-time passcode is invalid.", "wired"],
    ["a wrong code, no words", undefined, "wired"],
    ["an unknown user", "direct_auth_invalid_login_hint", "fail"],
    ["no such user", "There is no such user", "fail"],
  ])("%s", async (_name, description, status) => {
    const { result } = await runOne("otp", { "/oauth2/v1/token": refusal("invalid_grant", description) });
    expect(result).toMatchObject({ status, step: "otp" });
  });

  it("another error is a failure, and with a secret a wrong code is one too", async () => {
    expect((await runOne("otp", { "/oauth2/v1/token": refusal("access_denied", "The one-time passcode is invalid.") })).result).toMatchObject({ status: "fail" });
    const withSecret = await runOne("mfa-otp", {
      "/oauth2/v1/token": (form) => (form.get("grant_type") === GRANT.password ? MFA_REQUIRED(form, 1) : refusal("invalid_grant", "The one-time passcode is invalid.")(form, 1)),
    }, { totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" });
    expect(withSecret.result).toMatchObject({ status: "fail", step: "otp" });
    expect(withSecret.result.diagnosis).toMatch(/^the TOTP code for `t@example.com` was refused/);
  });

  it("an MFA variant without a password is skipped before any request", async () => {
    const { result, forms } = await runOne("mfa-oob-email", {}, { password: undefined });
    expect(result).toEqual({
      variant: "mfa-oob-email",
      app: "App",
      status: "skipped",
      step: "password",
      diagnosis: "no password for the test user's password leg: set OKTA_SMOKE_PASSWORD (a stack that created the user provides it)",
      requests: 0,
      ms: 0,
    });
    expect(forms.map((f) => f.path)).toEqual(["/.well-known/openid-configuration"]);
  });
});

describe("every secret a leg sends or receives stays out of the output when the server quotes it", () => {
  it.each(["mfa_token", "oob_code", "access_token", "id_token", "refresh_token"])("%s received", async (field) => {
    const value = `${field}-v4lue-93731`;
    const { result, printed } = await runOne("mfa-oob-phone", {
      "/oauth2/v1/token": () => ({ status: 403, body: { error: "mfa_required", mfa_token: field === "mfa_token" ? value : "mfa-token-7731" } }),
      "/oauth2/v1/challenge": () => ({
        status: 400,
        body: { error: "invalid_request", error_description: `could not use ${value}`, [field]: value },
      }),
    });
    expect(result.step).toBe("challenge");
    expect(printed).not.toContain(value);
    expect(result.diagnosis).toContain("(the server's text quoted the request, so it is not shown)");
  });

  it("the oob_code sent back while polling", async () => {
    const { result, printed } = await runOne(
      "oob-okta-verify",
      {
        "/oauth2/v1/primary-authenticate": PUSH(),
        "/oauth2/v1/token": (form) => ({ status: 400, body: { error: "invalid_grant", error_description: `unknown ${form.get("oob_code")}` } }),
      },
      { interactive: true },
    );
    expect(printed).not.toContain("oob-code-4412");
    expect(result.diagnosis).toContain("(the server's text quoted the request, so it is not shown)");
  });

  it("the TOTP code sent", async () => {
    const { result, printed, forms } = await runOne(
      "otp",
      { "/oauth2/v1/token": (form) => ({ status: 400, body: { error: "invalid_grant", error_description: `code ${form.get("otp")} is not valid` } }) },
      { totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" },
    );
    const sent = forms.find((f) => f.path === "/oauth2/v1/token")?.form.get("otp");
    expect(sent).toMatch(/^\d{6}$/);
    expect(printed).not.toContain(sent);
    expect(result.diagnosis).toContain("(the server's text quoted the request, so it is not shown)");
  });

  it("quotes server text that names no secret and no field", async () => {
    const { result } = await runOne("otp", { "/oauth2/v1/token": refusal("access_denied", "Nope, and password alone is not a field") });
    expect(result.diagnosis).toContain('("Nope, and password alone is not a field")');
  });
});
