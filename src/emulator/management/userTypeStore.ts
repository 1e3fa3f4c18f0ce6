import { oktaId } from "../../okta/ids";
import { notFound } from "../errors";
import { Org, OrgUser, UserType } from "../orgModel";

/** The default type's id; its schema is also reachable as `default`. */
export const DEFAULT_USER_TYPE_ID = oktaId("oty", "default");
/** Who Okta names as the default type's creator: the org's system principal, not an administrator. */
const SYSTEM_PRINCIPAL_ID = oktaId("spr", "system");

/** A type's schema id: the type's own id with Okta's schema prefix. */
export const schemaIdOf = (type: UserType): string => `osc${type.id.slice(3)}`;

/** A type as its creator (Okta's system principal, or the administrator) made it at `at`. */
export function userTypeMade(by: string, at: string, type: Omit<UserType, "createdBy" | "lastUpdatedBy" | "created" | "lastUpdated">): UserType {
  return { ...type, createdBy: by, lastUpdatedBy: by, created: at, lastUpdated: at };
}

/** The default type as Okta creates it with the org. */
function defaultUserType(org: Org): UserType {
  const description = "Okta user profile template with default permission settings";
  const schema = { custom: {}, base: {}, lastUpdated: org.created };
  return userTypeMade(SYSTEM_PRINCIPAL_ID, org.created, { id: DEFAULT_USER_TYPE_ID, name: "user", displayName: "User", description, default: true, schema });
}

/** The org's user types, the default one first; an org saved before types existed gets it here. */
export function userTypesOf(org: Org): UserType[] {
  org.userTypes ??= [defaultUserType(org)];
  return org.userTypes;
}

export function userTypeFor(org: Org, id: string): UserType {
  const type = userTypesOf(org).find((t) => t.id === id);
  if (type) return type;
  throw notFound(id, "UserType");
}

/** `default` names the default type's schema, as does its `osc` id; other types' schemas only by id. */
export function userTypeOfSchema(org: Org, schemaId: string): UserType {
  const types = userTypesOf(org);
  const type = schemaId === "default" ? defaultUserTypeOf(org) : types.find((t) => schemaIdOf(t) === schemaId);
  if (type) return type;
  throw notFound(schemaId, "UserSchema");
}

export function defaultUserTypeOf(org: Org): UserType {
  return userTypesOf(org).find((t) => t.default)!;
}

export function typeOfUser(org: Org, user: OrgUser): UserType {
  return userTypesOf(org).find((t) => t.id === user.typeId) ?? defaultUserTypeOf(org);
}
