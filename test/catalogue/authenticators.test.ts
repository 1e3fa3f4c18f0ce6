import { describe, expect, it } from "vitest";
import { AUTHENTICATORS, PASSWORD_AUTHENTICATOR_KEY, USE_NEEDED } from "../../src/catalogue/authenticators";

/**
 * Written from Okta's Authenticators API and the guide (docs/direct-auth-reference.md#variants),
 * not from the catalogue: each authenticator's key as Okta spells it, its console name, and the
 * methods the direct-auth flows use (Google Authenticator's passcode is no method of its own).
 */
describe("authenticator catalogue", () => {
  it("holds exactly the guide's four authenticators (and Okta Verify's push as a Flexible Okta Verify org keys it), by Okta's keys and names, with the methods the flows use", () => {
    expect(AUTHENTICATORS).toEqual({
      google_otp: { name: "Google Authenticator", methods: [] },
      okta_verify: { name: "Okta Verify", methods: ["push"] },
      okta_verify_push: { name: "Okta Verify Push", methods: ["push"] },
      phone_number: { name: "Phone", methods: ["sms", "voice"] },
      okta_email: { name: "Email", methods: ["email"] },
    });
  });

  it("asks for Email's 'Used for' to include authentication (a fresh org ships it for recovery only), and nothing else", () => {
    expect(USE_NEEDED).toEqual({ okta_email: "any" });
  });

  it("names the password authenticator by Okta's key", () => {
    expect(PASSWORD_AUTHENTICATOR_KEY).toBe("okta_password");
  });
});
