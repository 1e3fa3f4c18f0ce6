import { connect } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { VariantId } from "../../src/catalogue/variants";
import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { RunningEmulator, startOktaEmulator } from "../../src/emulator";
import { appOf, devEvaluation } from "./support/evaluations";
import { expectOAuthError, expectOktaError } from "./support/expectations";
import { Endpoints, FlowTarget, SCOPE, challenge, endpointsOf, mfaToken, otpGrant, primaryAuthenticate } from "./support/flows";
import { getJson, postForm } from "./support/http";
import { emulatedOrgs } from "../helpers/orgs";

let evaluation: Evaluation;
const start = emulatedOrgs();
let emulator: RunningEmulator;
let endpoints: Endpoints;

beforeAll(async () => {
  evaluation = await devEvaluation();
  emulator = await start({
    evaluation,
    pollIntervalSeconds: 0,
    push: { outcome: "approve", afterPolls: 0, bindingMethod: "none" },
  });
  endpoints = await endpointsOf(emulator);
});

const target = (variantId: VariantId): FlowTarget => ({ emulator, endpoints, clientId: appOf(evaluation, variantId).clientId });

describe("request faults", () => {
  it("rate-limit: 429 with X-Rate-Limit-* and no Retry-After (Okta sends none), `times` requests in a row, then normal", async () => {
    emulator.injectFault({ kind: "rate-limit", path: "/token", times: 2, resetSeconds: 7 });
    const before = Math.floor(Date.now() / 1000);
    const first = await otpGrant(target("otp"));
    expectOktaError(first, 429, "E0000047");
    expect(first.headers.get("x-rate-limit-limit")).toMatch(/^\d+$/);
    expect(first.headers.get("x-rate-limit-remaining")).toBe("0");
    expect(Number(first.headers.get("x-rate-limit-reset"))).toBeGreaterThanOrEqual(before + 7);
    expect(first.headers.get("retry-after")).toBeNull();
    const serverNow = Date.parse(first.headers.get("date") ?? "");
    expect(Number(first.headers.get("x-rate-limit-reset")) * 1000 - serverNow).toBe(7000);
    expect((await otpGrant(target("otp"))).status).toBe(429);
    expect((await otpGrant(target("otp"))).status).toBe(200);
  });

  it("a fault with a path leaves other paths alone", async () => {
    emulator.injectFault({ kind: "server-error", path: "/challenge" });
    expect((await primaryAuthenticate(target("oob-okta-verify"), "push")).status).toBe(200);
    const t = target("mfa-oob-okta-verify");
    expectOktaError(await challenge(t, await mfaToken(t), "push"), 500, "E0000009");
  });

  it("server-error: 500 with Okta's E0000009 body", async () => {
    emulator.injectFault({ kind: "server-error" });
    const answer = await getJson(`${emulator.url}/.well-known/openid-configuration`);
    expectOktaError(answer, 500, "E0000009");
    expect(answer.body.errorSummary).toBe("Internal Server Error");
  });

  it("html: a 200 text/html page where JSON was expected", async () => {
    emulator.injectFault({ kind: "html", path: "/token" });
    const response = await fetch(endpoints.token, { method: "POST", body: new URLSearchParams({ client_id: "x" }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/<html>/);
  });

  it("slow: answers after the delay, and normally", async () => {
    emulator.injectFault({ kind: "slow", path: "/keys", delayMs: 150 });
    const started = Date.now();
    const answer = await getJson(endpoints.jwks);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(answer.status).toBe(200);
  });

  it("never hits the simulated user's outbox", async () => {
    emulator.injectFault({ kind: "server-error" });
    expect((await getJson(`${emulator.outboxUrl}?login=${encodeURIComponent(emulator.testUser.login)}`)).status).toBe(200);
    expect((await getJson(`${emulator.url}/.well-known/openid-configuration`)).status).toBe(500);
  });
});

describe("flow faults", () => {
  it("slow-down: the next push polls answer slow_down, even on time", async () => {
    const t = target("oob-okta-verify");
    const start = await primaryAuthenticate(t, "push");
    const form = { client_id: t.clientId, grant_type: GRANT.oob, scope: SCOPE, oob_code: String(start.body.oob_code) };
    emulator.injectFault({ kind: "slow-down", times: 2 });
    expectOAuthError(await postForm(endpoints.token, form), 400, "slow_down");
    expectOAuthError(await postForm(endpoints.token, form), 400, "slow_down");
    expect((await postForm(endpoints.token, form)).status).toBe(200);
  });

  it("expire oob_code: an outstanding code answers 403 access_denied (expired)", async () => {
    const t = target("oob-okta-verify");
    const start = await primaryAuthenticate(t, "push");
    emulator.injectFault({ kind: "expire", what: "oob_code" });
    const answer = await postForm(endpoints.token, { client_id: t.clientId, grant_type: GRANT.oob, scope: SCOPE, oob_code: String(start.body.oob_code) });
    expectOAuthError(answer, 403, "access_denied", /direct_auth_expired_token/);
    expect((await primaryAuthenticate(t, "push")).status).toBe(200);
  });

  it("expire mfa_token: the next leg answers 403 access_denied (expired)", async () => {
    const t = target("mfa-oob-phone");
    const token = await mfaToken(t);
    emulator.injectFault({ kind: "expire", what: "mfa_token" });
    expectOAuthError(await challenge(t, token, "sms"), 403, "access_denied", /mfa_token has expired/);
  });
});

describe("every answer", () => {
  it("carries X-Rate-Limit-* and Date headers, errors and management calls included, and is recorded", async () => {
    const count = emulator.requests.length;
    const answers = [
      await getJson(`${emulator.url}/.well-known/openid-configuration`),
      await otpGrant({ ...target("otp"), clientId: "unknown" }),
      await getJson(`${emulator.url}/api/v1/authenticators`),
    ];
    for (const answer of answers) {
      expect(answer.headers.get("x-rate-limit-limit")).toMatch(/^\d+$/);
      expect(answer.headers.get("x-rate-limit-remaining")).toMatch(/^\d+$/);
      expect(answer.headers.get("x-rate-limit-reset")).toMatch(/^\d+$/);
      expect(Date.parse(answer.headers.get("date") ?? "")).not.toBeNaN();
      expect(answer.headers.get("retry-after")).toBeNull();
    }
    expect(emulator.requests.slice(count)).toEqual([
      { method: "GET", path: "/.well-known/openid-configuration", status: 200 },
      { method: "POST", path: "/oauth2/v1/token", status: 401 },
      { method: "GET", path: "/api/v1/authenticators", status: 200 },
    ]);
  });
});

describe("close()", () => {
  it("ends a request held by a slow fault, frees the port and leaves no timer behind", async () => {
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const own = await startOktaEmulator({ evaluation });
    own.injectFault({ kind: "slow", delayMs: 60_000 });
    const pending = fetch(`${own.url}/.well-known/openid-configuration`).then(
      (r) => r.status,
      () => "closed",
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = Date.now();
    await own.close();
    await pending;
    expect(Date.now() - closing).toBeLessThan(1000);
    expect(process.getActiveResourcesInfo().filter((r) => r === "Timeout").length).toBeLessThanOrEqual(timersBefore);
    const port = Number(new URL(own.url).port);
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(false)));
      socket.once("error", () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});
