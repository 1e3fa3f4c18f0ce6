import { describe, expect, it } from "vitest";
import { exitCodeOf, renderSmokeJson, renderProgress, renderSmokeTable } from "../../src/smoke/report";
import { SmokeReport } from "../../src/smoke/types";

const REPORT: SmokeReport = {
  issuer: "https://dev-1.okta.com",
  results: [
    { variant: "otp", app: "Direct Auth OTP", status: "pass", step: "id-token", requests: 1, ms: 42 },
    { variant: "mfa-otp", app: "Direct Auth MFA OTP", status: "fail", step: "password", diagnosis: "the app does not allow `password`.", requests: 1, ms: 7 },
    { variant: "oob-okta-verify", app: "Direct Auth Okta Verify Push", status: "wired", step: "poll", diagnosis: "push sent.", requests: 2, ms: 12_345 },
    { variant: "mfa-oob-phone", app: "Direct Auth MFA Phone", status: "skipped", step: "password", diagnosis: "no password.", requests: 0, ms: 0 },
  ],
};

describe("report", () => {
  it("renders an aligned table with the diagnoses under it and a summary", () => {
    const text = renderSmokeTable(REPORT);
    expect(text).toBe(
      [
        "Smoke check of https://dev-1.okta.com",
        "",
        "VARIANT          APP                           STATUS   STEP      REQUESTS    TIME",
        "otp              Direct Auth OTP               pass     id-token         1   42 ms",
        "mfa-otp          Direct Auth MFA OTP           FAIL     password         1    7 ms",
        "oob-okta-verify  Direct Auth Okta Verify Push  wired    poll             2  12.3 s",
        "mfa-oob-phone    Direct Auth MFA Phone         skipped  password         0    0 ms",
        "",
        "  mfa-otp (fail): the app does not allow `password`.",
        "  oob-okta-verify (wired): push sent.",
        "  mfa-oob-phone (skipped): no password.",
        "",
        "4 variants: 1 pass, 1 wired, 1 fail, 1 skipped",
      ].join("\n"),
    );
  });

  it("renders exactly the documented JSON document", () => {
    const withExtra = { ...REPORT, results: REPORT.results.map((r) => ({ ...r, extra: "x" })) };
    const parsed = JSON.parse(renderSmokeJson(withExtra));
    expect(Object.keys(parsed)).toEqual(["issuer", "results"]);
    expect(Object.keys(parsed.results[0])).toEqual(["variant", "app", "status", "step", "requests", "ms"]);
    expect(Object.keys(parsed.results[1])).toEqual(["variant", "app", "status", "step", "diagnosis", "requests", "ms"]);
    const noticed = JSON.parse(renderSmokeJson({ ...REPORT, results: [{ ...REPORT.results[2], notices: ["polled every 1 s"] }] }));
    expect(Object.keys(noticed.results[0])).toEqual(["variant", "app", "status", "step", "diagnosis", "notices", "requests", "ms"]);
    expect(noticed.results[0].notices).toEqual(["polled every 1 s"]);
  });

  it("fails the run only for fail: wired and skipped are not failures", () => {
    expect(exitCodeOf(REPORT)).toBe(1);
    expect(exitCodeOf({ ...REPORT, results: REPORT.results.filter((r) => r.status !== "fail") })).toBe(0);
    expect(exitCodeOf({ issuer: "x", results: [] })).toBe(0);
  });

  it("fails the run for a policy the simulation found wrong, not for one it could not simulate", () => {
    const passed = REPORT.results[0];
    const withPolicy = (policy: SmokeReport["results"][number]["policy"]) => exitCodeOf({ ...REPORT, results: [{ ...passed, policy }] });
    expect(withPolicy({ verified: true, text: "verified" })).toBe(0);
    expect(withPolicy({ verified: false, text: "rule `1Factor` asks for 2 factors" })).toBe(1);
    expect(withPolicy({ verified: false, notSimulated: true, text: "not simulated: no such user" })).toBe(0);
  });

  it("lists the policy verdicts and notices under the table, and counts one variant in the singular", () => {
    const one: SmokeReport = {
      issuer: "https://dev-1.okta.com",
      results: [
        {
          variant: "oob-phone",
          app: "Direct Auth Phone",
          status: "pass",
          step: "id-token",
          policy: { verified: true, text: "verified" },
          notices: ["polled every 1 s", "waited at most 600 s"],
          requests: 2,
          ms: 9_999,
        },
      ],
    };
    expect(renderSmokeTable(one)).toBe(
      [
        "Smoke check of https://dev-1.okta.com",
        "",
        "VARIANT    APP                STATUS  STEP      REQUESTS     TIME",
        "oob-phone  Direct Auth Phone  pass    id-token         2  9999 ms",
        "",
        "  oob-phone policy: verified",
        "  oob-phone (notice): polled every 1 s",
        "  oob-phone (notice): waited at most 600 s",
        "",
        "1 variant: 1 pass, 0 wired, 0 fail, 0 skipped",
      ].join("\n"),
    );
    const ten = renderSmokeTable({ ...one, results: [{ ...one.results[0], ms: 10_000, policy: undefined, notices: [] }] });
    expect(ten.split("\n")[3]).toBe("oob-phone  Direct Auth Phone  pass    id-token         2  10.0 s");
    expect(ten.split("\n")).toHaveLength(6);
    expect(JSON.parse(renderSmokeJson(one)).results[0]).toEqual({
      variant: "oob-phone",
      app: "Direct Auth Phone",
      status: "pass",
      step: "id-token",
      policy: "verified",
      notices: ["polled every 1 s", "waited at most 600 s"],
      requests: 2,
      ms: 9_999,
    });
  });

  it("prints no escape sequence, line break, C1 or bidi control that a server or stack sent", () => {
    const hostile: SmokeReport = {
      issuer: "https://dev-1.okta.com/\u001b]0;owned\u0007",
      results: [
        {
          variant: "otp",
          app: "Direct \u001b[31mAuth\u001b[0m\u202e OTP",
          status: "fail",
          step: "otp",
          diagnosis: "Okta said (\"bad\r\n\u009b2Jcode\u001b[2J\"): fix it.",
          requests: 1,
          ms: 3,
        },
      ],
    };
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    const table = renderSmokeTable(hostile);
    expect(table).not.toMatch(control);
    expect(table).toContain("Direct Auth  OTP");
    expect(table).toContain('Okta said ("bad code"): fix it.');
    expect(table.split("\n")[0]).toBe("Smoke check of https://dev-1.okta.com/");
    const json = renderSmokeJson(hostile);
    expect(json).not.toMatch(control);
    expect(json).not.toContain("\\u001b");
    expect(JSON.parse(json).results[0].app).toBe("Direct Auth  OTP");
    expect(renderProgress({ variant: "oob", step: "poll", detail: "tap the number \u001b[8m42\u001b[0m\r" })).toBe("[oob] poll: tap the number 42 ");
  });

  it("renders a progress line per step", () => {
    expect(renderProgress({ variant: "otp", step: "otp", detail: "POST /oauth2/v1/token" })).toBe("[otp] otp: POST /oauth2/v1/token");
    expect(renderProgress({ variant: "*", step: "discovery" })).toBe("[*] discovery");
  });
});
