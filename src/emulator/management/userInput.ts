import { PASSWORD_REQUIREMENTS, unmetPasswordRequirements } from "../../okta/passwords";
import { ManagementApiError, validationFailed } from "../errors";
import { Org, OrgUser, UserType } from "../orgModel";
import { section } from "./api";
import { profilePropertyNames } from "./userSchemaShapes";
import { userTypeFor } from "./userTypeStore";

/** The profile attributes the emulator keeps in fields of their own; the rest go to `otherProfile`. */
const MODELLED = ["login", "email", "firstName", "lastName", "mobilePhone"];

export type UserFields = Pick<OrgUser, "login" | "email" | "firstName" | "lastName" | "mobilePhone" | "otherProfile">;

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/**
 * A profile as Okta validates it on create and on a full update: login and email required, the
 * login unique in the org (`self` may keep its own).
 */
export function profileFields(org: Org, body: Record<string, unknown>, self?: OrgUser): UserFields {
  const profile = section(body.profile);
  const fields: UserFields = {
    login: text(profile.login),
    email: text(profile.email),
    firstName: text(profile.firstName),
    lastName: text(profile.lastName),
    mobilePhone: text(profile.mobilePhone),
    // Okta keeps no attribute set to null: the answer leaves it out.
    otherProfile: Object.fromEntries(Object.entries(profile).filter(([key, value]) => !MODELLED.includes(key) && value !== null)),
  };
  const causes: string[] = [];
  if (!fields.login) causes.push("login: The field cannot be left blank");
  if (!fields.email) causes.push("email: The field cannot be left blank");
  else if (!/^[^@\s]+@[^@\s]+$/.test(fields.email)) causes.push("email: Does not match required pattern");
  const taken = org.users.some((u) => u !== self && u.login.toLowerCase() === fields.login.toLowerCase());
  if (taken) causes.push("login: An object with this field already exists in the current organization");
  if (causes.length > 0) throw validationFailed(causes[0].split(":")[0], causes);
  return fields;
}

/** `credentials.password.value`, when the body sets one. */
export function passwordOf(body: Record<string, unknown>, login?: string): string | undefined {
  const value = section(section(body.credentials).password).value;
  if (value === undefined) return undefined;
  if (typeof value !== "string" || unmetPasswordRequirements(value, login).length > 0) {
    throw new ManagementApiError(400, "E0000001", "Api validation failed: password", [
      `password: Password requirements were not met. ${PASSWORD_REQUIREMENTS}`,
    ]);
  }
  return value;
}

/** `credentials.recovery_question` (or the body's own `recovery_question`), when it sets both parts. */
export function recoveryQuestionOf(credentials: Record<string, unknown>): OrgUser["recoveryQuestion"] {
  const { question, answer } = section(credentials.recovery_question);
  if (question === undefined && answer === undefined) return undefined;
  if (typeof question !== "string" || typeof answer !== "string" || answer.trim().length < 4) {
    throw validationFailed("recovery_question", ["recovery_question: The security question answer must be at least 4 characters long."]);
  }
  return { question, answer };
}

/** The type a body's `type.id` names, when it names one. */
export function userTypeOf(org: Org, body: Record<string, unknown>): UserType | undefined {
  const id = section(body.type).id;
  return typeof id === "string" ? userTypeFor(org, id) : undefined;
}

/** A new user's profile may only have properties its type's schema defines, as Okta checks on create. */
export function checkProfileDefined(type: UserType, body: Record<string, unknown>): void {
  const defined = profilePropertyNames(type);
  const undefinedNames = Object.keys(section(body.profile)).filter((name) => !defined.has(name));
  if (undefinedNames.length > 0) {
    throw validationFailed("newUser", undefinedNames.map((name) => `Property name '${name}' is not defined in profile`));
  }
}
