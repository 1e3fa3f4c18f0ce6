import { UserProfileSchema, UserType } from "../orgModel";
import { section } from "./api";
import { schemaIdOf } from "./userTypeStore";

/**
 * Okta's JSON for a user type's profile schema (`/api/v1/meta/schemas/user/{id}`): the base
 * properties Okta defines, then the custom ones an administrator added, each in the key order
 * Okta answers with.
 */

type Permission = "READ_ONLY" | "READ_WRITE" | "HIDE";

interface BaseProperty {
  title: string;
  /** What the user may do with it on their own profile, a fresh org's setting. */
  self: Permission;
  required?: true;
  format?: string;
  minLength?: number;
  maxLength?: number;
}

/** A fresh org's base properties, in Okta's order (SCIM's core user schema, as Okta documents it). */
const BASE_PROPERTIES: Record<string, BaseProperty> = {
  login: { title: "Username", self: "READ_ONLY", required: true, minLength: 5, maxLength: 100 },
  firstName: { title: "First name", self: "READ_WRITE", required: true, minLength: 1, maxLength: 50 },
  lastName: { title: "Last name", self: "READ_WRITE", required: true, minLength: 1, maxLength: 50 },
  middleName: { title: "Middle name", self: "READ_ONLY" },
  honorificPrefix: { title: "Honorific prefix", self: "READ_ONLY" },
  honorificSuffix: { title: "Honorific suffix", self: "READ_ONLY" },
  email: { title: "Primary email", self: "READ_WRITE", required: true, format: "email" },
  title: { title: "Title", self: "READ_ONLY" },
  displayName: { title: "Display name", self: "READ_ONLY" },
  nickName: { title: "Nickname", self: "READ_ONLY" },
  profileUrl: { title: "Profile Url", self: "READ_ONLY", format: "uri" },
  secondEmail: { title: "Secondary email", self: "READ_WRITE", format: "email" },
  mobilePhone: { title: "Mobile phone", self: "READ_WRITE", maxLength: 100 },
  primaryPhone: { title: "Primary phone", self: "HIDE", maxLength: 100 },
  streetAddress: { title: "Street address", self: "HIDE" },
  city: { title: "City", self: "HIDE" },
  state: { title: "State", self: "HIDE" },
  zipCode: { title: "Zip code", self: "HIDE" },
  countryCode: { title: "Country code", self: "HIDE", format: "country-code" },
  postalAddress: { title: "Postal Address", self: "HIDE" },
  preferredLanguage: { title: "Preferred language", self: "READ_ONLY", format: "language-code" },
  locale: { title: "Locale", self: "READ_ONLY", format: "locale" },
  timezone: { title: "Time zone", self: "READ_ONLY", format: "timezone" },
  userType: { title: "User type", self: "READ_ONLY" },
  employeeNumber: { title: "Employee number", self: "READ_ONLY" },
  costCenter: { title: "Cost center", self: "READ_ONLY" },
  organization: { title: "Organization", self: "READ_ONLY" },
  division: { title: "Division", self: "READ_ONLY" },
  department: { title: "Department", self: "READ_ONLY" },
  managerId: { title: "ManagerId", self: "READ_ONLY" },
  manager: { title: "Manager", self: "READ_ONLY" },
};

export const isBaseProperty = (name: string): boolean => Object.hasOwn(BASE_PROPERTIES, name);

/** What an administrator may change of a base property (Okta's rule): permissions, master, whether firstName and lastName are required, login's pattern. */
const BASE_CHANGES: Record<string, (name: string) => boolean> = {
  permissions: () => true,
  master: () => true,
  required: (name) => name === "firstName" || name === "lastName",
  pattern: (name) => name === "login",
};

/** The changes a POST's `definitions.base.properties.<name>` makes that Okta allows; the rest is ignored. */
export function baseChanges(name: string, sent: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(sent).filter(([key, value]) => value !== undefined && BASE_CHANGES[key]?.(name)));
}

function basePropertyJson(name: string, property: BaseProperty, changes: Record<string, unknown>): Record<string, unknown> {
  const required = changes.required ?? property.required;
  return {
    title: property.title,
    type: "string",
    ...(required === true && { required: true }),
    ...(property.format && { format: property.format }),
    mutability: "READ_WRITE",
    scope: "NONE",
    ...(property.minLength !== undefined && { minLength: property.minLength }),
    ...(property.maxLength !== undefined && { maxLength: property.maxLength }),
    ...(changes.pattern !== undefined && { pattern: changes.pattern }),
    permissions: changes.permissions ?? [{ principal: "SELF", action: property.self }],
    master: changes.master ?? { type: "PROFILE_MASTER" },
  };
}

const defined = (entries: [string, unknown][]): Record<string, unknown> =>
  Object.fromEntries(entries.filter(([, value]) => value !== undefined));

const listOf = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);

/** An enum's labelled choices, `{const, title}` each. */
const choices = (value: unknown) => listOf(value)?.map((choice) => defined([["const", section(choice).const], ["title", section(choice).title]]));

/**
 * A custom property as Okta stores and answers it: its keys in Okta's order, `mutability` and
 * `scope` defaulted, `required` kept only when true (Okta then also lists it in `required`).
 */
export function customProperty(sent: Record<string, unknown>): Record<string, unknown> {
  const items = sent.items === undefined ? undefined : section(sent.items);
  return defined([
    ["title", sent.title],
    ["description", sent.description],
    ["type", sent.type],
    ["required", sent.required === true ? true : undefined],
    ["unique", sent.unique],
    ["mutability", sent.mutability ?? "READ_WRITE"],
    ["scope", sent.scope ?? "NONE"],
    ["minLength", sent.minLength],
    ["maxLength", sent.maxLength],
    ["pattern", sent.pattern],
    ["items", items && defined([["type", items.type], ["enum", listOf(items.enum)], ["oneOf", choices(items.oneOf)]])],
    ["enum", listOf(sent.enum)],
    ["oneOf", choices(sent.oneOf)],
    ["externalName", sent.externalName],
    ["externalNamespace", sent.externalNamespace],
    ["permissions", listOf(sent.permissions)?.map((p) => defined([["principal", section(p).principal], ["action", section(p).action]]))],
    ["master", sent.master === undefined ? undefined : { type: section(sent.master).type, ...section(sent.master) }],
  ]);
}

/** The names of the properties of `properties` that are required. */
const requiredOf = (properties: Record<string, Record<string, unknown>>) =>
  Object.entries(properties)
    .filter(([, p]) => p.required === true)
    .map(([name]) => name);

export function userSchemaJson(url: string, type: UserType): Record<string, unknown> {
  const schema: UserProfileSchema = type.schema;
  const base = Object.fromEntries(
    Object.entries(BASE_PROPERTIES).map(([name, property]) => [name, basePropertyJson(name, property, schema.base[name] ?? {})]),
  );
  const custom = schema.custom;
  return {
    id: `${url}/meta/schemas/user/${type.default ? "default" : schemaIdOf(type)}`,
    $schema: "http://json-schema.org/draft-04/schema#",
    name: type.name,
    title: type.displayName,
    description: type.description,
    lastUpdated: schema.lastUpdated,
    created: type.created,
    definitions: {
      // Okta leaves `required` out of an empty custom section.
      custom: { id: "#custom", type: "object", properties: custom, ...(Object.keys(custom).length > 0 && { required: requiredOf(custom) }) },
      base: { id: "#base", type: "object", properties: base, required: requiredOf(base) },
    },
    type: "object",
    properties: { profile: { allOf: [{ $ref: "#/definitions/custom" }, { $ref: "#/definitions/base" }] } },
    _links: {
      self: { rel: "self", href: `${url}/api/v1/meta/schemas/user/${schemaIdOf(type)}`, method: "GET" },
      type: { rel: "type", href: `${url}/api/v1/meta/types/user/${type.id}`, method: "GET" },
    },
  };
}

/** The profile properties a user of this type may have: base and custom. */
export function profilePropertyNames(type: UserType): Set<string> {
  return new Set([...Object.keys(BASE_PROPERTIES), ...Object.keys(type.schema.custom)]);
}
