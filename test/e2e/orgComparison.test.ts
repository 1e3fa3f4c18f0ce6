import { describe, expect, it } from "vitest";
import { compareOrgs, describeDifference } from "../../src/e2e/orgComparison";

const before = new Map([
  ["app \"Existing\"", "ACTIVE"],
  ["authenticator okta_verify", "ACTIVE"],
  ["authenticator okta_verify method push", "INACTIVE"],
  ["enrollment okta_verify", "OPTIONAL"],
]);

describe("the org after destroy compared with the org before up", () => {
  it("is the same when only what Okta cannot delete remains: an authenticator it never had, INACTIVE and NOT_ALLOWED", () => {
    const after = new Map([
      ...before,
      ["authenticator google_otp", "INACTIVE"],
      ["authenticator google_otp method otp", "ACTIVE"],
      ["enrollment google_otp", "NOT_ALLOWED"],
    ]);
    expect(compareOrgs(before, after)).toEqual([]);
  });

  it("names what was left behind, what is gone and what changed", () => {
    const after = new Map([
      ["app \"Direct Auth OTP\"", "INACTIVE"],
      ["authenticator okta_verify", "ACTIVE"],
      ["authenticator okta_verify method push", "ACTIVE"],
      ["enrollment okta_verify", "OPTIONAL"],
      ["authenticator google_otp", "ACTIVE"],
      ["enrollment google_otp", "OPTIONAL"],
    ]);
    expect(compareOrgs(before, after).map(describeDifference)).toEqual([
      'app "Direct Auth OTP": left behind (INACTIVE)',
      'app "Existing": gone (was ACTIVE)',
      "authenticator google_otp: left behind (ACTIVE)",
      "authenticator okta_verify method push: INACTIVE → ACTIVE",
      "enrollment google_otp: left behind (OPTIONAL)",
    ]);
  });
});
