import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { VariantId, variant } from "../../src/catalogue/variants";
import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { EmulatorOptions, RunningEmulator } from "../../src/emulator";
import { expectOAuthError, expectOktaError, OKTA_SAYS } from "./support/expectations";
import {
  Endpoints,
  FlowTarget,
  SCOPE,
  challenge,
  endpointsOf,
  freshTotpCode,
  mfaOobFlow,
  mfaOtpFlow,
  mfaToken,
  oobFlow,
  otpGrant,
  passwordGrant,
  pollToken,
  primaryAuthenticate,
  receivedCode,
} from "./support/flows";
import { JsonResponse, clearOfStepBoundary, currentTotpStep, getJson, postForm, sleep, totpCode, totpCodeAt } from "./support/http";
import { DeclaredApp, appOf, devEvaluation, resourcesOf, withInputs } from "./support/evaluations";
import { emulatedOrgs } from "../helpers/orgs";

let evaluation: Evaluation;
let emulator: RunningEmulator;
let endpoints: Endpoints;
const start = emulatedOrgs();

function started(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  // Many flows on one org: the SMS throttle and rate limits (lockouts.test.ts, rateLimits.test.ts) would only get in the way.
  return start({ evaluation, pollIntervalSeconds: 0, rateLimits: "reported", ...options });
}

function target(variantId: VariantId, on = emulator, at = endpoints): FlowTarget {
  return { emulator: on, endpoints: at, clientId: appOf(evaluation, variantId).clientId };
}

const token = (form: Record<string, string | undefined>) => postForm(endpoints.token, form);

beforeAll(async () => {
  evaluation = await devEvaluation();
  emulator = await started({ push: { outcome: "approve", afterPolls: 2, bindingMethod: "none" } });
  endpoints = await endpointsOf(emulator);
});

/** Spec §3 "Token success", with the ID token verified against the server's JWKS. */
async function expectTokens(answer: JsonResponse, app: DeclaredApp, at = endpoints, on = emulator): Promise<void> {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.contentType).toBe("application/json");
  expect(answer.body).toMatchObject({ token_type: "Bearer", expires_in: expect.any(Number), access_token: expect.any(String) });
  expect(answer.body.scope).toBe("openid profile");
  expect(answer.body.refresh_token).toBeUndefined();
  const jwks = createLocalJWKSet((await getJson(at.jwks)).body as never);
  const { payload, protectedHeader } = await jwtVerify(String(answer.body.id_token), jwks, {
    issuer: at.issuer,
    audience: app.clientId,
  });
  expect(protectedHeader.alg).toBe("RS256");
  expect(payload.sub).toMatch(/^00u/);
  expect(payload.preferred_username).toBe(on.testUser.login);
  expect(payload.exp! * 1000).toBeGreaterThan(Date.now());
  expect(payload.iat! * 1000).toBeLessThanOrEqual(Date.now() + 1000);
}

describe("every variant of Pulumi.dev.yaml completes its flow with raw HTTP (reference: wire protocol)", () => {
  const declared = () => (evaluation.outputs.apps as DeclaredApp[]).flatMap((a) => a.variants as VariantId[]);

  it("declares each variant of the catalogue", () => {
    expect(new Set(declared())).toEqual(
      new Set(["otp", "mfa-otp", "oob-okta-verify", "mfa-oob-okta-verify", "oob-phone", "mfa-oob-phone", "oob-email", "mfa-oob-email"]),
    );
  });

  it.each(["otp", "mfa-otp", "oob-okta-verify", "mfa-oob-okta-verify", "oob-phone", "mfa-oob-phone", "oob-email", "mfa-oob-email"] as const)(
    "%s",
    async (variantId) => {
      const v = variant(variantId);
      const t = target(variantId);
      const pending: string[] = [];
      const answer =
        v.flow === "otp"
          ? await otpGrant(t)
          : v.flow === "mfa-otp"
            ? await mfaOtpFlow(t)
            : v.flow === "oob"
              ? await oobFlow(t, v.channels[0], pending)
              : await mfaOobFlow(t, v.channels[0], pending);
      await expectTokens(answer, appOf(evaluation, variantId));
      expect(pending).toEqual(v.channels[0] === "push" ? ["authorization_pending", "authorization_pending"] : []);
    },
  );
});

describe("wire details", () => {
  it("discovery names the issuer, token endpoint, JWKS and the direct auth grants", async () => {
    const discovery = await getJson(`${emulator.url}/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(discovery.contentType).toBe("application/json");
    expect(discovery.body).toMatchObject({
      issuer: emulator.url,
      token_endpoint: `${emulator.url}/oauth2/v1/token`,
      jwks_uri: `${emulator.url}/oauth2/v1/keys`,
    });
    expect(discovery.body.grant_types_supported).toEqual(
      expect.arrayContaining([
        "authorization_code",
        "password",
        "refresh_token",
        "urn:okta:params:oauth:grant-type:otp",
        "urn:okta:params:oauth:grant-type:oob",
        "http://auth0.com/oauth/grant-type/mfa-otp",
        "http://auth0.com/oauth/grant-type/mfa-oob",
      ]),
    );
  });

  it("signs with the RS256 key its JWKS publishes (kid), and only that key", async () => {
    const answer = await otpGrant(target("otp"));
    const jwks = (await getJson(endpoints.jwks)).body as { keys: { kid: string; kty: string; alg: string; d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(jwks.keys[0].d).toBeUndefined();
    expect(decodeProtectedHeader(String(answer.body.id_token)).kid).toBe(jwks.keys[0].kid);
    expect(decodeProtectedHeader(String(answer.body.access_token)).kid).toBe(jwks.keys[0].kid);
  });

  it("answers a push start with oob_code, expires_in, interval, channel and binding_method", async () => {
    const start = await primaryAuthenticate(target("oob-okta-verify"), "push");
    expect(start.status).toBe(200);
    expect(start.contentType).toBe("application/json");
    expect(start.body).toEqual({
      oob_code: expect.any(String),
      expires_in: 300,
      interval: 0,
      channel: "push",
      binding_method: "none",
    });
  });

  it("answers an SMS start with binding_method prompt and no interval, and sends a 6-digit code", async () => {
    const start = await primaryAuthenticate(target("oob-phone"), "sms");
    expect(start.body).toEqual({ oob_code: expect.any(String), expires_in: 300, channel: "sms", binding_method: "prompt" });
    expect(await receivedCode(emulator, "sms")).toMatch(/^\d{6}$/);
  });

  it("adds a two-digit binding_code for number challenge (transfer) and still only needs polling", async () => {
    const transfer = await started({ push: { outcome: "approve", afterPolls: 0, bindingMethod: "transfer" } });
    const t = target("oob-okta-verify", transfer, await endpointsOf(transfer));
    const start = await primaryAuthenticate(t, "push");
    expect(start.body).toMatchObject({ binding_method: "transfer", binding_code: expect.stringMatching(/^\d{2}$/) });
    const answer = await pollToken(t, start.body, { grant_type: GRANT.oob, scope: SCOPE });
    expect(answer.status).toBe(200);
  });

  it("accepts the deprecated /oob-authenticate without challenge_hint, but /primary-authenticate needs it", async () => {
    const t = target("oob-email");
    const phone = target("oob-phone");
    const alias = await postForm(endpoints.oobAuthenticate, {
      client_id: phone.clientId,
      login_hint: emulator.testUser.login,
      channel_hint: "sms",
    });
    expect(alias.status).toBe(200);
    expect(alias.body.binding_method).toBe("prompt");
    const noHint = await postForm(endpoints.primaryAuthenticate, {
      client_id: t.clientId,
      login_hint: emulator.testUser.login,
      channel_hint: "email",
    });
    expect(noHint.status).toBe(400);
    expect(noHint.body.error).toBe("invalid_request");
  });

  it("refuses email at the deprecated /oob-authenticate, whose channel_hint is push, sms or voice only", async () => {
    const email = await postForm(endpoints.oobAuthenticate, {
      client_id: target("oob-email").clientId,
      login_hint: emulator.testUser.login,
      channel_hint: "email",
    });
    expectOAuthError(email, 400, "invalid_request", /direct_auth_invalid_channel_hint/);
  });

  it("emails a code of 6 to 10 characters, digits and uppercase letters, as Okta may", async () => {
    const lengths = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const start = await primaryAuthenticate(target("oob-email"), "email");
      expect(start.body).toEqual({ oob_code: expect.any(String), expires_in: 300, channel: "email", binding_method: "prompt" });
      const code = await receivedCode(emulator, "email");
      expect(code).toMatch(/^[A-Z0-9]{6,10}$/);
      lengths.add(code.length);
    }
    expect(lengths.size).toBeGreaterThan(1);
  });

  it("answers /challenge with the challenge_type and the same fields as a primary start", async () => {
    const t = target("mfa-oob-phone");
    const start = await challenge(t, await mfaToken(t), "sms");
    expect(start.status).toBe(200);
    expect(start.body).toEqual({
      challenge_type: GRANT.mfaOob,
      oob_code: expect.any(String),
      expires_in: 300,
      channel: "sms",
      binding_method: "prompt",
    });
  });

  it("answers /challenge for mfa-otp with the challenge_type only; the OTP then goes to /token", async () => {
    const t = target("mfa-otp");
    const mfa = await mfaToken(t);
    const start = await postForm(endpoints.challenge, {
      client_id: t.clientId,
      mfa_token: mfa,
      challenge_types_supported: `${GRANT.mfaOtp} ${GRANT.mfaOob}`,
    });
    expect(start.body).toEqual({ challenge_type: GRANT.mfaOtp });
    const answer = await token({
      client_id: t.clientId,
      grant_type: GRANT.mfaOtp,
      mfa_token: mfa,
      otp: freshTotpCode(emulator),
    });
    await expectTokens(answer, appOf(evaluation, "mfa-otp"));
  });

  it("returns tokens for the password alone when the rule is 1FA (Any 1 factor type)", async () => {
    const { app } = resourcesOf(evaluation, "otp");
    const withPassword = withInputs(evaluation, app, (i) => ({ ...i, grantTypes: [...(i.grantTypes as string[]), GRANT.password] }));
    const oneFactor = await started({ evaluation: withPassword });
    const answer = await passwordGrant(target("otp", oneFactor, await endpointsOf(oneFactor)));
    expect(answer.status).toBe(200);
    expect(answer.body.access_token).toEqual(expect.any(String));
  });

  it("issues a refresh token for offline_access only when the app has the refresh_token grant, and redeems it", async () => {
    const { app } = resourcesOf(evaluation, "otp");
    const refreshable = withInputs(evaluation, app, (i) => ({ ...i, grantTypes: [...(i.grantTypes as string[]), GRANT.refreshToken] }));
    const running = await started({ evaluation: refreshable });
    const t = target("otp", running, await endpointsOf(running));
    const answer = await otpGrant(t);
    expect(answer.body.scope).toBe(SCOPE);
    expect(answer.body.refresh_token).toEqual(expect.any(String));
    const refreshed = await postForm(t.endpoints.token, {
      client_id: t.clientId,
      grant_type: GRANT.refreshToken,
      refresh_token: String(answer.body.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(answer.body.refresh_token);
  });
});

describe("simulated push outcomes and polling", () => {
  it("a rejected push ends the poll with invalid_grant", async () => {
    const rejecting = await started({ push: { outcome: "reject", afterPolls: 1, bindingMethod: "none" } });
    const seen: string[] = [];
    const answer = await oobFlow(target("oob-okta-verify", rejecting, await endpointsOf(rejecting)), "push", seen);
    expect(seen).toEqual(["authorization_pending"]);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("invalid_grant");
  });

  it("an unanswered push stays pending until expires_in, then the oob_code has expired", async () => {
    const ignoring = await started({
      push: { outcome: "never", afterPolls: 0, bindingMethod: "none" },
      pollIntervalSeconds: 0.05,
      oobExpiresInSeconds: 1,
    });
    const t = target("mfa-oob-okta-verify", ignoring, await endpointsOf(ignoring));
    const mfa = await mfaToken(t);
    const start = await challenge(t, mfa, "push");
    const form = { client_id: t.clientId, grant_type: GRANT.mfaOob, mfa_token: mfa, oob_code: String(start.body.oob_code) };
    expect((await postForm(t.endpoints.token, form)).body.error).toBe("authorization_pending");
    await sleep(1050);
    const late = await postForm(t.endpoints.token, form);
    expect(late.status).toBe(403);
    expect(late.body.error).toBe("access_denied");
    expect(late.body.error_description).toMatch(/expired/);
  });

  it("answers slow_down to a poll that comes before `interval` has passed, and counts the next on-time poll", async () => {
    const strict = await started({ pollIntervalSeconds: 1, push: { outcome: "approve", afterPolls: 1, bindingMethod: "none" } });
    const t = target("oob-okta-verify", strict, await endpointsOf(strict));
    const start = await primaryAuthenticate(t, "push");
    const form = { client_id: t.clientId, grant_type: GRANT.oob, scope: SCOPE, oob_code: String(start.body.oob_code) };
    expect((await postForm(t.endpoints.token, form)).body.error).toBe("authorization_pending");
    const early = await postForm(t.endpoints.token, form);
    expect(early.status).toBe(400);
    expect(early.body.error).toBe("slow_down");
    await sleep(1000);
    expect((await postForm(t.endpoints.token, form)).status).toBe(200);
  });
});

describe("the user got it wrong: 400 invalid_grant", () => {
  it("wrong OTP", async () => {
    const code = totpCode(emulator.testUser.totpSecret);
    expectOAuthError(await otpGrant(target("otp"), String((Number(code) + 500_000) % 1_000_000).padStart(6, "0")), 400, "invalid_grant");
  });

  it("accepts a code up to four 30 s steps away either side (Okta's two-minute clock skew), not five", async () => {
    const drifting = await started();
    const t = target("otp", drifting, await endpointsOf(drifting));
    const secret = drifting.testUser.totpSecret;
    await clearOfStepBoundary();
    expectOAuthError(await otpGrant(t, totpCode(secret, -5)), 400, "invalid_grant");
    expectOAuthError(await otpGrant(t, totpCode(secret, 5)), 400, "invalid_grant");
    // The older first: once a code is accepted, none from an earlier step is.
    expect((await otpGrant(t, totpCode(secret, -4))).status).toBe(200);
    expect((await otpGrant(t, totpCode(secret, 4))).status).toBe(200);
  });

  it("refuses a replayed code, on either OTP grant: Okta accepts each passcode once", async () => {
    const fresh = await started();
    const at = await endpointsOf(fresh);
    const code = freshTotpCode(fresh);
    const otp = target("otp", fresh, at);
    expect((await otpGrant(otp, code)).status).toBe(200);
    expectOAuthError(await otpGrant(otp, code), 400, "invalid_grant");
    const mfa = target("mfa-otp", fresh, at);
    const replayed = await postForm(at.token, { client_id: mfa.clientId, grant_type: GRANT.mfaOtp, mfa_token: await mfaToken(mfa), otp: code, scope: SCOPE });
    expectOAuthError(replayed, 400, "invalid_grant");
  });

  it("refuses a code from a step before the last accepted one, though it was never used", async () => {
    const fresh = await started();
    const t = target("otp", fresh, await endpointsOf(fresh));
    const secret = fresh.testUser.totpSecret;
    const step = currentTotpStep();
    expect((await otpGrant(t, totpCodeAt(secret, step + 1))).status).toBe(200);
    expectOAuthError(await otpGrant(t, totpCodeAt(secret, step)), 400, "invalid_grant");
  });

  it("wrong password", async () => {
    expectOAuthError(await passwordGrant(target("mfa-otp"), "not-the-password"), 400, "invalid_grant", /credentials provided were invalid/);
  });

  it("unknown login_hint", async () => {
    const t = target("oob-email");
    const answer = await postForm(endpoints.primaryAuthenticate, {
      client_id: t.clientId,
      login_hint: "nobody@example.com",
      channel_hint: "email",
      challenge_hint: GRANT.oob,
    });
    expectOAuthError(answer, 400, "invalid_grant", /login_hint/);
  });

  it("wrong binding code, then the right one still works", async () => {
    const t = target("oob-phone");
    const start = await primaryAuthenticate(t, "sms");
    const form = { client_id: t.clientId, grant_type: GRANT.oob, scope: SCOPE, oob_code: String(start.body.oob_code) };
    const code = await receivedCode(emulator, "sms");
    const wrong = code === "000000" ? "111111" : "000000";
    expectOAuthError(await token({ ...form, binding_code: wrong }), 400, "invalid_grant");
    expect((await token({ ...form, binding_code: code })).status).toBe(200);
  });

  it("an oob_code is single use and belongs to the client that started it", async () => {
    const t = target("oob-email");
    const start = await primaryAuthenticate(t, "email");
    const form = { grant_type: GRANT.oob, scope: SCOPE, oob_code: String(start.body.oob_code), binding_code: await receivedCode(emulator, "email") };
    expectOAuthError(await token({ ...form, client_id: appOf(evaluation, "oob-phone").clientId }), 400, "invalid_grant");
    expect((await token({ ...form, client_id: t.clientId })).status).toBe(200);
    expectOAuthError(await token({ ...form, client_id: t.clientId }), 400, "invalid_grant");
  });
});

describe("the client got it wrong", () => {
  it("unknown client_id: 401 invalid_client", async () => {
    expectOAuthError(await otpGrant({ ...target("otp"), clientId: "0oaDoesNotExist000000" }), 401, "invalid_client", /client_id/);
  });

  it("unknown grant type: 400 unsupported_grant_type", async () => {
    const answer = await token({ client_id: target("otp").clientId, grant_type: "urn:okta:params:oauth:grant-type:nope" });
    expectOAuthError(answer, 400, "unsupported_grant_type");
  });

  it("missing login_hint: 400 invalid_request", async () => {
    const answer = await postForm(endpoints.primaryAuthenticate, {
      client_id: target("oob-email").clientId,
      channel_hint: "email",
      challenge_hint: GRANT.oob,
    });
    expectOAuthError(answer, 400, "invalid_request", /login_hint/);
  });

  it("bad channel_hint: 400 invalid_request at /primary-authenticate and /challenge", async () => {
    expectOAuthError(await primaryAuthenticate(target("oob-email"), "pigeon"), 400, "invalid_request", /channel_hint/);
    const t = target("mfa-oob-phone");
    expectOAuthError(await challenge(t, await mfaToken(t), "pigeon"), 400, "invalid_request", /channel_hint/);
  });

  it("MFA by email: /challenge with channel_hint=email answers Okta's documented shape, a prompt with no interval", async () => {
    const t = target("mfa-oob-email");
    const answer = await challenge(t, await mfaToken(t), "email");
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(["binding_method", "challenge_type", "channel", "expires_in", "oob_code"]);
    expect(answer.body).toMatchObject({ challenge_type: GRANT.mfaOob, channel: "email", binding_method: "prompt" });
    expect(await receivedCode(emulator, "email")).toMatch(/^[A-Z0-9]{6,10}$/);
  });

  it("scope sent to /primary-authenticate or /challenge: 400 invalid_scope", async () => {
    const push = target("oob-okta-verify");
    const primary = await postForm(endpoints.primaryAuthenticate, {
      client_id: push.clientId,
      login_hint: emulator.testUser.login,
      channel_hint: "push",
      challenge_hint: GRANT.oob,
      scope: SCOPE,
    });
    expectOAuthError(primary, 400, "invalid_scope");
    const mfa = target("mfa-oob-okta-verify");
    const second = await postForm(endpoints.challenge, {
      client_id: mfa.clientId,
      mfa_token: await mfaToken(mfa),
      challenge_types_supported: GRANT.mfaOob,
      channel_hint: "push",
      scope: SCOPE,
    });
    expectOAuthError(second, 400, "invalid_scope");
  });

  it("no scope on the first leg, or an unknown one: 400 invalid_scope", async () => {
    const t = target("otp");
    const form = { client_id: t.clientId, grant_type: GRANT.otp, login_hint: emulator.testUser.login, otp: freshTotpCode(emulator) };
    expectOAuthError(await token(form), 400, "invalid_scope");
    expectOAuthError(await token({ ...form, scope: "openid launch_missiles" }), 400, "invalid_scope");
  });

  it("grant_types_supported without an MFA grant the app has: 403 access_denied instead of mfa_required", async () => {
    const t = target("mfa-otp");
    const answer = await token({
      client_id: t.clientId,
      grant_type: GRANT.password,
      username: emulator.testUser.login,
      password: emulator.testUser.password,
      scope: SCOPE,
      grant_types_supported: `${GRANT.password} ${GRANT.mfaOob}`,
    });
    expectOAuthError(answer, 403, "access_denied", OKTA_SAYS.additionalFactorUnreachable);
  });

  it("a JSON body instead of a form: 400 invalid_request", async () => {
    const response = await fetch(endpoints.token, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: target("otp").clientId, grant_type: GRANT.otp }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_request");
  });

  it("GET on the token endpoint: 405 in Okta's management error shape", async () => {
    const response = await fetch(endpoints.token);
    expectOktaError(
      { status: response.status, contentType: response.headers.get("content-type") ?? "", headers: response.headers, body: (await response.json()) as never },
      405,
      "E0000022",
    );
  });

  it("an unknown custom authorization server: 404 E0000007", async () => {
    const response = await fetch(`${emulator.url}/oauth2/ausNope/.well-known/openid-configuration`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errorCode: string }).errorCode).toBe("E0000007");
  });
});

describe("time runs out: 403 access_denied", () => {
  it("an mfa_token past its lifetime", async () => {
    const shortLived = await started({ mfaTokenExpiresInSeconds: 0.2 });
    const t = target("mfa-otp", shortLived, await endpointsOf(shortLived));
    const mfa = await mfaToken(t);
    await sleep(250);
    const answer = await postForm(t.endpoints.token, {
      client_id: t.clientId,
      grant_type: GRANT.mfaOtp,
      mfa_token: mfa,
      otp: freshTotpCode(shortLived),
    });
    expectOAuthError(answer, 403, "access_denied", /expired/);
  });
});
