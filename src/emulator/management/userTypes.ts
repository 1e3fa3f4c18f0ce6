import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { jsonAnswer, noContent } from "../answer";
import { ManagementApiError, validationFailed } from "../errors";
import { Org, UserType } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso } from "./api";
import { defaultUserTypeOf, schemaIdOf, userTypeFor, userTypeMade, userTypesOf } from "./userTypeStore";

/** Okta lets an org add up to nine types to its default one. */
const MAX_USER_TYPES = 10;

function userTypeJson(url: string, type: UserType): Record<string, unknown> {
  return {
    id: type.id,
    displayName: type.displayName,
    name: type.name,
    description: type.description,
    createdBy: type.createdBy,
    lastUpdatedBy: type.lastUpdatedBy,
    created: type.created,
    lastUpdated: type.lastUpdated,
    default: type.default,
    _links: {
      schema: { rel: "schema", href: `${url}/api/v1/meta/schemas/user/${schemaIdOf(type)}`, method: "GET" },
      self: { rel: "self", href: `${url}/api/v1/meta/types/user/${type.id}`, method: "GET" },
    },
  };
}

const text = (value: unknown): string => (typeof value === "string" ? value.trim() : "");

/** `default` names the default type, as in Okta. */
function typeNamed(org: Org, id: string): UserType {
  return id === "default" ? defaultUserTypeOf(org) : userTypeFor(org, id);
}

/** What a create or a full replace must send: the name (fixed once created), the display name; a description if any. */
function typeFields(body: Record<string, unknown>): Pick<UserType, "name" | "displayName" | "description"> {
  const fields = { name: text(body.name), displayName: text(body.displayName), description: text(body.description) || undefined };
  const blank = (["name", "displayName"] as const).filter((key) => !fields[key]);
  if (blank.length > 0) throw validationFailed(blank[0], blank.map((key) => `${key}: The field cannot be left blank`));
  return fields;
}

function createType(state: EmulatorState, body: Record<string, unknown>): UserType {
  const types = userTypesOf(state.org);
  const fields = typeFields(body);
  if (types.some((t) => t.name.toLowerCase() === fields.name.toLowerCase())) {
    throw validationFailed("name", ["name: An object with this field already exists in the current organization"]);
  }
  if (types.length >= MAX_USER_TYPES) throw validationFailed("userType", [`An org can have at most ${MAX_USER_TYPES} user types.`]);
  const now = nowIso();
  const defaultType = defaultUserTypeOf(state.org);
  const type = userTypeMade(state.org.user.id, now, {
    id: oktaId("oty", randomBytes(12).toString("hex")),
    ...fields,
    default: false,
    // Okta bases a new type's schema on the default one as it is now; later changes to either stay apart.
    schema: { ...structuredClone(defaultType.schema), lastUpdated: now },
  });
  types.push(type);
  return type;
}

/** POST changes what it sends; PUT replaces and must send the name, unchanged. Either way only displayName and description change. */
function updateType(state: EmulatorState, type: UserType, body: Record<string, unknown>, replace: boolean): void {
  const changes = replace ? typeFields(body) : { name: text(body.name) || type.name, displayName: text(body.displayName) || type.displayName, description: body.description === undefined ? type.description : text(body.description) || undefined };
  if (changes.name !== type.name) throw validationFailed("name", ["name: The field is read-only and cannot be changed"]);
  type.displayName = changes.displayName;
  type.description = changes.description;
  type.lastUpdatedBy = state.org.user.id;
  type.lastUpdated = nowIso();
}

export const USER_TYPE_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/meta/types/user",
    description: "list user types, the default one first",
    handle: (state) => jsonAnswer(200, userTypesOf(state.org).map((t) => userTypeJson(state.url, t))),
  },
  {
    method: "POST",
    path: "/api/v1/meta/types/user",
    description: "create a user type (its schema starts as the default type's)",
    handle: (state, _params, request) => jsonAnswer(200, userTypeJson(state.url, createType(state, jsonBody(request)))),
  },
  {
    method: "GET",
    path: "/api/v1/meta/types/user/{typeId}",
    description: "read a user type (`default`: the default one)",
    handle: (state, [id]) => jsonAnswer(200, userTypeJson(state.url, typeNamed(state.org, id))),
  },
  ...(["POST", "PUT"] as const).map(
    (method): ApiRoute => ({
      method,
      path: "/api/v1/meta/types/user/{typeId}",
      description: "update (POST) or replace (PUT) a user type's display name and description",
      handle: (state, [id], request) => {
        const type = typeNamed(state.org, id);
        updateType(state, type, jsonBody(request), method === "PUT");
        return jsonAnswer(200, userTypeJson(state.url, type));
      },
    }),
  ),
  {
    method: "DELETE",
    path: "/api/v1/meta/types/user/{typeId}",
    description: "delete a user type no user has (never the default one)",
    handle: (state, [id]) => {
      const type = typeNamed(state.org, id);
      const inUse = state.org.users.some((u) => u.typeId === type.id);
      if (type.default || inUse) {
        throw new ManagementApiError(403, "E0000006", "You do not have permission to perform the requested action");
      }
      const types = userTypesOf(state.org);
      types.splice(types.indexOf(type), 1);
      return noContent();
    },
  },
];
