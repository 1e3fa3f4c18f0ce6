import { Secret, TOTP } from "otpauth";

/** Google Authenticator's parameters (SHA-1, 6 digits, 30 s), one step of clock drift either way. */
export function totpMatches(base32Secret: string, code: string): boolean {
  return TOTP.validate({ token: code, secret: Secret.fromBase32(base32Secret), digits: 6, period: 30, window: 1 }) !== null;
}
