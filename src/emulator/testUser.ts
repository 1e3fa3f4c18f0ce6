import { Secret } from "otpauth";
import { Evaluation } from "../evaluate/evaluateProgram";
import { generatedPassword, lookedUpUserId } from "../evaluate/offlineOkta";
import { oktaId } from "../evaluate/oktaIds";
import { LOOKUPS, TOKEN } from "../okta/resourceTypes";
import { OrgUser } from "./orgModel";

/** The test user the program created, or the existing one it looked up (id as the offline org gave it). */
export function testUserOf(evaluation: Evaluation, password: string | undefined, now: string): OrgUser {
  const created = evaluation.resources.find((r) => r.type === TOKEN.user);
  const login = String(created?.inputs.login ?? lookedUpLogin(evaluation) ?? "");
  if (!login) throw new Error("the evaluation declares no test user (neither okta.user.User nor okta.user.getUser)");
  const id = created?.id ?? lookedUpUserId(login);
  return {
    id,
    status: "ACTIVE",
    otherProfile: {},
    login,
    email: String(created?.inputs.email ?? login),
    firstName: String(created?.inputs.firstName ?? "Direct"),
    lastName: String(created?.inputs.lastName ?? "Auth Tester"),
    mobilePhone: "+1 555 0100",
    password: password ?? generatedPassword(),
    totpSecret: newTotpSecret(),
    totpFactorId: oktaId("uft", `${id}:google_otp`),
    unenrolled: new Set(),
    created: now,
  };
}

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

function lookedUpLogin(evaluation: Evaluation): string | undefined {
  if (typeof evaluation.outputs.testUserLogin === "string") return evaluation.outputs.testUserLogin;
  const invoke = evaluation.invokes.find((i) => i.token === LOOKUPS.user.token);
  return (invoke?.args.searches as { value?: string }[] | undefined)?.[0]?.value;
}

/** A base32 secret as Okta hands Google Authenticator (160 bits). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

