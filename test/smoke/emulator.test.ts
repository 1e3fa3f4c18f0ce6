import { describe, expect, it } from "vitest";
import { VARIANT_IDS, VariantId } from "../../src/catalogue/variants";
import { Fault, RunningEmulator } from "../../src/emulator";
import { MIN_INTERVAL_SECONDS } from "../../src/smoke/pollTiming";
import { exitCodeOf } from "../../src/smoke/report";
import { ProgressEvent, SmokeOptions } from "../../src/smoke/types";
import {
  edited,
  expectNoSecrets,
  managementEvidence,
  POLL_INTERVAL_SECONDS,
  resultOf,
  SMOKE_ORG,
  smokeAgainst,
  SmokeRun,
  targetsOf,
} from "./emulatorHarness";
import { MISCONFIGURATIONS } from "./misconfigurations";
import { customServerEvaluation, phoneEvaluation } from "../emulator/support/evaluations";
import { devStackOrgs } from "../helpers/orgs";
import { OKTA } from "../helpers/tokens";

/** The harness's emulator asks for a fraction of a second; the check never polls faster than its minimum. */
const POLL_WAIT_MS = Math.max(POLL_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS) * 1000;

/**
 * The smoke check against the emulator set up from Pulumi.dev.yaml: every variant, each
 * misconfiguration, each fault.
 */

const { dev, orgFor } = devStackOrgs(SMOKE_ORG);
/** The org of the running fault test, for its assertions on what the org answered. */
let emulator: RunningEmulator | undefined;

describe("smoke check against the emulator (Pulumi.dev.yaml)", () => {
  it("passes all eight variants with no request beyond the protocol minimum, and prints no secret", async () => {
    const emulator = await orgFor();
    const run = await smokeAgainst(emulator, targetsOf(dev()));

    expect(run.report.results.map((r) => [r.variant, r.status, r.step])).toEqual(VARIANT_IDS.map((v) => [v, "pass", "id-token"]));
    // The fewest requests each flow can make (docs/direct-auth-reference.md#flows), with the harness's push
    // answering authorization_pending once: one /token (otp), password + /token (mfa-otp), start + pending
    // poll + poll (push), password + /challenge + pending poll + poll (MFA push), start + /token (codes).
    expect(Object.fromEntries(run.report.results.map((r) => [r.variant, r.requests]))).toEqual({
      otp: 1,
      "mfa-otp": 2,
      "oob-okta-verify": 3,
      "mfa-oob-okta-verify": 4,
      "oob-phone": 2,
      "mfa-oob-phone": 3,
      "oob-email": 2,
      "mfa-oob-email": 3,
    });

    const shared = emulator.requests.filter((r) => r.method === "GET" && !r.path.startsWith("/__emulator/"));
    expect(shared.map((r) => r.path)).toEqual(["/.well-known/openid-configuration", "/oauth2/v1/keys"]);

    // Push polls wait the server's interval (at least a second), and nothing else waited: otp and mfa-otp ran in the
    // same 30-second window against a server that accepts each passcode once, so mfa-otp took the next step's code.
    expect(run.clock.sleeps).toEqual([POLL_WAIT_MS, POLL_WAIT_MS]);

    expect(run.secrets.size).toBeGreaterThan(10);
    expectNoSecrets(run.output, run.secrets);
  });

  it("stops at the human step without a code source or TOTP secret: every variant is wired", async () => {
    const emulator = await orgFor();
    const run = await smokeAgainst(emulator, targetsOf(dev()), { codeSource: undefined, totpSecret: undefined });

    expect(Object.fromEntries(run.report.results.map((r) => [r.variant, `${r.status}@${r.step}`]))).toEqual({
      otp: "wired@otp",
      "mfa-otp": "wired@otp",
      "oob-okta-verify": "wired@poll",
      "mfa-oob-okta-verify": "wired@poll",
      "oob-phone": "wired@primary-authenticate",
      "mfa-oob-phone": "wired@challenge",
      "oob-email": "wired@primary-authenticate",
      "mfa-oob-email": "wired@challenge",
    });
    expect(resultOf(run.report, "otp").diagnosis).toMatch(/deliberately wrong code with invalid_grant.*OKTA_SMOKE_TOTP_SECRET/);
    expect(resultOf(run.report, "oob-okta-verify").diagnosis).toMatch(/authorization_pending.*--interactive/);
    expect(resultOf(run.report, "oob-phone").diagnosis).toMatch(/sent a code by sms/);
    // One poll is enough to see authorization_pending.
    expect(resultOf(run.report, "oob-okta-verify").requests).toBe(2);
    // Nothing reached the token endpoint for tokens, so nothing fetched the JWKS.
    expect(emulator.requests.some((r) => r.path.endsWith("/keys"))).toBe(false);
    expectNoSecrets(run.output, run.secrets);
  });

  it("skips the MFA variants when there is no password, and says why", async () => {
    const emulator = await orgFor();
    const run = await smokeAgainst(emulator, targetsOf(dev(), ["mfa-otp", "otp"]), { password: undefined });
    expect(resultOf(run.report, "mfa-otp")).toMatchObject({ status: "skipped", step: "password", requests: 0 });
    expect(resultOf(run.report, "mfa-otp").diagnosis).toMatch(/OKTA_SMOKE_PASSWORD/);
    expect(resultOf(run.report, "otp").status).toBe("pass");
  });

  it("handles Okta Verify's number challenge (binding method transfer), showing the number only when interactive", async () => {
    const emulator = await orgFor(dev(), { push: { outcome: "approve", afterPolls: 1, bindingMethod: "transfer" } });
    const quiet = await smokeAgainst(emulator, targetsOf(dev(), ["oob-okta-verify", "mfa-oob-okta-verify"]));
    expect(quiet.report.results.map((r) => r.status)).toEqual(["pass", "pass"]);
    expect(quiet.progress.join("\n")).toMatch(/number challenge; --interactive shows the number/);
    expect(quiet.progress.join("\n")).not.toMatch(/tap the number \d+/);

    const interactive = await smokeAgainst(emulator, targetsOf(dev(), ["oob-okta-verify"]), { interactive: true });
    expect(interactive.report.results[0].status).toBe("pass");
    expect(interactive.progress.join("\n")).toMatch(/in Okta Verify, tap the number \d{2}/);
    expect(interactive.progress.join("\n")).toMatch(/code expires in 4m 59s|code expires in 5m 00s/);
  });

  it("uses the voice channel when asked and the org has it", async () => {
    const withVoice = await phoneEvaluation(["sms", "voice"]);
    const emulator = await orgFor(withVoice);
    const run = await smokeAgainst(emulator, targetsOf(withVoice), { channel: "voice" });
    expect(run.report.results.map((r) => r.status)).toEqual(["pass", "pass"]);
    expect(run.progress.join("\n")).toMatch(/code sent by voice/);
  });

  it("runs against a custom authorization server: every leg and the discovery under /oauth2/{id}", async () => {
    const custom = await customServerEvaluation(["otp", "mfa-oob-phone"]);
    const emulator = await orgFor(custom);
    const run = await smokeAgainst(emulator, targetsOf(custom), { issuer: emulator.issuer("default") });
    expect(run.report.results.map((r) => r.status)).toEqual(["pass", "pass"]);
    const okta = emulator.requests.filter((r) => !r.path.startsWith("/__emulator/"));
    expect(okta.every((r) => r.path.startsWith("/oauth2/default/"))).toBe(true);
  });
});

describe("smoke check diagnoses each misconfiguration", () => {
  it.each(MISCONFIGURATIONS)("$case → fail at $step", async (m) => {
    const broken = m.edit ? edited(dev(), m.edit) : dev();
    const emulator = await orgFor(broken, m.emulator);
    const started = Date.now();
    const run = await smokeAgainst(emulator, targetsOf(broken, [m.variant]), m.smoke?.(emulator));

    expect(run.report.results).toHaveLength(1);
    const [result] = run.report.results;
    expect(result).toMatchObject({ variant: m.variant, status: "fail", step: m.step });
    expect(result.diagnosis).toMatch(m.diagnosis);
    if (m.guideStep) expect(result.diagnosis).toContain(`guide step "${m.guideStep}"`);
    expect(exitCodeOf(run.report)).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expectNoSecrets(run.output, run.secrets);
  });

  it("names the custom authorization server's access policy when its rule lacks the grant", async () => {
    const custom = await customServerEvaluation(["otp"]);
    const broken = edited(custom, (rs) => {
      const rule = rs.find((r) => r.type === OKTA.serverPolicyRule)!;
      rule.inputs.grantTypeWhitelists = ["authorization_code"];
    });
    const emulator = await orgFor(broken);
    const run = await smokeAgainst(emulator, targetsOf(broken), { issuer: emulator.issuer("default"), evidence: managementEvidence(emulator) });
    expect(run.report.results[0]).toMatchObject({ status: "fail", step: "otp" });
    expect(run.report.results[0].diagnosis).toMatch(
      /the access policy of the custom authorization server does not allow the `urn:okta:params:oauth:grant-type:otp` grant .* \(no active rule of access policy ".*" allows grant type urn:okta:params:oauth:grant-type:otp with scopes "openid profile" for this user; found by management API reads\).*guide step "Set up your authorization server".*grantTypeWhitelists/,
    );
    const unread = await smokeAgainst(emulator, targetsOf(broken), { issuer: emulator.issuer("default") });
    expect(unread.report.results[0].diagnosis).toMatch(
      /no policy rule lets .* \(app sign-in policy, or the custom authorization server's access policy\).*give the authorization server an access-policy rule allowing the grant/,
    );
  });
});

/** Runs the variants with `fault` injected up front, or when `when` first matches a progress event. */
async function withFault(
  variants: VariantId[],
  fault: Fault,
  options: { when?: (event: ProgressEvent) => boolean; smoke?: Partial<SmokeOptions> } = {},
): Promise<SmokeRun & { elapsedMs: number }> {
  const running = await orgFor();
  emulator = running;
  let injected = false;
  const inject = () => {
    injected = true;
    running.injectFault(fault);
  };
  if (!options.when) inject();
  const started = Date.now();
  const run = await smokeAgainst(running, targetsOf(dev(), variants), {
    ...options.smoke,
    onProgress: (event) => {
      if (!injected && options.when?.(event)) inject();
    },
  });
  expect(injected).toBe(true);
  expectNoSecrets(run.output, run.secrets);
  return { ...run, elapsedMs: Date.now() - started };
}

describe("smoke check under injected faults", () => {
  it("survives a 429 by waiting until X-Rate-Limit-Reset, then retrying once", async () => {
    const run = await withFault(["otp"], { kind: "rate-limit", path: "/token", times: 1, resetSeconds: 2 });
    expect(resultOf(run.report, "otp")).toMatchObject({ status: "pass", requests: 2 });
    expect(run.clock.sleeps).toContain(2000);
    expect(run.progress).toContain("[otp] rate-limit: /oauth2/v1/token answered 429; retry 1 in 2 s");
  });

  it("survives a 429 on the JWKS shared by the run", async () => {
    const run = await withFault(["otp", "oob-email"], { kind: "rate-limit", path: "/keys", times: 1, resetSeconds: 1 });
    expect(run.report.results.map((r) => r.status)).toEqual(["pass", "pass"]);
    expect(emulator!.requests.filter((r) => r.path.endsWith("/keys")).map((r) => r.status)).toEqual([429, 200]);
  });

  it("reports a rate limit that outlasts the bounded retries", async () => {
    const run = await withFault(["otp", "oob-email"], { kind: "rate-limit", path: "/token", times: 3, resetSeconds: 1 }, { smoke: { maxRetries: 2 } });
    expect(resultOf(run.report, "otp")).toMatchObject({ status: "fail", step: "otp", requests: 3 });
    expect(resultOf(run.report, "otp").diagnosis).toMatch(/kept rate-limiting `\/oauth2\/v1\/token` after 2 retries/);
    expect(resultOf(run.report, "oob-email").status).toBe("pass");
  });

  it("slows down by 5 s after slow_down and still gets the tokens", async () => {
    const run = await withFault(["oob-okta-verify"], { kind: "slow-down", times: 1 });
    expect(resultOf(run.report, "oob-okta-verify").status).toBe("pass");
    expect(run.clock.sleeps).toEqual([POLL_WAIT_MS + 5000, POLL_WAIT_MS + 5000]);
  });

  it("reports an oob_code that expired while polling", async () => {
    const run = await withFault(["oob-okta-verify"], { kind: "expire", what: "oob_code" }, { when: (e) => e.step === "poll" });
    expect(resultOf(run.report, "oob-okta-verify")).toMatchObject({ status: "fail", step: "poll" });
    expect(resultOf(run.report, "oob-okta-verify").diagnosis).toMatch(/the `oob_code` expired before the flow finished/);
  });

  it("reports an mfa_token that expired before the challenge", async () => {
    const run = await withFault(["mfa-oob-phone"], { kind: "expire", what: "mfa_token" }, { when: (e) => e.step === "challenge" });
    expect(resultOf(run.report, "mfa-oob-phone")).toMatchObject({ status: "fail", step: "challenge" });
    expect(resultOf(run.report, "mfa-oob-phone").diagnosis).toMatch(/the `mfa_token` expired before the second factor was sent/);
  });

  it("reports a 500 as the server's failure, and carries on with the next variant", async () => {
    const run = await withFault(["otp", "oob-email"], { kind: "server-error", path: "/token", times: 1 });
    expect(resultOf(run.report, "otp")).toMatchObject({ status: "fail", step: "otp", requests: 1 });
    expect(resultOf(run.report, "otp").diagnosis).toMatch(/`\/oauth2\/v1\/token` failed on the server \(HTTP 500, E0000009\)/);
    expect(resultOf(run.report, "oob-email").status).toBe("pass");
  });

  it("fetches the JWKS again for the next variant when the first fetch failed", async () => {
    const run = await withFault(["otp", "oob-email"], { kind: "server-error", path: "/keys", times: 1 });
    expect(resultOf(run.report, "otp")).toMatchObject({ status: "fail", step: "jwks" });
    expect(resultOf(run.report, "oob-email").status).toBe("pass");
  });

  it("reports an HTML page (a proxy's) where JSON was expected", async () => {
    const run = await withFault(["mfa-otp"], { kind: "html", path: "/token", times: 1 });
    expect(resultOf(run.report, "mfa-otp")).toMatchObject({ status: "fail", step: "password" });
    expect(resultOf(run.report, "mfa-otp").diagnosis).toMatch(/answered an HTML page \(HTTP 200\) instead of JSON: a proxy/);
  });

  it("fails every variant at discovery when the discovery document is an HTML page", async () => {
    const run = await withFault(["otp", "oob-email"], { kind: "html", path: "/openid-configuration", times: 1 });
    expect(run.report.results.map((r) => [r.status, r.step])).toEqual([
      ["fail", "discovery"],
      ["fail", "discovery"],
    ]);
    expect(run.report.results[0].diagnosis).toMatch(/`\/.well-known\/openid-configuration` answered an HTML page/);
  });

  it("times out a stalled request within the per-request timeout, then carries on", async () => {
    const run = await withFault(["oob-email", "otp"], { kind: "slow", path: "/primary-authenticate", delayMs: 10_000, times: 1 }, { smoke: { requestTimeoutMs: 400 } });
    expect(resultOf(run.report, "oob-email")).toMatchObject({ status: "fail", step: "primary-authenticate" });
    expect(resultOf(run.report, "oob-email").diagnosis).toMatch(/`\/oauth2\/v1\/primary-authenticate` did not answer within 400 ms/);
    expect(resultOf(run.report, "otp").status).toBe("pass");
    expect(run.elapsedMs).toBeLessThan(3000);
  });

  it("waits out a slow answer that is within the timeout", async () => {
    const run = await withFault(["otp"], { kind: "slow", path: "/token", delayMs: 300, times: 1 }, { smoke: { requestTimeoutMs: 2000 } });
    expect(resultOf(run.report, "otp")).toMatchObject({ status: "pass", requests: 1 });
  });
});
