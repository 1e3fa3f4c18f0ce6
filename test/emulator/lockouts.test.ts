import { describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { VariantId } from "../../src/catalogue/variants";
import { RunningEmulator } from "../../src/emulator";
import { devStackOrgs } from "../helpers/orgs";
import { appOf } from "./support/evaluations";
import { expectOAuthError } from "./support/expectations";
import { FlowTarget, endpointsOf, freshTotpCode, mfaToken, otpGrant, passwordGrant, primaryAuthenticate } from "./support/flows";
import { getJson, postForm, sendJson } from "./support/http";

const API_TOKEN = "lockout-token";
const { dev, orgFor } = devStackOrgs({ apiToken: API_TOKEN, pollIntervalSeconds: 0 });
/** The org the running test started, for the management helpers below. */
let emulator: RunningEmulator | undefined;

async function target(variantId: VariantId, options: { rateLimits?: "enforced" | "reported" } = {}): Promise<FlowTarget> {
  emulator = await orgFor(dev(), options);
  return { emulator, endpoints: await endpointsOf(emulator), clientId: appOf(dev(), variantId).clientId };
}

const management = (path: string) => `${emulator!.url}${path}`;
const auth = { authorization: `SSWS ${API_TOKEN}` };
const userStatus = async () =>
  (await getJson(management(`/api/v1/users/${encodeURIComponent(emulator!.testUser.login)}`), auth)).body.status;

describe("the default password policy's lockout", () => {
  it("locks the user after 10 wrong passwords in a row; the right one is then refused until an administrator unlocks it", async () => {
    const t = await target("mfa-otp");
    for (let i = 0; i < 9; i++) expectOAuthError(await passwordGrant(t, "wrong-password"), 400, "invalid_grant", /^The credentials provided were invalid\.$/);
    expect(await userStatus()).toBe("ACTIVE");
    expectOAuthError(await passwordGrant(t, "wrong-password"), 400, "invalid_grant");
    expect(await userStatus()).toBe("LOCKED_OUT");
    expectOAuthError(await passwordGrant(t), 400, "invalid_grant", /direct_auth_locked_out/);

    const user = (await getJson(management(`/api/v1/users/${encodeURIComponent(emulator!.testUser.login)}`), auth)).body;
    expect((user._links as Record<string, unknown>).unlock).toBeDefined();
    expect((await sendJson("POST", management(`/api/v1/users/${user.id}/lifecycle/unlock`), {}, auth)).status).toBe(200);
    expect(await userStatus()).toBe("ACTIVE");
    expectOAuthError(await passwordGrant(t), 403, "mfa_required");
  });

  it("counts a right password as the end of a run of failures", async () => {
    const t = await target("mfa-otp");
    for (let i = 0; i < 9; i++) await passwordGrant(t, "wrong-password");
    expectOAuthError(await passwordGrant(t), 403, "mfa_required");
    for (let i = 0; i < 9; i++) await passwordGrant(t, "wrong-password");
    expect(await userStatus()).toBe("ACTIVE");
  });

  it("locks a user whose primary passcode is guessed 10 times, so OTP as primary factor cannot be brute-forced", async () => {
    const t = await target("otp");
    for (let i = 0; i < 10; i++) expectOAuthError(await otpGrant(t, "000000"), 400, "invalid_grant");
    expectOAuthError(await otpGrant(t), 400, "invalid_grant", /direct_auth_locked_out/);
    // The lock is the user's: every app and factor is refused, the password too.
    expectOAuthError(await passwordGrant({ ...t, clientId: appOf(dev(), "mfa-otp").clientId }), 400, "invalid_grant", /direct_auth_locked_out/);
  });
});

describe("factor verification attempts", () => {
  it("use up an mfa_token after 5 wrong passcodes: the right one no longer works with it", async () => {
    const t = await target("mfa-otp");
    const token = await mfaToken(t);
    const attempt = (otp: string) =>
      postForm(t.endpoints.token, { client_id: t.clientId, grant_type: GRANT.mfaOtp, mfa_token: token, otp });
    for (let i = 0; i < 4; i++) expectOAuthError(await attempt("000000"), 400, "invalid_grant", /direct_auth_invalid_otp/);
    expectOAuthError(await attempt("000000"), 400, "invalid_grant", /direct_auth_too_many_attempts/);
    expectOAuthError(await attempt(freshTotpCode(t.emulator)), 400, "invalid_grant");
    expect(await userStatus()).toBe("ACTIVE");
  });

  it("use up an SMS oob_code after 5 wrong codes", async () => {
    const t = await target("oob-phone");
    const start = await primaryAuthenticate(t, "sms");
    expect(start.status).toBe(200);
    const attempt = (code: string) =>
      postForm(t.endpoints.token, { client_id: t.clientId, grant_type: GRANT.oob, oob_code: String(start.body.oob_code), binding_code: code, scope: "openid" });
    for (let i = 0; i < 4; i++) expectOAuthError(await attempt("000000"), 400, "invalid_grant", /direct_auth_invalid_binding_code/);
    expectOAuthError(await attempt("000000"), 400, "invalid_grant", /direct_auth_too_many_attempts/);
  });
});

describe("SMS and voice throttle", () => {
  it("sends a user at most 3 SMS within 30 seconds, answering 429 with the time the next may go", async () => {
    const t = await target("oob-phone");
    const before = Date.now();
    for (let i = 0; i < 3; i++) expect((await primaryAuthenticate(t, "sms")).status).toBe(200);
    const second = await primaryAuthenticate(t, "sms");
    expectOAuthError(second, 429, "invalid_request", /^An SMS message was recently sent\. Please wait 30 seconds before trying again\./);
    const reset = Number(second.headers.get("x-rate-limit-reset"));
    expect(reset * 1000).toBeGreaterThanOrEqual(before + 28_000);
    expect(reset * 1000).toBeLessThanOrEqual(before + 31_000);
    const outbox = await getJson(`${t.emulator.outboxUrl}?login=${encodeURIComponent(t.emulator.testUser.login)}&channel=sms`);
    expect(outbox.body.messages).toHaveLength(3);
  });

  it("is lifted with the rate limits for tests that are not about them", async () => {
    const t = await target("oob-phone", { rateLimits: "reported" });
    for (let i = 0; i < 5; i++) expect((await primaryAuthenticate(t, "sms")).status).toBe(200);
  });
});

describe("scopes of the MFA leg", () => {
  it("answers invalid_scope for a scope the password leg was not granted", async () => {
    const t = await target("mfa-otp");
    const token = await mfaToken(t);
    const more = await postForm(t.endpoints.token, {
      client_id: t.clientId,
      grant_type: GRANT.mfaOtp,
      mfa_token: token,
      otp: freshTotpCode(t.emulator),
      scope: "openid okta.users.manage okta.made.up",
    });
    expectOAuthError(more, 400, "invalid_scope", /direct_auth_scope_not_granted/);
    const narrower = await postForm(t.endpoints.token, {
      client_id: t.clientId,
      grant_type: GRANT.mfaOtp,
      mfa_token: token,
      otp: freshTotpCode(t.emulator),
      scope: "openid",
    });
    expect(narrower.status).toBe(200);
    expect(narrower.body.scope).toBe("openid");
  });
});
