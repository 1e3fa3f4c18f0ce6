import { describe, expect, it } from "vitest";
import { OrgKindMismatchError, checkOktaVerify, oktaVerifyMismatch } from "../../src/orgSettings/oktaVerifyCheck";

const CLASSIC_ORG = ["google_otp", "okta_verify", "okta_email", "okta_password"];
const FLEXIBLE_ORG = ["google_otp", "okta_verify_push", "okta_verify_totp", "okta_verify_fastpass", "okta_email", "okta_password"];

describe("a stack for one kind of Okta Verify org run on the other", () => {
  it("is refused on a flexible org when written for a classic one, with the key, what the org has and the fix", () => {
    expect(oktaVerifyMismatch("classic", FLEXIBLE_ORG, ["google_otp", "okta_verify", "phone_number"])).toBe(
      'okta-direct-auth:oktaVerify is "classic", but this org has Flexible Okta Verify (okta_verify_push, okta_verify_totp, ' +
        "okta_verify_fastpass), and Okta refuses the other kind's Okta Verify keys: run " +
        "`pulumi config set okta-direct-auth:oktaVerify flexible` (or `npm run adopt`, which reads it from the org), " +
        "then `pulumi up` again; nothing was changed",
    );
  });

  it("is refused on a classic org when written for a flexible one", () => {
    expect(oktaVerifyMismatch("flexible", CLASSIC_ORG, ["okta_verify_push"])).toBe(
      'okta-direct-auth:oktaVerify is "flexible", but this org has one okta_verify authenticator (no Flexible Okta Verify), ' +
        "and Okta refuses the other kind's Okta Verify keys: run `pulumi config set okta-direct-auth:oktaVerify classic` " +
        "(or `npm run adopt`, which reads it from the org), then `pulumi up` again; nothing was changed",
    );
  });

  it.each([
    ["classic", CLASSIC_ORG, ["google_otp", "okta_verify"]],
    ["flexible", FLEXIBLE_ORG, ["okta_verify_push", "phone_number"]],
    ["classic", FLEXIBLE_ORG, ["google_otp", "phone_number", "okta_email"]],
    ["flexible", CLASSIC_ORG, ["okta_email"]],
  ] as const)("passes a %s stack on an org of %j writing %j", (configured, org, stackKeys) => {
    expect(oktaVerifyMismatch(configured, org, stackKeys)).toBeUndefined();
    expect(() => checkOktaVerify(configured, org, stackKeys)).not.toThrow();
  });

  it("stops the write with an error of its own kind, which the CLIs show without a stack trace", () => {
    let thrown: unknown;
    try {
      checkOktaVerify("flexible", CLASSIC_ORG, ["okta_verify_push"]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OrgKindMismatchError);
    expect((thrown as Error).name).toBe("OrgKindMismatchError");
    expect((thrown as Error).message).toMatch(/^okta-direct-auth:oktaVerify is "flexible", but this org has one okta_verify authenticator/);
  });
});
