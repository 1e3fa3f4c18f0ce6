import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { parseTotpSecret, TotpCodes } from "../../src/smoke/totp";
import { FakeClock } from "./fakeClock";

const SECRET = new Secret({ size: 20 }).base32;
const codeAt = (timestamp: number) => new TOTP({ secret: Secret.fromBase32(SECRET) }).generate({ timestamp });

describe("TOTP codes", () => {
  it("gives the code of the current 30-second window", async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 1, 12, 0, 5));
    const code = await new TotpCodes(SECRET, clock).next();
    expect(TOTP.validate({ token: code, secret: Secret.fromBase32(SECRET), timestamp: clock.now(), window: 0 })).toBe(0);
  });

  it("takes the next step's code for a second flow in the same window, without waiting (Okta accepts each passcode once)", async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 1, 12, 0, 5));
    const codes = new TotpCodes(SECRET, clock);
    expect(await codes.next()).toBe(codeAt(Date.UTC(2025, 0, 1, 12, 0, 0)));
    expect(await codes.next()).toBe(codeAt(Date.UTC(2025, 0, 1, 12, 0, 30)));
    expect(clock.sleeps).toEqual([]);
  });

  it("waits for the next window when the next step's code is taken too, then goes one step ahead again", async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 1, 12, 0, 5));
    const codes = new TotpCodes(SECRET, clock);
    await codes.next();
    await codes.next();
    const waits: number[] = [];
    const third = await codes.next((ms) => waits.push(ms));
    expect(waits).toEqual([25_001]);
    expect(clock.now()).toBe(Date.UTC(2025, 0, 1, 12, 0, 30) + 1);
    expect(third).toBe(codeAt(Date.UTC(2025, 0, 1, 12, 1, 0)));
  });

  it("hands out strictly increasing steps, never more than one ahead of the clock (Okta accepts none older than the last)", async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 1, 12, 0, 5));
    const codes = new TotpCodes(SECRET, clock);
    const steps: number[] = [];
    for (let flow = 0; flow < 8; flow++) {
      const code = await codes.next();
      const ahead = TOTP.validate({ token: code, secret: Secret.fromBase32(SECRET), timestamp: clock.now(), window: 1 });
      expect([0, 1], `flow ${flow}`).toContain(ahead);
      steps.push(Math.floor(clock.now() / 30_000) + ahead!);
      // Flows shorter than a window: some get the next step's code, some wait for it.
      await clock.sleep(10_000);
    }
    expect(steps).toEqual(steps.map((_, i) => steps[0] + i));
  });

  it("reads a secret as authenticator apps show it: any case, grouped by spaces or dashes, padded or not", () => {
    expect(parseTotpSecret("jbsw y3dp-ehpk 3pxp").base32).toBe("JBSWY3DPEHPK3PXP");
    expect(parseTotpSecret("JBSWY3DPEHPK3PXP\t").base32).toBe("JBSWY3DPEHPK3PXP");
    expect(parseTotpSecret("JBSWY3DPEHPK3PXP====").base32).toBe("JBSWY3DPEHPK3PXP");
  });

  it.each([
    ["15 characters", "JBSWY3DPEHPK3PX"],
    ["15 characters padded to 16", "JBSWY3DPEHPK3PX="],
    ["15 characters padded to 17", "JBSWY3DPEHPK3PX=="],
    ["a digit outside base32", "JBSWY3DPEHPK3PX1"],
    ["padding first", "=JBSWY3DPEHPK3PXP"],
    ["padding inside", "JBSWY3DP=EHPK3PXP"],
    ["nothing", ""],
  ])("refuses %s", (_name, secret) => {
    expect(() => parseTotpSecret(secret)).toThrow("the TOTP secret must be base32 (A-Z, 2-7), at least 16 characters");
  });

  it("rejects a secret that is not base32, without repeating it", () => {
    expect(() => parseTotpSecret("not-base32!!sekrit")).toThrow(/base32/);
    try {
      parseTotpSecret("not-base32!!sekrit");
    } catch (error) {
      expect((error as Error).message).not.toContain("sekrit");
    }
    expect(() => parseTotpSecret(SECRET.toLowerCase())).not.toThrow();
  });
});
