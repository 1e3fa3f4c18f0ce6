import { OAuthError } from "../errors";
import { OrgUser } from "../orgModel";

/**
 * Okta's brakes on guessing (docs/okta-emulator.md, "Lockouts and throttles"): the default password
 * policy locks a user out after 10 failed sign-in attempts in a row (wrong passwords, and wrong
 * passcodes given as the primary factor); one `mfa_token` or `oob_code` takes at most 5 wrong
 * codes, then it is used up; SMS and voice codes to one user are throttled (`phoneThrottledUntil`).
 */
export const LOCKOUT_ATTEMPTS = 10;
export const FACTOR_ATTEMPTS = 5;
export const PHONE_THROTTLE_SECONDS = 30;

export function lockedOut(): OAuthError {
  return new OAuthError(
    400,
    "invalid_grant",
    `The credentials provided were invalid. (direct_auth_locked_out: the user is locked out after ${LOCKOUT_ATTEMPTS} failed sign-in attempts; an administrator unlocks it, or it unlocks itself after the password policy's lockout period)`,
  );
}

/** Refuses a LOCKED_OUT user before any credential is compared, as Okta does. */
export function refuseLockedOut(user: OrgUser): void {
  if (user.status === "LOCKED_OUT") throw lockedOut();
}

/** A failed sign-in attempt: the tenth in a row locks the user out. */
export function failedSignIn(user: OrgUser, now: string): void {
  user.failedSignIns = (user.failedSignIns ?? 0) + 1;
  if (user.failedSignIns >= LOCKOUT_ATTEMPTS && user.status === "ACTIVE") {
    user.status = "LOCKED_OUT";
    user.statusChanged = now;
  }
}

export function succeededSignIn(user: OrgUser): void {
  user.failedSignIns = 0;
}

/** A wrong code on an `mfa_token` or `oob_code`: the fifth uses it up. */
export function failedVerification(transaction: { failures?: number }, useUp: () => void): OAuthError | undefined {
  transaction.failures = (transaction.failures ?? 0) + 1;
  if (transaction.failures < FACTOR_ATTEMPTS) return undefined;
  useUp();
  return new OAuthError(
    400,
    "invalid_grant",
    `The one-time passcode is invalid (direct_auth_too_many_attempts: ${FACTOR_ATTEMPTS} wrong codes were given for this transaction, so it can no longer be used; start again with the first leg).`,
  );
}

/**
 * Okta's Factors API sends one SMS per phone number every 30 seconds. Direct Authentication's
 * own figure is not published: the emulator lets a user have 3 codes by one channel within 30
 * seconds (a smoke check's primary and MFA phone variants, and a resend) and stops any burst
 * beyond. Returns when the next may go, or undefined when now is fine.
 */
export const PHONE_BURST = 3;

export function phoneThrottledUntil(sentAt: readonly number[], nowMs: number): number | undefined {
  const recent = sentAt.filter((t) => nowMs - t < PHONE_THROTTLE_SECONDS * 1000);
  if (recent.length < PHONE_BURST) return undefined;
  return Math.min(...recent) + PHONE_THROTTLE_SECONDS * 1000;
}
