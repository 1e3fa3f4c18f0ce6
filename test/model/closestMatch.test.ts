import { describe, expect, it } from "vitest";
import { VARIANT_IDS } from "../../src/catalogue/variants";
import { closestMatch } from "../../src/model/closestMatch";

describe("closestMatch", () => {
  it.each([
    ["mfa-oob-okta-verfy", "mfa-oob-okta-verify"],
    ["otpp", "otp"],
    ["oob-mail", "oob-email"],
    ["MFA-OTP", "mfa-otp"],
    ["mfa-oob-phon", "mfa-oob-phone"],
  ])("suggests %s → %s", (typo, meant) => {
    expect(closestMatch(typo, VARIANT_IDS)).toBe(meant);
  });

  it("suggests nothing when no candidate is a plausible typo", () => {
    expect(closestMatch("sms", VARIANT_IDS)).toBeUndefined();
    expect(closestMatch("webauthn", VARIANT_IDS)).toBeUndefined();
  });

  it("takes a typo exactly at its tolerance: at least 2 edits, or a third of the input's length", () => {
    expect(closestMatch("oxpp", ["otp"])).toBe("otp");
    expect(closestMatch("otpxy", ["otp"])).toBe("otp");
    expect(closestMatch("axyd", ["abcd"])).toBe("abcd");
    expect(closestMatch("oxpqq", ["otp"])).toBeUndefined();
  });

  it("keeps the first of equally close candidates", () => {
    expect(closestMatch("ab", ["aa", "bb"])).toBe("aa");
  });
});
