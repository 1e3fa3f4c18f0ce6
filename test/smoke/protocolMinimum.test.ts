import { describe, expect, it } from "vitest";
import { PROTOCOL_MINIMUM } from "../../src/smoke/protocolMinimum";

describe("the fewest requests each flow can make", () => {
  it("counts each leg of the documented exchanges, and one poll per authorization_pending for a push", () => {
    // One /token (otp); password + /token (mfa-otp); /primary-authenticate + /token (codes);
    // password + /challenge + /token (MFA codes); pushes add a poll per pending answer.
    expect(Object.fromEntries(Object.entries(PROTOCOL_MINIMUM).map(([variant, count]) => [variant, [count(0), count(2)]]))).toEqual({
      otp: [1, 1],
      "mfa-otp": [2, 2],
      "oob-okta-verify": [2, 4],
      "mfa-oob-okta-verify": [3, 5],
      "oob-phone": [2, 2],
      "mfa-oob-phone": [3, 3],
      "oob-email": [2, 2],
      "mfa-oob-email": [3, 3],
    });
  });
});
