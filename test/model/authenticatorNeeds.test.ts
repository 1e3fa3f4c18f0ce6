import { describe, expect, it } from "vitest";
import { allVariants, variant } from "../../src/catalogue/variants";
import { authenticatorNeeds } from "../../src/model/authenticatorNeeds";

describe("authenticatorNeeds", () => {
  it("lists each authenticator once with the union of its variants' methods", () => {
    const needs = authenticatorNeeds([variant("oob-okta-verify"), variant("mfa-oob-okta-verify")], ["sms"], "OPTIONAL");
    expect(needs).toEqual([{ key: "okta_verify", name: "Okta Verify", methods: ["push"], enroll: "OPTIONAL" }]);
  });

  it("activates only the phone channels the stack configures", () => {
    expect(authenticatorNeeds([variant("oob-phone")], ["sms"], "REQUIRED")[0].methods).toEqual(["sms"]);
    expect(authenticatorNeeds([variant("mfa-oob-phone")], ["sms", "voice"], "REQUIRED")[0].methods).toEqual(["sms", "voice"]);
  });

  it("needs no method activation for OTP, whose authenticator has a single method", () => {
    expect(authenticatorNeeds([variant("otp"), variant("mfa-otp")], ["sms"], "OPTIONAL")).toEqual([
      { key: "google_otp", name: "Google Authenticator", methods: [], enroll: "OPTIONAL" },
    ]);
  });

  it("covers the four authenticators of the eight variants, email with its email method", () => {
    const needs = authenticatorNeeds(allVariants(), ["sms", "voice"], "OPTIONAL");
    expect(needs.map((n) => [n.key, n.methods])).toEqual([
      ["google_otp", []],
      ["okta_verify", ["push"]],
      ["phone_number", ["sms", "voice"]],
      ["okta_email", ["email"]],
    ]);
  });

  it.each(["oob-email", "mfa-oob-email"] as const)("asks for Email to be used for authentication, not recovery only, so %s can sign in with it", (id) => {
    expect(authenticatorNeeds([variant(id)], ["sms"], "OPTIONAL")).toEqual([
      { key: "okta_email", name: "Email", methods: ["email"], enroll: "OPTIONAL", allowedFor: "any" },
    ]);
  });

  it("asks no other authenticator for a \"Used for\"", () => {
    const others = authenticatorNeeds(allVariants().filter((v) => v.authenticatorKey !== "okta_email"), ["sms"], "OPTIONAL");
    expect(others.filter((n) => n.allowedFor !== undefined)).toEqual([]);
  });
});
