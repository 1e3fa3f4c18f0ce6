import { Secret, TOTP } from "otpauth";

const PERIOD_SECONDS = 30;
/** Okta tolerates two minutes of clock skew for Google Authenticator: four 30-second steps either way. */
const SKEW_STEPS = 4;

/**
 * The time step a code belongs to when it is valid and newer than `lastUsedStep`, else undefined:
 * like Okta, a passcode is accepted once, and never one from a step at or before the last accepted.
 */
export function acceptedTotpStep(base32Secret: string, code: string, lastUsedStep?: number, now = Date.now()): number | undefined {
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(base32Secret),
    digits: 6,
    period: PERIOD_SECONDS,
    window: SKEW_STEPS,
    timestamp: now,
  });
  if (delta === null) return undefined;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  return lastUsedStep !== undefined && step <= lastUsedStep ? undefined : step;
}
