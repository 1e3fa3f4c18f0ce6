import { beforeAll, describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { VariantId } from "../../src/catalogue/variants";
import { RunningEmulator } from "../../src/emulator";
import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { DOCS_MFA_PUSH, DOCS_PUSH, KOTLIN, SWIFT, shapeOf } from "../fixtures/oktaDocumentedExchanges";
import { appOf, devEvaluation } from "./support/evaluations";
import { FlowTarget, challenge, endpointsOf, freshTotpCode, mfaToken, passwordGrant, primaryAuthenticate } from "./support/flows";
import { postForm } from "./support/http";
import { emulatedOrgs } from "../helpers/orgs";

/**
 * The emulator's sign-in answers against Okta's documented examples and the official mobile SDKs'
 * fixtures: the same fields with the same JSON types, and the same fixed values.
 */

let evaluation: Evaluation;
const start = emulatedOrgs();
let emulator: RunningEmulator;

beforeAll(async () => {
  evaluation = await devEvaluation();
  emulator = await start({ evaluation, pollIntervalSeconds: 5, push: { outcome: "never", afterPolls: 0, bindingMethod: "none" } });
});

const target = async (variantId: VariantId): Promise<FlowTarget> => ({
  emulator,
  endpoints: await endpointsOf(emulator),
  clientId: appOf(evaluation, variantId).clientId,
});

describe("the emulator's sign-in answers have Okta's documented shape", () => {
  it("/primary-authenticate for a push: the guide's example, field for field (and the Swift SDK's fixture)", async () => {
    const answer = await primaryAuthenticate(await target("oob-okta-verify"), "push");
    expect(answer.status).toBe(200);
    expect(shapeOf(answer.body)).toEqual(shapeOf(DOCS_PUSH.primaryAuthenticateResponse));
    expect(shapeOf(answer.body)).toEqual(shapeOf(SWIFT.primaryAuthenticate));
    expect(answer.body).toMatchObject({ channel: "push", binding_method: "none" });
  });

  it.each([
    ["sms", KOTLIN.oobAuthenticateSms, "oob-phone"],
    ["email", KOTLIN.oobAuthenticateEmail, "oob-email"],
  ] as const)("/primary-authenticate for %s: the Kotlin SDK's fields, binding_method prompt", async (channel, example, variantId) => {
    const answer = await primaryAuthenticate(await target(variantId), channel);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(shapeOf(answer.body)).toMatchObject(shapeOf(example));
    expect(answer.body).toMatchObject({ channel, binding_method: "prompt" });
  });

  it("the password leg of an MFA flow: 403 mfa_required with an mfa_token, as the guide shows", async () => {
    const answer = await passwordGrant(await target("mfa-oob-okta-verify"));
    expect(answer.status).toBe(403);
    expect(shapeOf(answer.body)).toEqual(shapeOf(DOCS_MFA_PUSH.mfaRequiredResponse));
    expect(answer.body.error).toBe("mfa_required");
  });

  it("/challenge for a push: the guide's example, field for field (and the Swift SDK's fixture)", async () => {
    const t = await target("mfa-oob-okta-verify");
    const answer = await challenge(t, await mfaToken(t), "push");
    expect(answer.status).toBe(200);
    expect(shapeOf(answer.body)).toEqual(shapeOf(DOCS_MFA_PUSH.challengeResponse));
    expect(shapeOf(answer.body)).toEqual(shapeOf(SWIFT.challengeOob));
    expect(answer.body).toMatchObject({ challenge_type: GRANT.mfaOob, channel: "push", binding_method: "none" });
  });

  it("a poll before the user answers: 400 with the guide's authorization_pending body, word for word", async () => {
    const t = await target("oob-okta-verify");
    const started = await primaryAuthenticate(t, "push");
    const poll = await postForm(t.endpoints.token, {
      client_id: t.clientId,
      scope: "openid profile",
      grant_type: GRANT.oob,
      oob_code: String(started.body.oob_code),
    });
    expect({ status: poll.status, body: poll.body }).toEqual({ status: 400, body: DOCS_PUSH.pendingResponse });
  });

  it("the token response: the guide's fields and types, Bearer, the scopes asked for", async () => {
    const t = await target("otp");
    const answer = await postForm(t.endpoints.token, {
      client_id: t.clientId,
      scope: "openid profile",
      grant_type: GRANT.otp,
      login_hint: emulator.testUser.login,
      otp: freshTotpCode(emulator),
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(shapeOf(answer.body)).toEqual(shapeOf(DOCS_PUSH.tokenResponse));
    expect(answer.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "openid profile" });
  });
});
