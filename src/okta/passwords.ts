import { randomBytes } from "node:crypto";

/** Meets Okta's default password policy (upper, lower, digit, symbol); never printed. */
export function generatedPassword(length = 24): string {
  const body = randomBytes(length).toString("base64url").slice(0, Math.max(length - 4, 8));
  return `${body}Aa1!`;
}
