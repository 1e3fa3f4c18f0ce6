import { describe, expect, it } from "vitest";
import { VariantId, variant } from "../../src/catalogue/variants";
import { DiagnosisInput, diagnose } from "../../src/smoke/diagnosis";
import { Problem } from "../../src/smoke/problem";
import { Step } from "../../src/smoke/types";

/**
 * Every rule of the diagnosis table, read as a user reads it: the whole sentence, written out by
 * hand (what is wrong, the fix, the guide step and the key that holds it). A rule that matched the
 * wrong problem, or a sentence that lost a clause, fails here.
 */
function input(problem: Problem, step: Step, id: VariantId, extra: Partial<DiagnosisInput> = {}): DiagnosisInput {
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

const CUSTOM = "https://dev-1.okta.com/oauth2/default";
const OTP = "urn:okta:params:oauth:grant-type:otp";
const MFA_OTP = "http://auth0.com/oauth/grant-type/mfa-otp";
const POLICY_FAILED = "Policy evaluation failed for this request, please check the policy configurations.";
const ENROLL = "The required authenticator cannot be used for this request (direct_auth_factor_enrollment_required).";
const READS = "management API reads";

const CASES: [string, DiagnosisInput, string][] = [
  [
    "a grant the app lacks, not declared by the stack",
    input({ code: "unauthorized_client", status: 400 }, "password", "mfa-otp", { grantType: "password", declaredGrantTypes: ["authorization_code"] }),
    "the app `Direct Auth MFA OTP` does not allow the `password` grant: tick it on the app (add variant `mfa-otp` to `okta-direct-auth:variants` or `apps`) and re-run `pulumi up` " +
      '(guide step "Set up your app"; `okta.app.OAuth` grantTypes).',
  ],
  [
    "a grant the app lacks although the stack declares it",
    input({ code: "unauthorized_client", status: 400 }, "password", "mfa-otp", { grantType: "password", declaredGrantTypes: ["password"] }),
    "the app `Direct Auth MFA OTP` does not allow the `password` grant: the stack declares it, so the org has drifted from the stack: re-run `pulumi up` (`pulumi refresh` shows the drift) " +
      '(guide step "Set up your app"; `okta.app.OAuth` grantTypes).',
  ],
  [
    "a grant the app lacks, the grant unknown",
    input({ code: "unauthorized_client", status: 400 }, "setup", "mfa-otp", { grantType: undefined }),
    "the app `Direct Auth MFA OTP` does not allow the `?` grant: tick it on the app (add variant `mfa-otp` to `okta-direct-auth:variants` or `apps`) and re-run `pulumi up` " +
      '(guide step "Set up your app"; `okta.app.OAuth` grantTypes).',
  ],
  [
    "a grant the authorization server does not know",
    input({ code: "unsupported_grant_type", status: 400 }, "otp", "otp"),
    `the authorization server \`https://dev-1.okta.com\` does not know the \`${OTP}\` grant: check that the issuer is the authorization server the apps use and that the org runs Identity Engine (Classic orgs have no Direct Authentication) ` +
      '(guide step "Set up your authorization server"; `okta-direct-auth:authorizationServer`).',
  ],
  [
    "a user not assigned to the app",
    input({ code: "access_denied", status: 400, description: "User is not assigned to the client application." }, "otp", "otp"),
    '`tester@example.com` is not assigned to the app `Direct Auth OTP`: select "Allow everyone in your organization to access" and re-run `pulumi up` ' +
      '(guide step "Set up your app"; `okta.app.GroupAssignment` to Everyone).',
  ],
  [
    "a factor whose grant type the app does not allow",
    input({ code: "access_denied", status: 403, description: "The policy requires an additional factor (direct_auth_prompted_grant_type_disabled_for_client)" }, "password", "mfa-otp"),
    'the sign-in policy of `Direct Auth MFA OTP` asks for a factor whose grant type the app does not allow: make rule `2 MFA OTP Factor` ask for "Password + Another factor" with Google Authenticator, ' +
      "or allow that factor's grant on the app, and re-run `pulumi up` " +
      '(guide step "Set up the authentication policy"; `okta.AppSignonPolicyRule` factorMode/constraints and `okta.app.OAuth` grantTypes).',
  ],
  [
    "the custom server's access policy, found refusing",
    input({ code: "access_denied", status: 403, description: POLICY_FAILED }, "otp", "otp", {
      issuer: CUSTOM,
      evidence: { source: READS, finding: { policy: "access-policy", detail: 'no active rule of access policy "Apps" allows grant type otp' } },
    }),
    `the access policy of the custom authorization server does not allow the \`${OTP}\` grant for \`Direct Auth OTP\` and \`tester@example.com\` ` +
      '(no active rule of access policy "Apps" allows grant type otp; found by management API reads): ' +
      "give the policy assigned to the app a rule allowing that grant, the scopes and the user, and re-run `pulumi up` " +
      '(guide step "Set up your authorization server"; `okta.auth.ServerPolicy` clientWhitelists, `okta.auth.ServerPolicyRule` grantTypeWhitelists/scopeWhitelists/groupWhitelists).',
  ],
  [
    "a policy refusal on the org server, no evidence, primary factor",
    input({ code: "access_denied", status: 403, description: POLICY_FAILED }, "otp", "otp"),
    `no policy rule lets \`tester@example.com\` use the \`${OTP}\` grant on \`Direct Auth OTP\`: ` +
      'make rule `1Factor` of the app\'s sign-in policy name the test user with "Any 1 factor type", assign that policy to the app, ' +
      "let the global session policy start a session with any factor, and re-run `pulumi up` " +
      '(guide step "Set up the authentication policy"; `okta.AppSignonPolicyRule` usersIncluded, `okta-direct-auth:testUser`).',
  ],
  [
    "a policy refusal on a custom server, reads found the access policy allowing, MFA",
    input({ code: "access_denied", status: 403, description: "direct_auth_policy_denied" }, "otp", "mfa-otp", { issuer: CUSTOM, evidence: { source: READS } }),
    `no policy rule lets \`tester@example.com\` use the \`${MFA_OTP}\` grant on \`Direct Auth MFA OTP\` ` +
      "(management API reads find no refusal by the access policy, so the app sign-in policy refuses): " +
      'make rule `2 MFA OTP Factor` of the app\'s sign-in policy name the test user with "Password + Another factor", assign that policy to the app, ' +
      "give the authorization server an access-policy rule allowing the grant, and re-run `pulumi up` " +
      '(guide step "Set up the authentication policy"; `okta.AppSignonPolicyRule` usersIncluded, `okta-direct-auth:testUser`, `okta.auth.ServerPolicyRule` grantTypeWhitelists).',
  ],
  [
    "a policy refusal on a custom server, no evidence, MFA",
    input({ code: "access_denied", status: 403, description: POLICY_FAILED }, "otp", "mfa-otp", { issuer: CUSTOM }),
    `no policy rule lets \`tester@example.com\` use the \`${MFA_OTP}\` grant on \`Direct Auth MFA OTP\` (app sign-in policy, or the custom authorization server's access policy): ` +
      'make rule `2 MFA OTP Factor` of the app\'s sign-in policy name the test user with "Password + Another factor", assign that policy to the app, ' +
      "give the authorization server an access-policy rule allowing the grant, and re-run `pulumi up` " +
      '(guide step "Set up the authentication policy"; `okta.AppSignonPolicyRule` usersIncluded, `okta-direct-auth:testUser`, `okta.auth.ServerPolicyRule` grantTypeWhitelists).',
  ],
  [
    "a policy refusal on a custom server spelled with a trailing slash",
    input({ code: "access_denied", status: 403, description: POLICY_FAILED }, "otp", "mfa-otp", { issuer: `${CUSTOM}/` }),
    `no policy rule lets \`tester@example.com\` use the \`${MFA_OTP}\` grant on \`Direct Auth MFA OTP\` (app sign-in policy, or the custom authorization server's access policy): ` +
      'make rule `2 MFA OTP Factor` of the app\'s sign-in policy name the test user with "Password + Another factor", assign that policy to the app, ' +
      "give the authorization server an access-policy rule allowing the grant, and re-run `pulumi up` " +
      '(guide step "Set up the authentication policy"; `okta.AppSignonPolicyRule` usersIncluded, `okta-direct-auth:testUser`, `okta.auth.ServerPolicyRule` grantTypeWhitelists).',
  ],
  [
    "a factor whose grant type is disabled, in other words",
    input({ code: "access_denied", status: 403, description: "The grant type is disabled for this client." }, "password", "mfa-otp"),
    'the sign-in policy of `Direct Auth MFA OTP` asks for a factor whose grant type the app does not allow: make rule `2 MFA OTP Factor` ask for "Password + Another factor" with Google Authenticator, ' +
      "or allow that factor's grant on the app, and re-run `pulumi up` " +
      '(guide step "Set up the authentication policy"; `okta.AppSignonPolicyRule` factorMode/constraints and `okta.app.OAuth` grantTypes).',
  ],
  [
    "a client that cannot use a grant type",
    input({ code: "access_denied", status: 403, description: "The client cannot use a grant type the policy requires." }, "password", "mfa-oob-email"),
    'the sign-in policy of `Direct Auth MFA Email` asks for a factor whose grant type the app does not allow: make rule `2 MFA Email OOB Factor` ask for "Password + Another factor" with Email, ' +
      "or allow that factor's grant on the app, and re-run `pulumi up` " +
      '(guide step "Set up the authentication policy"; `okta.AppSignonPolicyRule` factorMode/constraints and `okta.app.OAuth` grantTypes).',
  ],
  [
    "Phone's voice method not usable",
    input({ code: "access_denied", status: 403, description: ENROLL }, "primary-authenticate", "oob-phone", { channel: "voice" }),
    "Phone (`phone_number`) with its `voice` method cannot be used by `tester@example.com`: " +
      "make it ACTIVE with that method, Optional or Required in the default enrollment policy, enroll the user, and re-run `pulumi up` " +
      '(guide step "Enable authenticators for your org"; `okta.Authenticator` `phone_number`, `OrgAuthenticatorSettings` methods and enroll, `okta-direct-auth:enrollment`, `okta-direct-auth:phoneChannels`).',
  ],
  [
    "Email not usable (recovery only in a fresh org)",
    input({ code: "access_denied", status: 403, description: ENROLL }, "primary-authenticate", "oob-email"),
    "Email (`okta_email`) with its `email` method cannot be used by `tester@example.com`: " +
      'set Email\'s "Used for" to "Authentication and recovery" (settings.allowedFor any; `pulumi up` sets it for `oob-email`), ' +
      "make it ACTIVE with that method, Optional or Required in the default enrollment policy, enroll the user, and re-run `pulumi up` " +
      '(guide step "Enable authenticators for your org"; `okta.Authenticator` `okta_email`, `OrgAuthenticatorSettings` methods, allowedFor and enroll, `okta-direct-auth:enrollment`).',
  ],
  [
    "Google Authenticator not enrolled (no method to name)",
    input({ code: "access_denied", status: 403, description: "direct_auth_factor_enrollment_required" }, "otp", "otp"),
    "Google Authenticator (`google_otp`) cannot be used by `tester@example.com`: " +
      "make it ACTIVE, Optional or Required in the default enrollment policy, enroll the user, and re-run `pulumi up` " +
      '(guide step "Enable authenticators for your org"; `okta.Authenticator` `google_otp`, `OrgAuthenticatorSettings` methods and enroll, `okta-direct-auth:enrollment`).',
  ],
  [
    "Okta Verify not usable, the kind of org unknown: both keys named",
    input({ code: "access_denied", status: 403, description: "Please enroll an authenticator" }, "primary-authenticate", "oob-okta-verify"),
    "Okta Verify (`okta_verify` (`okta_verify_push` with Flexible Okta Verify)) with its `push` method cannot be used by `tester@example.com`: " +
      "make it ACTIVE with that method, Optional or Required in the default enrollment policy, enroll the user, and re-run `pulumi up` " +
      '(guide step "Enable authenticators for your org"; `okta.Authenticator` `okta_verify` (`okta_verify_push` with Flexible Okta Verify), `OrgAuthenticatorSettings` methods and enroll, `okta-direct-auth:enrollment`).',
  ],
  [
    "Okta Verify not usable in a flexible org: the split key",
    input({ code: "access_denied", status: 403, description: ENROLL }, "primary-authenticate", "oob-okta-verify", { oktaVerify: "flexible" }),
    "Okta Verify (`okta_verify_push`) with its `push` method cannot be used by `tester@example.com`: " +
      "make it ACTIVE with that method, Optional or Required in the default enrollment policy, enroll the user, and re-run `pulumi up` " +
      '(guide step "Enable authenticators for your org"; `okta.Authenticator` `okta_verify_push`, `OrgAuthenticatorSettings` methods and enroll, `okta-direct-auth:enrollment`).',
  ],
  [
    "Okta Verify not usable in a classic org: the classic key alone",
    input({ code: "access_denied", status: 403, description: ENROLL }, "primary-authenticate", "oob-okta-verify", { oktaVerify: "classic" }),
    "Okta Verify (`okta_verify`) with its `push` method cannot be used by `tester@example.com`: " +
      "make it ACTIVE with that method, Optional or Required in the default enrollment policy, enroll the user, and re-run `pulumi up` " +
      '(guide step "Enable authenticators for your org"; `okta.Authenticator` `okta_verify`, `OrgAuthenticatorSettings` methods and enroll, `okta-direct-auth:enrollment`).',
  ],
  [
    "requirements the flow cannot meet",
    input({ code: "access_denied", status: 403, description: "direct_auth_requirements_not_challenged" }, "otp", "otp"),
    'the sign-in policy of `Direct Auth OTP` asks for factors the `otp` flow cannot provide: make rule `1Factor` ask for "Any 1 factor type" and re-run `pulumi up` ' +
      '(guide step "Set up the authentication policy"; `okta.AppSignonPolicyRule` factorMode/constraints).',
  ],
  [
    "an expired mfa_token",
    input({ code: "access_denied", status: 403, description: "The mfa_token has expired." }, "challenge", "mfa-oob-phone"),
    "the `mfa_token` expired before the second factor was sent: re-run the smoke check and complete the second factor sooner.",
  ],
  [
    "an expired mfa_token on the OTP leg",
    input({ code: "access_denied", status: 403, description: "The mfa_token has expired." }, "otp", "mfa-otp"),
    "the `mfa_token` expired before the second factor was sent: re-run the smoke check and complete the second factor sooner.",
  ],
  [
    "an expired oob_code (access_denied)",
    input({ code: "access_denied", status: 403, description: "The oob_code has expired." }, "poll", "oob-okta-verify"),
    "the `oob_code` expired before the flow finished: re-run the smoke check and complete the human step sooner.",
  ],
  [
    "an expired oob_code (expired_token)",
    input({ code: "expired_token", status: 400, description: "The device code has expired." }, "poll", "oob-okta-verify"),
    "the `oob_code` expired before the flow finished: re-run the smoke check and complete the human step sooner.",
  ],
  [
    "any other denial",
    input({ code: "access_denied", status: 403, description: "Something odd" }, "password", "mfa-otp"),
    "Okta denied `tester@example.com` access to `Direct Auth MFA OTP` (\"Something odd\"): check rule `2 MFA OTP Factor` of the app's sign-in policy names the test user, and re-run `pulumi up` " +
      '(guide step "Set up the authentication policy"; `okta.AppSignonPolicyRule`).',
  ],
  [
    "a denial without words",
    input({ code: "access_denied", status: 403 }, "password", "mfa-otp"),
    "Okta denied `tester@example.com` access to `Direct Auth MFA OTP`: check rule `2 MFA OTP Factor` of the app's sign-in policy names the test user, and re-run `pulumi up` " +
      '(guide step "Set up the authentication policy"; `okta.AppSignonPolicyRule`).',
  ],
  [
    "a second factor asked of a primary-factor flow",
    input({ code: "mfa_required", status: 403 }, "poll", "oob-okta-verify"),
    "`oob-okta-verify` is a primary-factor flow but `Direct Auth Okta Verify Push` asks for a second factor: " +
      'make rule `1Factor` ask for "Any 1 factor type", let the global session policy start a session with any factor, and re-run `pulumi up` ' +
      '(guide step "Set up the authentication policy"; `okta.AppSignonPolicyRule` factorMode 1FA; `okta.policy.RuleSignon` primaryFactor PASSWORD_IDP_ANY_FACTOR).',
  ],
  [
    "mfa_required in an MFA flow is no setup error of its own",
    input({ code: "mfa_required", status: 403 }, "otp", "mfa-otp"),
    "Okta answered HTTP 403 `mfa_required`: compare with the error table in docs/direct-auth-reference.md#errors.",
  ],
  [
    "the password alone signed in",
    input({ code: "password_alone_succeeded" }, "password", "mfa-otp"),
    "the password alone signed `tester@example.com` in to `Direct Auth MFA OTP`, so its rule never asks for the second factor: " +
      'make rule `2 MFA OTP Factor` ask for "Password + Another factor" and re-run `pulumi up` ' +
      '(guide step "Set up the authentication policy"; `okta.AppSignonPolicyRule` factorMode 2FA with the password constraint).',
  ],
  [
    "a locked-out user",
    input({ code: "invalid_grant", status: 400, description: "The user is locked out." }, "password", "mfa-otp"),
    "`tester@example.com` is locked out: Okta's password policy locks a user after too many failed sign-in attempts in a row (10 by default), wrong passwords and wrong primary passcodes alike: " +
      "unlock the user, then check the password and codes the smoke check is given before running it again " +
      "(Admin Console Directory > People > Unlock, or `POST /api/v1/users/{id}/lifecycle/unlock`).",
  ],
  [
    "too many wrong codes",
    input({ code: "invalid_grant", status: 400, description: "Too many attempts." }, "otp", "mfa-otp"),
    'too many wrong codes were given for this sign-in of `tester@example.com`, so Okta stopped accepting codes for it ("Too many attempts."): ' +
      "start the sign-in again from the first leg and use the newest code (Okta allows a few wrong codes per mfa_token or oob_code).",
  ],
  [
    "phone codes throttled (rate_limited)",
    input({ code: "rate_limited", status: 429, description: "Request throttled" }, "challenge", "mfa-oob-phone", { channel: "voice" }),
    "Okta throttled the voice codes to `tester@example.com`: it sends one SMS or voice code per user every 30 seconds: wait half a minute and run again; do not run two smoke checks for the same user at once.",
  ],
  [
    "phone codes throttled (invalid_request), channel unknown",
    input({ code: "invalid_request", status: 400, description: "A code was recently sent" }, "primary-authenticate", "oob-phone", { channel: undefined }),
    "Okta throttled the phone codes to `tester@example.com`: it sends one SMS or voice code per user every 30 seconds: wait half a minute and run again; do not run two smoke checks for the same user at once.",
  ],
  [
    "rate-limited after retries while sending codes",
    input({ code: "rate_limited", status: 429, detail: { path: "/oauth2/v1/primary-authenticate", retries: 3, resetSeconds: 25 } }, "primary-authenticate", "oob-phone"),
    "Okta kept throttling `/oauth2/v1/primary-authenticate` for `tester@example.com` after 3 retries (resets in 25 s): Okta sends SMS and voice codes to a user at most once every 30 seconds: wait and run again.",
  ],
  [
    "an unknown user",
    input({ code: "invalid_grant", status: 400, description: "direct_auth_invalid_login_hint" }, "primary-authenticate", "oob-email"),
    "Okta knows no user `tester@example.com`: check the login (stack output `testUserLogin`) and that the user is ACTIVE (`okta-direct-auth:testUser` / `--username`).",
  ],
  [
    "a refused password",
    input({ code: "invalid_grant", status: 400, description: "The credentials provided were invalid." }, "password", "mfa-otp"),
    "Okta refused the password of `tester@example.com`: check the password and that the user exists, is ACTIVE and not locked out (`OKTA_SMOKE_PASSWORD` or the stack output `testUserPassword`).",
  ],
  [
    "a refused TOTP code",
    input({ code: "invalid_grant", status: 400, description: "The one-time passcode is invalid." }, "otp", "otp"),
    'the TOTP code for `tester@example.com` was refused ("The one-time passcode is invalid."): ' +
      "check the secret is the user's Google Authenticator enrollment; Okta accepts each passcode once, so a smoke run repeated within about a minute, or a clock more than two minutes off, also gives this error " +
      "(`OKTA_SMOKE_TOTP_SECRET`).",
  ],
  [
    "a rejected push",
    input({ code: "invalid_grant", status: 400, description: "The user rejected the push notification (direct_auth_oob_reject)." }, "poll", "oob-okta-verify"),
    "the push to `tester@example.com` was rejected on the device: approve it in Okta Verify, or find out who rejected it.",
  ],
  [
    "a refused SMS code",
    input({ code: "invalid_grant", status: 400, description: "The code is invalid." }, "token", "mfa-oob-phone", { channel: "sms" }),
    'the sms code was refused ("The code is invalid."): enter the code from the newest message, before it expires.',
  ],
  [
    "a refused code of no known channel",
    input({ code: "invalid_grant", status: 400 }, "token", "mfa-oob-phone", { channel: undefined }),
    "the one-time code was refused: enter the code from the newest message, before it expires.",
  ],
  [
    "any other refused grant",
    input({ code: "invalid_grant", status: 400, description: "Something odd" }, "challenge", "mfa-oob-phone"),
    'Okta refused the grant ("Something odd"): check the test user\'s credentials and enrollments.',
  ],
  [
    "an unavailable phone channel",
    input({ code: "invalid_request", status: 400, description: "The channel_hint is invalid" }, "challenge", "mfa-oob-phone", { channel: "voice" }),
    "the `voice` channel is not available for Phone: activate that method (or pick another one with `--channel`) and re-run `pulumi up` " +
      '(guide step "Enable authenticators for your org"; `okta-direct-auth:phoneChannels`).',
  ],
  [
    "an unavailable Okta Verify channel",
    input({ code: "invalid_request", status: 400, description: "Invalid channel" }, "challenge", "mfa-oob-okta-verify", { oktaVerify: "flexible" }),
    "the `push` channel is not available for Okta Verify: activate that method (or pick another one with `--channel`) and re-run `pulumi up` " +
      '(guide step "Enable authenticators for your org"; `okta.Authenticator` `okta_verify_push` methods).',
  ],
  [
    "a malformed request",
    input({ code: "invalid_request", status: 400, description: "direct_auth_missing_login_hint" }, "primary-authenticate", "oob-email"),
    'Okta rejected the primary-authenticate request as malformed ("direct_auth_missing_login_hint"): this is a bug in the smoke check: report it with this line.',
  ],
  [
    "a scope refused where no scope is sent",
    input({ code: "invalid_scope", status: 400, description: "direct_auth_scope_not_allowed" }, "challenge", "mfa-oob-email"),
    'Okta refused a scope on `challenge` ("direct_auth_scope_not_allowed"): this is a bug in the smoke check (those endpoints take no scope): report it with this line.',
  ],
  [
    "a scope the server does not grant",
    input({ code: "invalid_scope", status: 400 }, "token", "mfa-oob-email", { scope: "openid offline_access" }),
    "the authorization server does not grant the scopes `openid offline_access`: allow them in the access-policy rule (or ask for fewer) and re-run `pulumi up` " +
      '(guide step "Set up your authorization server"; `okta.auth.ServerPolicyRule` scopeWhitelists, or `--scope`).',
  ],
  [
    "an unknown client",
    input({ code: "invalid_client", status: 401 }, "otp", "otp"),
    "`https://dev-1.okta.com` knows no client `0oaCLIENT`: use the client ID of an app in this org (re-run `pulumi up` if the app was deleted) " +
      '(guide step "Set up your app"; stack output `apps[].clientId` / `--client-id`).',
  ],
  [
    "authorization_pending outside polling",
    input({ code: "authorization_pending", status: 400 }, "token", "mfa-oob-phone"),
    "Okta answered `authorization_pending` outside polling: this is a bug in the smoke check: report it with this line.",
  ],
  [
    "slow_down outside polling",
    input({ code: "slow_down", status: 400 }, "token", "mfa-oob-phone"),
    "Okta answered `slow_down` outside polling: this is a bug in the smoke check: report it with this line.",
  ],
  [
    "rate-limited after retries",
    input({ code: "rate_limited", status: 429, detail: { path: "/oauth2/v1/token", retries: 2, resetSeconds: 30 } }, "otp", "otp"),
    "Okta kept rate-limiting `/oauth2/v1/token` after 2 retries (resets in 30 s): wait for the limit to reset and re-run, or raise the org's rate limits.",
  ],
  [
    "a timeout",
    input({ code: "timeout", detail: { path: "/oauth2/v1/token", timeoutMs: 500 } }, "otp", "otp"),
    "`/oauth2/v1/token` did not answer within 500 ms: check the connection to the org, or raise `--timeout`.",
  ],
  [
    "an answer too large",
    input({ code: "too_large", status: 200, detail: { path: "/oauth2/v1/keys", limitBytes: 2 * 1024 * 1024 } }, "jwks", "otp"),
    "`/oauth2/v1/keys` answered more than 2 MiB (HTTP 200); the check stopped reading there: a proxy or wrong issuer is in the way: check the issuer URL and any proxy.",
  ],
  [
    "a refused TLS certificate",
    input({ code: "tls", detail: { host: "dev-1.okta.com", cause: "SELF_SIGNED_CERT_IN_CHAIN" } }, "discovery", "otp"),
    "the TLS certificate of `dev-1.okta.com` was not accepted (SELF_SIGNED_CERT_IN_CHAIN): use the org's real URL, or trust the proxy's CA with NODE_EXTRA_CA_CERTS.",
  ],
  [
    "an unreachable host",
    input({ code: "network", detail: { host: "dev-1.okta.com", cause: "ENOTFOUND" } }, "discovery", "otp"),
    "could not reach `dev-1.okta.com` (ENOTFOUND): check the issuer URL, DNS and proxy settings.",
  ],
  [
    "an insecure URL",
    input({ code: "insecure_url", detail: { url: "http://dev-1.okta.com/", reason: "plain http to a host that is not loopback" } }, "discovery", "otp"),
    "`http://dev-1.okta.com/` is refused: plain http to a host that is not loopback: use https (plain http is allowed only for loopback hosts such as the emulator) " +
      '(guide step "Set up your authorization server"; `--issuer` / stack output `issuer`).',
  ],
  [
    "an HTML page",
    input({ code: "html", status: 200, detail: { path: "/oauth2/v1/token", contentType: "text/html" } }, "otp", "otp"),
    "`/oauth2/v1/token` answered an HTML page (HTTP 200) instead of JSON: a proxy, login page or wrong issuer is in the way: check the issuer URL and any proxy.",
  ],
  [
    "a body of another type",
    input({ code: "not_json", status: 200, detail: { path: "/oauth2/v1/token", contentType: "text/plain" } }, "otp", "otp"),
    "`/oauth2/v1/token` answered HTTP 200 with text/plain, not JSON: check the issuer URL and any proxy between here and the org.",
  ],
  [
    "a body that does not parse",
    input({ code: "invalid_json", status: 200, detail: { path: "/oauth2/v1/token" } }, "otp", "otp"),
    "`/oauth2/v1/token` answered HTTP 200 with a body that is not a JSON object, not JSON: check the issuer URL and any proxy between here and the org.",
  ],
  [
    "a body that is no object",
    input({ code: "unexpected_body", status: 502, detail: { path: "/oauth2/v1/token" } }, "otp", "otp"),
    "`/oauth2/v1/token` answered HTTP 502 with a body that is not a JSON object, not JSON: check the issuer URL and any proxy between here and the org.",
  ],
  [
    "a redirect",
    input({ code: "redirect", status: 302, detail: { path: "/oauth2/v1/token", location: "https://login.example.com/" } }, "otp", "otp"),
    "`/oauth2/v1/token` redirected (HTTP 302) to `https://login.example.com/`: use the issuer exactly as the org spells it; redirects are not followed.",
  ],
  [
    "a server error",
    input({ code: "server_error", status: 500, detail: { path: "/oauth2/v1/token", errorCode: "E0000009" } }, "otp", "otp"),
    "`/oauth2/v1/token` failed on the server (HTTP 500, E0000009): this is on Okta's side: re-run later, and check status.okta.com if it persists.",
  ],
  [
    "no discovery document",
    input({ code: "discovery_not_found", status: 404 }, "discovery", "otp"),
    "there is no OpenID configuration under `https://dev-1.okta.com`: use the org URL (org authorization server) or `{org}/oauth2/{authServerId}` (custom one) " +
      '(guide step "Set up your authorization server"; `--issuer` / stack output `issuer`).',
  ],
  [
    "another issuer announced",
    input({ code: "issuer_mismatch", detail: { announced: CUSTOM } }, "discovery", "otp"),
    `the discovery document names issuer \`${CUSTOM}\`, not \`https://dev-1.okta.com\`: use the issuer exactly as the org announces it ` +
      '(guide step "Set up your authorization server"; `--issuer` / stack output `issuer`).',
  ],
  [
    "an odd token endpoint",
    input({ code: "unexpected_token_endpoint", detail: { tokenEndpoint: "https://dev-1.okta.com/oauth2/v1/tokens" } }, "discovery", "otp"),
    "the token endpoint `https://dev-1.okta.com/oauth2/v1/tokens` does not end in /token: check the issuer: this does not look like an Okta authorization server.",
  ],
  [
    "an endpoint on another origin",
    input({ code: "foreign_endpoint", detail: { field: "jwks_uri", origin: "https://keys.example", issuerOrigin: "https://dev-1.okta.com" } }, "discovery", "otp"),
    "the discovery document puts `jwks_uri` on `https://keys.example`, not on the issuer's origin `https://dev-1.okta.com`; nothing was sent there: " +
      "check the issuer: Okta serves its token endpoint and keys on the issuer's own origin.",
  ],
  [
    "a field missing from an answer",
    input({ code: "missing_field", detail: { path: "/oauth2/v1/primary-authenticate", field: "oob_code" } }, "primary-authenticate", "oob-email"),
    "the answer of `/oauth2/v1/primary-authenticate` lacks `oob_code`: check the issuer: the server is not speaking Direct Authentication as documented.",
  ],
  [
    "an unknown binding method",
    input({ code: "unsupported_binding", detail: { bindingMethod: "prompt" } }, "primary-authenticate", "oob-okta-verify"),
    "Okta asked for binding method `prompt`, which the smoke check does not know: report it with this line.",
  ],
  [
    "a push nobody approved",
    input({ code: "oob_expired", detail: { expiresIn: 300 } }, "poll", "oob-okta-verify"),
    "nobody approved the push within its 300 s: approve the push in Okta Verify in time (`--interactive` shows a countdown).",
  ],
  [
    "no ID token",
    input({ code: "no_id_token" }, "token", "otp"),
    "the token response has no ID token: ask for the `openid` scope (`--scope`).",
  ],
  [
    "an ID token signed by another key",
    input({ code: "id_token_signature" }, "id-token", "otp"),
    "the ID token's signature does not verify against the JWKS of `https://dev-1.okta.com` (signature): check that the issuer is the authorization server that issued the token (org vs custom).",
  ],
  [
    "an ID token whose key the JWKS lacks",
    input({ code: "id_token_unknown_key" }, "id-token", "otp"),
    "the ID token's signature does not verify against the JWKS of `https://dev-1.okta.com` (unknown_key): check that the issuer is the authorization server that issued the token (org vs custom).",
  ],
  [
    "an ID token of an algorithm not allowed",
    input({ code: "id_token_algorithm" }, "id-token", "otp"),
    "the ID token's signature does not verify against the JWKS of `https://dev-1.okta.com` (algorithm): check that the issuer is the authorization server that issued the token (org vs custom).",
  ],
  [
    "an ID token claim that does not match",
    input({ code: "id_token_claim", detail: { claim: "aud" } }, "id-token", "otp"),
    "the ID token's `aud` claim does not match (expected issuer `https://dev-1.okta.com`, audience `0oaCLIENT`): check the issuer and client ID belong together.",
  ],
  ["an expired ID token", input({ code: "id_token_expired" }, "id-token", "otp"), "the ID token is already expired: check this machine's clock."],
  [
    "an ID token that is no JWT",
    input({ code: "id_token_invalid", detail: { reason: "ERR_JWT_INVALID" } }, "id-token", "otp"),
    "the ID token is not a valid JWT (ERR_JWT_INVALID): check the issuer.",
  ],
  [
    "a code outbox that redirects",
    input({ code: "outbox_unavailable", status: 302, detail: { path: "/__emulator/outbox", redirected: "yes" } }, "token", "oob-email"),
    "the code outbox `/__emulator/outbox` redirected (HTTP 302); redirects are not followed: point `--code-outbox` at the emulator's `/__emulator/outbox` (`--code-outbox`).",
  ],
  [
    "a code outbox that answers no message list",
    input({ code: "outbox_unavailable", status: 404, detail: { path: "/__emulator/outbox" } }, "token", "oob-email"),
    "the code outbox `/__emulator/outbox` answered HTTP 404 without a message list: point `--code-outbox` at the emulator's `/__emulator/outbox` (`--code-outbox`).",
  ],
  [
    "a code outbox out of reach",
    input({ code: "outbox_unavailable", detail: { path: "/__emulator/outbox" } }, "token", "oob-email"),
    "the code outbox `/__emulator/outbox` could not be reached: point `--code-outbox` at the emulator's `/__emulator/outbox` (`--code-outbox`).",
  ],
  [
    "a code outbox out of reach, nothing more known",
    input({ code: "outbox_unavailable" }, "code", "oob-email"),
    "the code outbox `?` could not be reached: point `--code-outbox` at the emulator's `/__emulator/outbox` (`--code-outbox`).",
  ],
  [
    "a timeout, nothing more known",
    input({ code: "timeout" }, "otp", "otp"),
    "`?` did not answer within undefined ms: check the connection to the org, or raise `--timeout`.",
  ],
  [
    "an internal failure",
    input({ code: "internal_error", detail: { name: "TypeError" } }, "token", "otp"),
    "the smoke check failed internally (TypeError): report it with this line.",
  ],
  [
    "anything else, with a status and words",
    input({ code: "E0000099", status: 400, description: "Something else" }, "otp", "otp"),
    'Okta answered HTTP 400 `E0000099` ("Something else"): compare with the error table in docs/direct-auth-reference.md#errors.',
  ],
  [
    "anything else, bare",
    input({ code: "E0000099" }, "otp", "otp"),
    "Okta answered `E0000099`: compare with the error table in docs/direct-auth-reference.md#errors.",
  ],
];

describe("every diagnosis, word for word", () => {
  it.each(CASES)("%s", (_name, i, sentence) => {
    expect(diagnose(i)).toBe(sentence);
  });
});
