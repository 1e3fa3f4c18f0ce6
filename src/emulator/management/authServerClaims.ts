import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { jsonAnswer, noContent } from "../answer";
import { claimsOf } from "../authServerBuiltIns";
import { notFound, validationFailed } from "../errors";
import { AuthServerClaim, CustomAuthorizationServer } from "../orgModel";
import { ApiRoute, enumField, jsonBody, section } from "./api";
import { claimJson } from "./authServerShapes";
import { authServerById } from "./authorizationServers";

const CLAIM_TYPES = ["RESOURCE", "IDENTITY"] as const;
const VALUE_TYPES = ["EXPRESSION", "GROUPS", "SYSTEM"] as const;
const GROUP_FILTER_TYPES = ["STARTS_WITH", "EQUALS", "CONTAINS", "REGEX"];

function claimById(server: CustomAuthorizationServer, id: string): AuthServerClaim {
  const claim = claimsOf(server).find((c) => c.id === id);
  if (!claim) throw notFound(id, "OAuth2Claim");
  return claim;
}

/**
 * What a create or replace sets. Name and claim type are required, and a value unless Okta fills
 * it (SYSTEM); a GROUPS claim also says how it matches group names. `conditions: {}` means no
 * scope, which Okta answers as `scopes: []`.
 */
function claimFields(body: Record<string, unknown>): Omit<AuthServerClaim, "id" | "system"> {
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name) throw validationFailed("name", ["name: The field cannot be left blank"]);
  const claimType = enumField(body.claimType, CLAIM_TYPES, "claimType");
  const valueType = enumField(body.valueType, VALUE_TYPES, "valueType", "EXPRESSION");
  const value = typeof body.value === "string" && body.value !== "" ? body.value : undefined;
  if (value === undefined && valueType !== "SYSTEM") throw validationFailed("value", ["value: The field cannot be left blank"]);
  const scopes = section(body.conditions).scopes;
  return {
    name,
    status: body.status === "INACTIVE" ? "INACTIVE" : "ACTIVE",
    claimType,
    valueType,
    ...(valueType === "SYSTEM" ? {} : { value }),
    scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === "string") : [],
    alwaysIncludeInToken: body.alwaysIncludeInToken === true,
    ...(valueType === "GROUPS" ? { groupFilterType: enumField(body.group_filter_type, GROUP_FILTER_TYPES, "group_filter_type") } : {}),
  };
}

export const AUTH_SERVER_CLAIM_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/authorizationServers/{authServerId}/claims",
    description: "a server's claims",
    handle: (state, [serverId]) => {
      const server = authServerById(state, serverId);
      return jsonAnswer(200, claimsOf(server).map((c) => claimJson(state.url, server.id, c)));
    },
  },
  {
    method: "POST",
    path: "/api/v1/authorizationServers/{authServerId}/claims",
    description: "create a claim",
    handle: (state, [serverId], request) => {
      const server = authServerById(state, serverId);
      const claim: AuthServerClaim = { id: oktaId("ocl", randomBytes(12).toString("hex")), system: false, ...claimFields(jsonBody(request)) };
      claimsOf(server).push(claim);
      return jsonAnswer(201, claimJson(state.url, server.id, claim));
    },
  },
  {
    method: "GET",
    path: "/api/v1/authorizationServers/{authServerId}/claims/{claimId}",
    description: "read a claim",
    handle: (state, [serverId, claimId]) => {
      const server = authServerById(state, serverId);
      return jsonAnswer(200, claimJson(state.url, server.id, claimById(server, claimId)));
    },
  },
  {
    method: "PUT",
    path: "/api/v1/authorizationServers/{authServerId}/claims/{claimId}",
    description: "replace a claim",
    handle: (state, [serverId, claimId], request) => {
      const server = authServerById(state, serverId);
      const claim = claimById(server, claimId);
      const fields = claimFields(jsonBody(request));
      // A replace that drops `value` (a SYSTEM claim) or the group filter drops them.
      delete claim.value;
      delete claim.groupFilterType;
      Object.assign(claim, fields);
      return jsonAnswer(200, claimJson(state.url, server.id, claim));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/authorizationServers/{authServerId}/claims/{claimId}",
    description: "delete a claim",
    handle: (state, [serverId, claimId]) => {
      const server = authServerById(state, serverId);
      const claim = claimById(server, claimId);
      server.claims = claimsOf(server).filter((c) => c !== claim);
      return noContent();
    },
  },
];
