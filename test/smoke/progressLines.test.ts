import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { runSmoke, SmokeOptions } from "../../src/smoke";
import { renderProgress } from "../../src/smoke/report";
import { FakeClock } from "./fakeClock";

/**
 * What a user watching a run sees, line by line, for each kind of flow through to a verified ID
 * token, against a scripted authorization server (no network): every leg named with its request,
 * the human steps said, and the JWKS fetched once for the run.
 */
const ISSUER = "https://dev-1.okta.com";
const LOGIN = "t@example.com";
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

let signer: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
let jwks: unknown;
beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  signer = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" }] };
});

type Answer = { status: number; body: unknown };

/** The token endpoint's answers by grant type; a push answers authorization_pending `pending` times first. */
function server(clock: FakeClock, binding: { method: string; code?: string; channel?: string }, pending = 1) {
  let polls = 0;
  const idToken = (clientId: string) =>
    new SignJWT({ sub: "00u1" })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer(ISSUER)
      .setAudience(clientId)
      .setIssuedAt(Math.floor(clock.now() / 1000))
      .setExpirationTime(Math.floor(clock.now() / 1000) + 3600)
      .sign(signer);
  const tokens = async (clientId: string): Promise<Answer> => ({ status: 200, body: { token_type: "Bearer", access_token: "at-secret-1", id_token: await idToken(clientId) } });
  const routes: Record<string, (form: URLSearchParams) => Promise<Answer> | Answer> = {
    "/.well-known/openid-configuration": () => ({ status: 200, body: { issuer: ISSUER, token_endpoint: `${ISSUER}/oauth2/v1/token`, jwks_uri: `${ISSUER}/oauth2/v1/keys` } }),
    "/oauth2/v1/keys": () => ({ status: 200, body: jwks }),
    "/oauth2/v1/primary-authenticate": (form) => ({
      status: 200,
      body: { oob_code: "oob-1", expires_in: 300, interval: 5, channel: binding.channel ?? form.get("channel_hint"), binding_method: binding.method, binding_code: binding.code },
    }),
    "/oauth2/v1/challenge": (form) => ({
      status: 200,
      body: { challenge_type: GRANT.mfaOob, oob_code: "oob-2", expires_in: 300, interval: 5, channel: form.get("channel_hint"), binding_method: binding.method },
    }),
    "/oauth2/v1/token": (form) => {
      const clientId = form.get("client_id") ?? "";
      switch (form.get("grant_type")) {
        case GRANT.password:
          return { status: 403, body: { error: "mfa_required", mfa_token: "mfa-1" } };
        case GRANT.otp:
        case GRANT.mfaOtp:
          return form.get("otp") === "000000" ? { status: 400, body: { error: "invalid_grant", error_description: "The one-time passcode is invalid." } } : tokens(clientId);
        default:
          if (form.get("binding_code") !== null) return form.get("binding_code") === "123456" ? tokens(clientId) : { status: 400, body: { error: "invalid_grant" } };
          return ++polls <= pending ? { status: 400, body: { error: "authorization_pending" } } : tokens(clientId);
      }
    },
  };
  const fetchStub = (async (input: string | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const answer = await routes[url.pathname](new URLSearchParams(typeof init?.body === "string" ? init.body : ""));
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "Content-Type": "application/json" } });
  }) as typeof fetch;
  return fetchStub;
}

async function watch(extra: Partial<SmokeOptions>, binding: { method: string; code?: string; channel?: string } = { method: "prompt" }) {
  const clock = new FakeClock();
  const lines: string[] = [];
  const report = await runSmoke({
    issuer: ISSUER,
    targets: [],
    username: LOGIN,
    password: "Corr3ct-Horse-Battery!",
    clock,
    fetch: server(clock, binding),
    onProgress: (event) => lines.push(renderProgress(event)),
    ...extra,
  });
  return { report, lines, clock };
}

const DISCOVERY_LINE = `[*] discovery: GET ${ISSUER}/.well-known/openid-configuration`;
const VERIFYING = "id-token: verifying signature, iss, aud and exp against the JWKS";

describe("progress lines of each flow, through to a verified ID token", () => {
  it("OTP with the secret, then MFA OTP without: the JWKS fetched once, the wrong code said", async () => {
    const { report, lines } = await watch({
      totpSecret: TOTP_SECRET,
      targets: [
        { variant: "otp", app: "Direct Auth OTP", clientId: "0oaOTP" },
        { variant: "mfa-otp", app: "Direct Auth MFA OTP", clientId: "0oaMFA" },
      ],
    });
    expect(lines).toEqual([
      DISCOVERY_LINE,
      `[otp] otp: POST /oauth2/v1/token grant_type=${GRANT.otp}`,
      "[otp] jwks: GET /oauth2/v1/keys",
      `[otp] ${VERIFYING}`,
      "[mfa-otp] password: POST /oauth2/v1/token grant_type=password",
      `[mfa-otp] otp: POST /oauth2/v1/token grant_type=${GRANT.mfaOtp}`,
      `[mfa-otp] ${VERIFYING}`,
    ]);
    expect(report.results.map((r) => [r.variant, r.status, r.step, r.requests])).toEqual([
      ["otp", "pass", "id-token", 1],
      ["mfa-otp", "pass", "id-token", 2],
    ]);
  });

  it("OTP without the secret: a deliberately wrong code proves the wiring", async () => {
    const { report, lines } = await watch({ targets: [{ variant: "mfa-otp", app: "Direct Auth MFA OTP", clientId: "0oaMFA" }] });
    expect(lines).toEqual([
      DISCOVERY_LINE,
      "[mfa-otp] password: POST /oauth2/v1/token grant_type=password",
      `[mfa-otp] otp: POST /oauth2/v1/token grant_type=${GRANT.mfaOtp} (wrong code on purpose)`,
    ]);
    expect(report.results[0]).toMatchObject({
      status: "wired",
      step: "otp",
      diagnosis: "the server answered a deliberately wrong code with invalid_grant, so the grant is allowed; set OKTA_SMOKE_TOTP_SECRET to get tokens",
    });
  });

  it("a push with a number challenge, interactive: the number to tap, each wait with the time left", async () => {
    const { report, lines, clock } = await watch(
      { interactive: true, targets: [{ variant: "oob-okta-verify", app: "Direct Auth Okta Verify Push", clientId: "0oaPUSH" }] },
      { method: "transfer", code: "42" },
    );
    expect(lines).toEqual([
      DISCOVERY_LINE,
      "[oob-okta-verify] primary-authenticate: POST /oauth2/v1/primary-authenticate channel_hint=push",
      "[oob-okta-verify] primary-authenticate: in Okta Verify, tap the number 42",
      `[oob-okta-verify] poll: POST /oauth2/v1/token grant_type=${GRANT.oob}`,
      "[oob-okta-verify] poll: poll 1: not yet approved; next poll in 5 s, code expires in 5m 00s",
      "[oob-okta-verify] jwks: GET /oauth2/v1/keys",
      `[oob-okta-verify] ${VERIFYING}`,
    ]);
    expect(clock.sleeps).toEqual([5000]);
    expect(report.results[0]).toMatchObject({ status: "pass", step: "id-token", requests: 3, ms: 5000 });
    expect(report.results[0].diagnosis).toBeUndefined();
  });

  it("a push with a number challenge, not interactive: the number kept back, the push left unanswered", async () => {
    const { report, lines } = await watch(
      { targets: [{ variant: "oob-okta-verify", app: "Direct Auth Okta Verify Push", clientId: "0oaPUSH" }] },
      { method: "transfer", code: "42" },
    );
    expect(lines).toEqual([
      DISCOVERY_LINE,
      "[oob-okta-verify] primary-authenticate: POST /oauth2/v1/primary-authenticate channel_hint=push",
      "[oob-okta-verify] primary-authenticate: Okta Verify shows a number challenge; --interactive shows the number to tap",
      `[oob-okta-verify] poll: POST /oauth2/v1/token grant_type=${GRANT.oob}`,
    ]);
    expect(report.results[0]).toMatchObject({
      status: "wired",
      step: "poll",
      requests: 2,
      diagnosis: "Okta sent the push and answered authorization_pending; run with --interactive to approve it and get tokens",
    });
  });

  it("an email code as primary factor and an SMS code as second factor, from a code source", async () => {
    const asked: unknown[] = [];
    const { report, lines } = await watch({
      codeSource: async (request) => {
        asked.push({ channel: request.channel, login: request.login });
        return "123456";
      },
      targets: [
        { variant: "oob-email", app: "Direct Auth Email", clientId: "0oaMAIL" },
        { variant: "mfa-oob-phone", app: "Direct Auth MFA Phone", clientId: "0oaPHONE" },
      ],
    });
    expect(lines).toEqual([
      DISCOVERY_LINE,
      "[oob-email] primary-authenticate: POST /oauth2/v1/primary-authenticate channel_hint=email",
      `[oob-email] code: waiting for the code sent by email to ${LOGIN}`,
      `[oob-email] token: POST /oauth2/v1/token grant_type=${GRANT.oob} with the email code`,
      "[oob-email] jwks: GET /oauth2/v1/keys",
      `[oob-email] ${VERIFYING}`,
      "[mfa-oob-phone] password: POST /oauth2/v1/token grant_type=password",
      "[mfa-oob-phone] challenge: POST /oauth2/v1/challenge channel_hint=sms",
      `[mfa-oob-phone] code: waiting for the code sent by sms to ${LOGIN}`,
      `[mfa-oob-phone] token: POST /oauth2/v1/token grant_type=${GRANT.mfaOob} with the sms code`,
      `[mfa-oob-phone] ${VERIFYING}`,
    ]);
    expect(asked).toEqual([
      { channel: "email", login: LOGIN },
      { channel: "sms", login: LOGIN },
    ]);
    expect(report.results.map((r) => [r.variant, r.status, r.step, r.requests])).toEqual([
      ["oob-email", "pass", "id-token", 2],
      ["mfa-oob-phone", "pass", "id-token", 3],
    ]);
  });

  it("a code sent with nobody to enter it, or none entered: wired, saying which channel", async () => {
    const none = await watch({ targets: [{ variant: "oob-phone", app: "Direct Auth Phone", clientId: "0oaPHONE" }], channel: "voice" });
    expect(none.lines).toEqual([DISCOVERY_LINE, "[oob-phone] primary-authenticate: POST /oauth2/v1/primary-authenticate channel_hint=voice"]);
    expect(none.report.results[0]).toMatchObject({
      status: "wired",
      step: "primary-authenticate",
      diagnosis: "Okta sent a code by voice; run with --interactive to enter it and get tokens",
    });
    const skipped = await watch({ targets: [{ variant: "oob-phone", app: "Direct Auth Phone", clientId: "0oaPHONE" }], codeSource: async () => undefined });
    expect(skipped.report.results[0]).toMatchObject({ status: "wired", step: "code", diagnosis: "Okta sent a code by sms, but none was entered" });
  });

  it("a third OTP flow in one 30-second window waits for the next, and says so; without the secret the wrong code is said", async () => {
    const { lines, clock } = await watch({
      totpSecret: TOTP_SECRET,
      targets: [
        { variant: "otp", app: "Direct Auth OTP", clientId: "0oaOTP" },
        { variant: "mfa-otp", app: "Direct Auth MFA OTP", clientId: "0oaMFA" },
        { variant: "otp", app: "Direct Auth OTP", clientId: "0oaOTP" },
      ],
    });
    // The fake clock stands at 12:00:00: two steps' codes are taken, the third needs 12:00:30 and a millisecond.
    expect(lines.filter((line) => line.includes("TOTP window"))).toEqual([
      expect.stringMatching(/^\[otp\] [a-z-]+: this 30-second TOTP window's code was already used; waiting 31 s for the next$/),
    ]);
    expect(clock.sleeps).toEqual([30_001]);
    const wrong = await watch({ targets: [{ variant: "otp", app: "Direct Auth OTP", clientId: "0oaOTP" }] });
    expect(wrong.lines).toEqual([DISCOVERY_LINE, `[otp] otp: POST /oauth2/v1/token grant_type=${GRANT.otp} (wrong code on purpose)`]);
  });

  it("a push without a number challenge says nothing of numbers", async () => {
    const { lines } = await watch({ interactive: true, targets: [{ variant: "oob-okta-verify", app: "Push", clientId: "0oaPUSH" }] }, { method: "none" });
    expect(lines.filter((line) => /number/.test(line))).toEqual([]);
    expect(lines).toContain(`[oob-okta-verify] poll: POST /oauth2/v1/token grant_type=${GRANT.oob}`);
  });

  it("a voice code from a code source, and the channel Okta says it used over the one asked for", async () => {
    const phone = async (answered?: string) => {
      const asked: string[] = [];
      const { report, lines } = await watch(
        {
          channel: "voice",
          codeSource: async (request) => {
            asked.push(request.channel);
            return "123456";
          },
          targets: [{ variant: "oob-phone", app: "Direct Auth Phone", clientId: "0oaPHONE" }],
        },
        { method: "prompt", channel: answered },
      );
      expect(report.results[0]).toMatchObject({ status: "pass", step: "id-token" });
      return { asked, lines };
    };
    expect((await phone()).asked).toEqual(["voice"]);
    const switched = await phone("sms");
    expect(switched.asked).toEqual(["sms"]);
    expect(switched.lines).toContain(`[oob-phone] code: waiting for the code sent by sms to ${LOGIN}`);
  });
});
