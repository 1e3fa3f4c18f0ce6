import { jsonAnswer } from "../answer";
import { UserProfileSchema } from "../orgModel";
import { ApiRoute, jsonBody, nowIso, section } from "./api";
import { baseChanges, customProperty, isBaseProperty, userSchemaJson } from "./userSchemaShapes";
import { userTypeOfSchema } from "./userTypeStore";

/**
 * A POST names only the properties it changes: a custom property sent as null is removed, one sent
 * as an object is added or replaced; a base property takes the changes Okta allows.
 */
function applySchemaChanges(schema: UserProfileSchema, body: Record<string, unknown>): void {
  const definitions = section(body.definitions);
  const custom = section(section(definitions.custom).properties);
  const base = section(section(definitions.base).properties);
  for (const [name, sent] of Object.entries(custom)) {
    if (sent === null) delete schema.custom[name];
    else schema.custom[name] = customProperty(section(sent));
  }
  for (const [name, sent] of Object.entries(base)) {
    if (!isBaseProperty(name)) continue;
    schema.base[name] = { ...schema.base[name], ...baseChanges(name, section(sent)) };
  }
  schema.lastUpdated = nowIso();
}

export const USER_SCHEMA_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/meta/schemas/user/{schemaId}",
    description: "a user type's profile schema (`default`: the default type's)",
    handle: (state, [schemaId]) => jsonAnswer(200, userSchemaJson(state.url, userTypeOfSchema(state.org, schemaId))),
  },
  {
    method: "POST",
    path: "/api/v1/meta/schemas/user/{schemaId}",
    description: "add, change or remove profile properties",
    handle: (state, [schemaId], request) => {
      const type = userTypeOfSchema(state.org, schemaId);
      applySchemaChanges(type.schema, jsonBody(request));
      return jsonAnswer(200, userSchemaJson(state.url, type));
    },
  },
];
