import { Secret } from "otpauth";
import { oktaId } from "../okta/ids";
import { generatedPassword } from "../okta/passwords";
import { OrgUser } from "./orgModel";

/**
 * Every org starts with the administrator who signed it up; a fresh emulator's org has one too,
 * with a password nobody is told (it is the test user only of an org nothing was declared for).
 */
export function orgAdministrator(now: string): OrgUser {
  const login = "admin@example.com";
  const id = oktaId("00u", login);
  return {
    id,
    status: "ACTIVE",
    otherProfile: {},
    login,
    email: login,
    firstName: "Org",
    lastName: "Administrator",
    mobilePhone: "+1 555 0199",
    password: generatedPassword(),
    totpSecret: newTotpSecret(),
    totpFactorId: oktaId("uft", `${id}:google_otp`),
    unenrolled: new Set(),
    created: now,
  };
}

/** A base32 secret as Okta hands Google Authenticator (160 bits). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

