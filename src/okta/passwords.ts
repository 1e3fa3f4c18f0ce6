import { randomBytes } from "node:crypto";

/** Meets Okta's default password policy (upper, lower, digit, symbol); never printed. */
export function generatedPassword(length = 24): string {
  const body = randomBytes(length).toString("base64url").slice(0, Math.max(length - 4, 8));
  return `${body}Aa1!`;
}

/**
 * Okta's default password policy, as its E0000001 cause states it: "Password requirements were not
 * met. Password requirements: at least 8 characters, a lowercase letter, an uppercase letter, a
 * number, no parts of your username." The emulator holds its users to it, and `npm run emulator`
 * checks OKTA_SMOKE_PASSWORD against it before it sets anything up.
 */
const REQUIREMENTS = [
  { wants: "at least 8 characters", met: (password: string) => [...password].length >= 8 },
  { wants: "a lowercase letter", met: (password: string) => /\p{Ll}/u.test(password) },
  { wants: "an uppercase letter", met: (password: string) => /\p{Lu}/u.test(password) },
  { wants: "a number", met: (password: string) => /\p{Nd}/u.test(password) },
] as const;

const USERNAME_PART = "no parts of your username";
/** Parts of a login shorter than this are too common to forbid (Okta does not publish its rule). */
const MIN_USERNAME_PART = 4;

export const PASSWORD_REQUIREMENTS = `Password requirements: ${[...REQUIREMENTS.map((r) => r.wants), USERNAME_PART].join(", ")}.`;

/** The requirements `password` misses (for `login` when known), in Okta's words; empty when it meets them all. */
export function unmetPasswordRequirements(password: string, login?: string): string[] {
  const unmet: string[] = REQUIREMENTS.filter((r) => !r.met(password)).map((r) => r.wants);
  const parts = (login ?? "").split(/[@._+-]/).filter((part) => part.length >= MIN_USERNAME_PART);
  if (parts.some((part) => password.toLowerCase().includes(part.toLowerCase()))) unmet.push(USERNAME_PART);
  return unmet;
}
