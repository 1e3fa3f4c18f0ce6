import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { LifecycleStatus } from "../../okta/status";
import { jsonAnswer, noContent } from "../answer";
import { ManagementApiError, notFound, validationFailed } from "../errors";
import { NetworkZone, NetworkZoneType, systemNetworkZones } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso } from "./api";
import { fieldOf, limited, listMatcher } from "./listQuery";
import { NETWORK_ZONE_TYPES, networkZoneJson, zoneDefinition } from "./networkZoneShapes";
import { selfLinkHeader } from "./pageLinks";

/** An org saved before zones existed gets Okta's system zones the first time zones are asked for. */
const zonesOf = (state: EmulatorState): NetworkZone[] => (state.org.networkZones ??= systemNetworkZones(state.org.created));

function zoneById(state: EmulatorState, id: string): NetworkZone {
  const zone = zonesOf(state).find((z) => z.id === id);
  if (!zone) throw notFound(id, "Zone");
  return zone;
}

function zoneFields(body: Record<string, unknown>, current?: NetworkZone): Pick<NetworkZone, "name" | "type" | "usage" | "definition"> {
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name) throw validationFailed("name", ["name: The field cannot be left blank"]);
  const type = (body.type ?? current?.type) as NetworkZoneType;
  if (!NETWORK_ZONE_TYPES.includes(type)) throw validationFailed("type", []);
  const usage = body.usage === "BLOCKLIST" ? "BLOCKLIST" : "POLICY";
  return { name, type, usage, definition: zoneDefinition(type, body) };
}

/** Okta's own zones can be edited but not deleted, as with the built-in Everyone group. */
function deletable(zone: NetworkZone): NetworkZone {
  if (zone.system) {
    throw new ManagementApiError(403, "E0000006", "You do not have permission to perform the requested action", [
      `The system zone ${zone.name} cannot be deleted.`,
    ]);
  }
  return zone;
}

export const NETWORK_ZONE_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/zones",
    description: "list network zones (filter, limit)",
    handle: (state, _params, request) => {
      const matches = listMatcher(request.query);
      const all = zonesOf(state).map((z) => networkZoneJson(state.url, z));
      const matching = all.filter((json) => matches([String(json.name)], (path) => fieldOf(json, path)));
      return jsonAnswer(200, limited(matching, request.query), selfLinkHeader(state.url, request));
    },
  },
  {
    method: "POST",
    path: "/api/v1/zones",
    description: "create a network zone (IP, DYNAMIC, DYNAMIC_V2; ACTIVE)",
    handle: (state, _params, request) => {
      const now = nowIso();
      // Okta creates every zone ACTIVE, whatever `status` the body asks for.
      const zone: NetworkZone = { id: oktaId("nzo", randomBytes(12).toString("hex")), status: "ACTIVE", ...zoneFields(jsonBody(request)), created: now, lastUpdated: now };
      zonesOf(state).push(zone);
      return jsonAnswer(200, networkZoneJson(state.url, zone));
    },
  },
  {
    method: "GET",
    path: "/api/v1/zones/{zoneId}",
    description: "read a network zone",
    handle: (state, [id]) => jsonAnswer(200, networkZoneJson(state.url, zoneById(state, id))),
  },
  {
    method: "PUT",
    path: "/api/v1/zones/{zoneId}",
    description: "replace a network zone",
    handle: (state, [id], request) => {
      const zone = zoneById(state, id);
      const body = jsonBody(request);
      const status = body.status === "ACTIVE" || body.status === "INACTIVE" ? body.status : zone.status;
      Object.assign(zone, zoneFields(body, zone), { status, lastUpdated: nowIso() });
      return jsonAnswer(200, networkZoneJson(state.url, zone));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/zones/{zoneId}",
    description: "delete a network zone",
    handle: (state, [id]) => {
      const zone = deletable(zoneById(state, id));
      state.org.networkZones = zonesOf(state).filter((z) => z !== zone);
      return noContent();
    },
  },
  {
    method: "POST",
    path: "/api/v1/zones/{zoneId}/lifecycle/{action:activate|deactivate}",
    description: "activate or deactivate a network zone",
    handle: (state, [id, verb]) => {
      const zone = zoneById(state, id);
      const status: LifecycleStatus = verb === "activate" ? "ACTIVE" : "INACTIVE";
      Object.assign(zone, { status, lastUpdated: nowIso() });
      return jsonAnswer(200, networkZoneJson(state.url, zone));
    },
  },
];
