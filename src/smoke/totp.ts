import { Secret, TOTP } from "otpauth";
import { Clock } from "./types";

/** Google Authenticator's parameters, which Okta's `google_otp` uses. */
const PERIOD_SECONDS = 30;

/** Throws on anything that is not base32; the message never repeats the value. */
export function parseTotpSecret(base32: string): Secret {
  const cleaned = base32.replace(/[\s-]/g, "").toUpperCase();
  if (!/^[A-Z2-7]+=*$/.test(cleaned) || cleaned.replace(/=+$/, "").length < 16) {
    throw new Error("the TOTP secret must be base32 (A-Z, 2-7), at least 16 characters");
  }
  return Secret.fromBase32(cleaned);
}

/**
 * Codes for one run. Okta accepts each passcode once (and none older than the last accepted), but
 * tolerates two minutes of clock skew; so a second flow in the same 30-second window uses the next
 * step's code, one step ahead at most, and only waits when that one is taken too.
 */
export class TotpCodes {
  private readonly totp: TOTP;
  private readonly used = new Set<number>();

  constructor(
    secretBase32: string,
    private readonly clock: Clock,
  ) {
    this.totp = new TOTP({ secret: parseTotpSecret(secretBase32), algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS });
  }

  async next(onWait?: (waitMs: number) => void): Promise<string> {
    let counter = this.freshCounter();
    while (counter === undefined) {
      const waitMs = (this.counterAt(this.clock.now()) + 1) * PERIOD_SECONDS * 1000 - this.clock.now() + 1;
      onWait?.(waitMs);
      await this.clock.sleep(waitMs);
      counter = this.freshCounter();
    }
    this.used.add(counter);
    return this.totp.generate({ timestamp: counter * PERIOD_SECONDS * 1000 });
  }

  /** The current step, or the next one (within Okta's skew) when the current one was used; newer than any used. */
  private freshCounter(): number | undefined {
    const now = this.counterAt(this.clock.now());
    const newest = Math.max(now - 1, ...this.used);
    return [now, now + 1].find((counter) => counter > newest);
  }

  private counterAt(ms: number): number {
    return Math.floor(ms / 1000 / PERIOD_SECONDS);
  }
}
