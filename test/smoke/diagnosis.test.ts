import { describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { VariantId, variant } from "../../src/catalogue/variants";
import { DIAGNOSIS_RULES, DiagnosisInput, diagnose, findRule } from "../../src/smoke/diagnosis";
import { Problem } from "../../src/smoke/problem";
import { Step } from "../../src/smoke/types";

function input(problem: Problem, step: Step, id: VariantId = "mfa-otp", extra: Partial<DiagnosisInput> = {}): DiagnosisInput {
  const v = variant(id);
  return {
    problem,
    step,
    variant: v,
    app: v.appLabel,
    clientId: "0oaCLIENT",
    issuer: "https://dev-1.okta.com",
    username: "tester@example.com",
    scope: "openid profile",
    grantType: v.grantType,
    channel: v.channels[0],
    ...extra,
  };
}

/**
 * Spec §3's error table, one case per row (and per reason where a row lists several), written
 * as Okta answers them: status, `error`, and the internal reason inside `error_description`.
 */
const SPEC_TABLE: {
  row: string;
  input: DiagnosisInput;
  guideStep?: string;
  mentions: RegExp[];
}[] = [
  {
    row: "400 unauthorized_client",
    input: input(
      { code: "unauthorized_client", status: 400, description: "The client is not authorized to use the provided grant type. Configured grant types: [authorization_code]." },
      "password",
      "mfa-otp",
      { grantType: GRANT.password },
    ),
    guideStep: "Set up your app",
    mentions: [/the app `Direct Auth MFA OTP` does not allow the `password` grant/, /okta\.app\.OAuth` grantTypes/, /pulumi up/],
  },
  {
    row: "400 unsupported_grant_type",
    input: input({ code: "unsupported_grant_type", status: 400 }, "otp", "otp"),
    guideStep: "Set up your authorization server",
    mentions: [/does not know the `urn:okta:params:oauth:grant-type:otp` grant/, /Identity Engine/, /okta-direct-auth:authorizationServer/],
  },
  {
    row: "403 access_denied direct_auth_prompted_grant_type_disabled_for_client",
    input: input({ code: "access_denied", status: 403, description: "The policy requires an additional factor (direct_auth_prompted_grant_type_disabled_for_client)" }, "password"),
    guideStep: "Set up the authentication policy",
    mentions: [/asks for a factor whose grant type the app does not allow/, /okta\.AppSignonPolicyRule/],
  },
  {
    row: "403 access_denied direct_auth_policy_denied",
    input: input({ code: "access_denied", status: 403, description: "Policy evaluation failed for this request (direct_auth_policy_denied)" }, "otp", "otp"),
    guideStep: "Set up the authentication policy",
    mentions: [/no policy rule lets `tester@example.com`/, /rule `1Factor`/, /usersIncluded/, /global session policy/],
  },
  {
    row: "403 access_denied Policy evaluation failed (custom authorization server)",
    input: input({ code: "access_denied", status: 403, description: "Policy evaluation failed for this request, please check the policy configurations." }, "otp", "otp", {
      issuer: "https://dev-1.okta.com/oauth2/default",
    }),
    guideStep: "Set up the authentication policy",
    mentions: [/access policy/, /okta\.auth\.ServerPolicyRule` grantTypeWhitelists/],
  },
  {
    row: "403 access_denied direct_auth_factor_enrollment_required",
    input: input(
      { code: "access_denied", status: 403, description: "The required authenticator cannot be used for this request (direct_auth_factor_enrollment_required)." },
      "primary-authenticate",
      "oob-phone",
      { channel: "voice" },
    ),
    guideStep: "Enable authenticators for your org",
    mentions: [/Phone \(`phone_number`\) with its `voice` method cannot be used/, /OrgAuthenticatorSettings` methods and enroll/, /phoneChannels/],
  },
  {
    row: "403 access_denied direct_auth_factor_enrollment_required for Email (recovery only in a fresh org)",
    input: input(
      { code: "access_denied", status: 403, description: "The required authenticator cannot be used for this request (direct_auth_factor_enrollment_required)." },
      "primary-authenticate",
      "oob-email",
    ),
    guideStep: "Enable authenticators for your org",
    mentions: [
      /Email \(`okta_email`\) with its `email` method cannot be used/,
      /set Email's "Used for" to "Authentication and recovery" \(settings.allowedFor any; `pulumi up` sets it for `oob-email`\)/,
      /OrgAuthenticatorSettings` methods, allowedFor and enroll/,
    ],
  },
  {
    row: "403 access_denied direct_auth_requirements_not_challenged",
    input: input({ code: "access_denied", status: 403, description: "direct_auth_requirements_not_challenged" }, "otp", "otp"),
    guideStep: "Set up the authentication policy",
    mentions: [/asks for factors the `otp` flow cannot provide/, /"Any 1 factor type"/],
  },
  {
    row: "403 access_denied direct_auth_no_supported_authenticators",
    input: input({ code: "access_denied", status: 403, description: "direct_auth_no_supported_authenticators" }, "challenge", "mfa-oob-phone"),
    guideStep: "Set up the authentication policy",
    mentions: [/"Password \+ Another factor"/, /factorMode/],
  },
  {
    row: "403 mfa_required in a 1FA flow",
    input: input({ code: "mfa_required", status: 403 }, "poll", "oob-okta-verify"),
    guideStep: "Set up the authentication policy",
    mentions: [/primary-factor flow but `Direct Auth Okta Verify Push` asks for a second factor/, /"Any 1 factor type"/, /PASSWORD_IDP_ANY_FACTOR/],
  },
  {
    row: "400 invalid_grant direct_auth_invalid_otp",
    input: input({ code: "invalid_grant", status: 400, description: "The one-time passcode is invalid (direct_auth_invalid_otp)." }, "otp"),
    mentions: [
      /TOTP code .* was refused/,
      /OKTA_SMOKE_TOTP_SECRET/,
      /Okta accepts each passcode once, so a smoke run repeated within about a minute, or a clock more than two minutes off, also gives this error/,
    ],
  },
  {
    row: "400 invalid_grant direct_auth_oob_reject",
    input: input({ code: "invalid_grant", status: 400, description: "The user rejected the push notification (direct_auth_oob_reject)." }, "poll", "oob-okta-verify"),
    mentions: [/push .* was rejected on the device/],
  },
  {
    row: "400 invalid_grant direct_auth_invalid_login_hint",
    input: input({ code: "invalid_grant", status: 400, description: "direct_auth_invalid_login_hint" }, "primary-authenticate", "oob-email"),
    mentions: [/Okta knows no user `tester@example.com`/, /okta-direct-auth:testUser/],
  },
  {
    row: "400 invalid_grant The credentials provided were invalid.",
    input: input({ code: "invalid_grant", status: 400, description: "The credentials provided were invalid." }, "password"),
    mentions: [/refused the password of `tester@example.com`/, /OKTA_SMOKE_PASSWORD/],
  },
  {
    row: "403 access_denied direct_auth_expired_token (oob_code)",
    input: input({ code: "access_denied", status: 403, description: "The oob_code has expired (direct_auth_expired_token)." }, "poll", "oob-okta-verify"),
    mentions: [/`oob_code` expired/],
  },
  {
    row: "403 access_denied direct_auth_expired_token (mfa_token)",
    input: input({ code: "access_denied", status: 403, description: "The mfa_token has expired (direct_auth_expired_token)." }, "challenge", "mfa-oob-phone"),
    mentions: [/`mfa_token` expired/],
  },
  {
    row: "400 invalid_request direct_auth_invalid_channel_hint",
    input: input({ code: "invalid_request", status: 400, description: "The channel_hint is invalid (direct_auth_invalid_channel_hint)" }, "challenge", "mfa-oob-phone", { channel: "voice" }),
    guideStep: "Enable authenticators for your org",
    mentions: [/the `voice` channel is not available for Phone/, /--channel/],
  },
  {
    row: "400 invalid_request direct_auth_missing_login_hint",
    input: input({ code: "invalid_request", status: 400, description: "direct_auth_missing_login_hint" }, "primary-authenticate", "oob-email"),
    mentions: [/malformed/, /bug in the smoke check/],
  },
  {
    row: "400 invalid_scope direct_auth_scope_not_allowed",
    input: input({ code: "invalid_scope", status: 400, description: "direct_auth_scope_not_allowed" }, "primary-authenticate", "oob-email"),
    mentions: [/refused a scope on `primary-authenticate`/, /bug in the smoke check/],
  },
  {
    row: "400 access_denied User is not assigned to the client application.",
    input: input({ code: "access_denied", status: 400, description: "User is not assigned to the client application." }, "otp", "otp"),
    guideStep: "Set up your app",
    mentions: [/`tester@example.com` is not assigned to the app `Direct Auth OTP`/, /okta\.app\.GroupAssignment/, /Allow everyone/],
  },
  {
    row: "401 invalid_client",
    input: input({ code: "invalid_client", status: 401, description: "Invalid value for 'client_id' parameter." }, "otp", "otp"),
    guideStep: "Set up your app",
    mentions: [/knows no client `0oaCLIENT`/, /apps\[\]\.clientId/],
  },
  {
    row: "429 (after bounded retries)",
    input: input({ code: "rate_limited", status: 429, detail: { path: "/oauth2/v1/token", retries: 2, resetSeconds: 30 } }, "otp", "otp"),
    mentions: [/rate-limiting `\/oauth2\/v1\/token` after 2 retries/, /resets in 30 s/],
  },
];

describe("diagnosis table", () => {
  it.each(SPEC_TABLE)("$row → guide step and fix", ({ input: i, guideStep, mentions }) => {
    const sentence = diagnose(i);
    for (const m of mentions) expect(sentence).toMatch(m);
    if (guideStep) expect(sentence).toContain(`guide step "${guideStep}"`);
    expect(sentence.endsWith(".")).toBe(true);
    expect(sentence.split("\n")).toHaveLength(1);
  });

  it("tells drift from a missing declaration when the stack's grant types are known", () => {
    const base = input({ code: "unauthorized_client", status: 400 }, "password", "mfa-otp", { grantType: GRANT.password });
    expect(diagnose({ ...base, declaredGrantTypes: ["authorization_code", "password", GRANT.mfaOtp] })).toMatch(/drifted .*pulumi refresh/);
    expect(diagnose({ ...base, declaredGrantTypes: ["authorization_code", GRANT.mfaOtp] })).toMatch(/add variant `mfa-otp`/);
  });

  it("does not treat mfa_required as a setup error in an MFA flow's own rule", () => {
    const rule = findRule(input({ code: "mfa_required", status: 403 }, "otp", "mfa-otp"));
    expect(rule.factorModes).toBeUndefined();
  });

  it("explains the password leg getting tokens as a 1FA rule on an MFA app", () => {
    expect(diagnose(input({ code: "password_alone_succeeded" }, "password"))).toMatch(
      /password alone signed .* in to `Direct Auth MFA OTP`.*"Password \+ Another factor"/,
    );
  });

  it.each([
    [{ code: "html", status: 200, detail: { path: "/oauth2/v1/token", contentType: "text/html" } }, /answered an HTML page \(HTTP 200\)/],
    [{ code: "not_json", status: 200, detail: { path: "/oauth2/v1/token", contentType: "text/plain" } }, /text\/plain, not JSON/],
    [{ code: "server_error", status: 500, detail: { path: "/oauth2/v1/token", errorCode: "E0000009" } }, /failed on the server \(HTTP 500, E0000009\)/],
    [{ code: "timeout", detail: { path: "/oauth2/v1/token", timeoutMs: 500 } }, /did not answer within 500 ms/],
    [{ code: "too_large", status: 200, detail: { path: "/oauth2/v1/keys", limitBytes: 1048576 } }, /`\/oauth2\/v1\/keys` answered more than 1 MiB \(HTTP 200\); the check stopped reading there/],
    [{ code: "redirect", status: 302, detail: { path: "/oauth2/v1/token", location: "https://login.example.com/" } }, /redirected \(HTTP 302\)/],
    [{ code: "insecure_url", detail: { url: "http://dev-1.okta.com/", reason: "plain http to a host that is not loopback" } }, /use https/],
    [{ code: "E0000099", status: 400, description: "Something else" }, /Okta answered HTTP 400 `E0000099` \("Something else"\)/],
  ] as [Problem, RegExp][])("reports unexpected answers as such: %o", (problem, expected) => {
    expect(diagnose(input(problem, "otp", "otp"))).toMatch(expected);
  });

  it("names a lockout, too many wrong codes and a throttle in plain words", () => {
    const locked = diagnose(
      input({ code: "invalid_grant", status: 400, description: "The credentials provided were invalid. (direct_auth_locked_out: ...)" }, "password"),
    );
    expect(locked).toMatch(/`tester@example\.com` is locked out/);
    expect(locked).toMatch(/unlock/i);
    const tooMany = diagnose(
      input({ code: "invalid_grant", status: 400, description: "The one-time passcode is invalid (direct_auth_too_many_attempts: ...)." }, "otp"),
    );
    expect(tooMany).toMatch(/too many wrong codes/);
    expect(tooMany).toMatch(/start the sign-in again/);
    const throttled = diagnose(
      input({ code: "rate_limited", status: 429, detail: { path: "/oauth2/v1/challenge", retries: 4, resetSeconds: 30 } }, "challenge", "mfa-oob-phone", { channel: "sms" }),
    );
    expect(throttled).toMatch(/Okta kept throttling `\/oauth2\/v1\/challenge`/);
    expect(throttled).toMatch(/once every 30 seconds/);
    const wrongPassword = diagnose(input({ code: "invalid_grant", status: 400, description: "The credentials provided were invalid." }, "password"));
    expect(wrongPassword).not.toMatch(/locked out:/);
  });

  it("is a table of data: every rule has a sentence, and only the last one matches anything", () => {
    const catchAll = DIAGNOSIS_RULES.filter((r) => !r.codes);
    expect(catchAll).toHaveLength(1);
    expect(DIAGNOSIS_RULES[DIAGNOSIS_RULES.length - 1]).toBe(catchAll[0]);
    for (const rule of DIAGNOSIS_RULES) {
      expect(typeof rule.what).toBe("function");
      expect(typeof rule.fix).toBe("function");
    }
  });
});

describe("Okta's one sentence for every policy refusal, told apart by evidence read from the org", () => {
  const refused: Problem = { code: "access_denied", status: 403, description: "Policy evaluation failed for this request, please check the policy configurations." };
  const source = "management API reads";

  it("the global session policy, when the reads found it refusing", () => {
    const sentence = diagnose(
      input(refused, "primary-authenticate", "oob-email", {
        evidence: { source, finding: { policy: "session-policy", detail: 'global session policy "Strict", rule "Password only" starts sessions with PASSWORD_IDP only' } },
      }),
    );
    expect(sentence).toBe(
      "the global session policy does not let `tester@example.com` start a session with Email alone " +
        '(global session policy "Strict", rule "Password only" starts sessions with PASSWORD_IDP only; found by management API reads): ' +
        'give the test user a session policy rule that accepts "Any factor used to meet the App sign-in policy requirements" and re-run `pulumi up` ' +
        '(guide step "Set up the authentication policy"; `okta.policy.Signon` + `okta.policy.RuleSignon` primaryFactor PASSWORD_IDP_ANY_FACTOR).',
    );
  });

  it("the custom server's access policy, when the reads found it refusing", () => {
    const sentence = diagnose(
      input(refused, "otp", "otp", {
        issuer: "https://dev-1.okta.com/oauth2/default",
        evidence: { source, finding: { policy: "access-policy", detail: 'no active rule of access policy "Apps" allows grant type otp' } },
      }),
    );
    expect(sentence).toMatch(
      /^the access policy of the custom authorization server does not allow the `urn:okta:params:oauth:grant-type:otp` grant for `Direct Auth OTP` and `tester@example.com` \(no active rule of access policy "Apps" allows grant type otp; found by management API reads\): /,
    );
    expect(sentence).toContain('guide step "Set up your authorization server"');
  });

  it("the app sign-in policy, when the reads found the others allowing it", () => {
    expect(diagnose(input(refused, "otp", "otp", { issuer: "https://dev-1.okta.com/oauth2/default", evidence: { source } }))).toMatch(
      /^no policy rule lets `tester@example.com` use the `urn:okta:params:oauth:grant-type:otp` grant on `Direct Auth OTP` \(management API reads find no refusal by the global session policy or the access policy, so the app sign-in policy refuses\): /,
    );
    expect(diagnose(input(refused, "otp", "otp", { evidence: { source } }))).toMatch(
      /\(management API reads find no refusal by the global session policy, so the app sign-in policy refuses\)/,
    );
  });

  it("every candidate, without evidence: Okta's words alone never name the session or access policy as the cause", () => {
    const orgServer = diagnose(input(refused, "otp", "otp"));
    expect(orgServer).toMatch(/^no policy rule lets `tester@example.com` use the `urn:okta:params:oauth:grant-type:otp` grant on `Direct Auth OTP`: /);
    expect(orgServer).toMatch(/let the global session policy start a session with any factor/);
    const custom = diagnose(input(refused, "otp", "otp", { issuer: "https://dev-1.okta.com/oauth2/default" }));
    expect(custom).toMatch(/\(app sign-in policy, or the custom authorization server's access policy\)/);
    expect(custom).toMatch(/give the authorization server an access-policy rule allowing the grant/);
  });
});
