import { describe, expect, it } from "vitest";
import { acceptedTotpStep } from "../../src/emulator/totpCheck";
import { totpCode } from "../../src/orgSettings/totpEnrollment";
import { TotpCodes } from "../../src/smoke/totp";
import { FakeClock } from "./fakeClock";

/**
 * RFC 6238 Appendix B, SHA-1 rows: the shared secret is the ASCII string "12345678901234567890"
 * (base32 below), and the table gives 8 digits; Google Authenticator's 6 are the last 6 of them
 * (RFC 4226 §5.3 truncates modulo 10^digits). Every TOTP in the project is judged against these,
 * not against the library that computes them.
 */
const RFC_SECRET_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_6238_SHA1: [unixSeconds: number, eightDigits: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];
const vectors = RFC_6238_SHA1.map(([seconds, eight]) => ({ seconds, code: eight.slice(2) }));

describe("TOTP against RFC 6238's test vectors", () => {
  it.each(vectors)("the smoke check's code at T=$seconds is $code", async ({ seconds, code }) => {
    expect(await new TotpCodes(RFC_SECRET_BASE32, new FakeClock(seconds * 1000)).next()).toBe(code);
  });

  it.each(vectors)("the TOTP enrollment's activation code at T=$seconds is $code", ({ seconds, code }) => {
    expect(totpCode(RFC_SECRET_BASE32, seconds * 1000)).toBe(code);
  });

  it.each(vectors)("the emulator accepts $code at T=$seconds, in its own step, and not a neighbour's code", ({ seconds, code }) => {
    const step = Math.floor(seconds / 30);
    expect(acceptedTotpStep(RFC_SECRET_BASE32, code, undefined, seconds * 1000)).toBe(step);
    expect(acceptedTotpStep(RFC_SECRET_BASE32, code, step, seconds * 1000)).toBeUndefined();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(acceptedTotpStep(RFC_SECRET_BASE32, wrong, undefined, seconds * 1000)).toBeUndefined();
  });

  it("the emulator takes a code two minutes old (Okta's skew for Google Authenticator), not two and a half", () => {
    const [{ seconds, code }] = vectors.filter((v) => v.seconds === 1234567890);
    const step = Math.floor(seconds / 30);
    expect(acceptedTotpStep(RFC_SECRET_BASE32, code, undefined, (seconds + 120) * 1000)).toBe(step);
    expect(acceptedTotpStep(RFC_SECRET_BASE32, code, undefined, (seconds + 150) * 1000)).toBeUndefined();
  });
});
