import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { jsonAnswer, noContent } from "../answer";
import { notFound, validationFailed } from "../errors";
import { DeviceAssurance } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRequest, ApiRoute, jsonBody, nowIso } from "./api";
import { link } from "./links";

export const DEVICE_PLATFORMS = ["ANDROID", "IOS", "MACOS", "WINDOWS", "CHROMEOS"] as const;

/** Fields Okta sets itself; a body's copies of them are not kept. */
const READ_ONLY = new Set(["id", "name", "platform", "createdDate", "createdBy", "lastUpdate", "lastUpdatedBy", "resourceId", "resourceDisplayName", "resourceType", "_links"]);

const policiesOf = (state: EmulatorState): DeviceAssurance[] => (state.org.deviceAssurances ??= []);

function policyById(state: EmulatorState, id: string): DeviceAssurance {
  const policy = policiesOf(state).find((p) => p.id === id);
  if (!policy) throw notFound(id, "DeviceAssurancePolicy");
  return policy;
}

/** Who made the change, as Okta records it: the token's user, or a service app's client id. */
const actorOf = (state: EmulatorState, request: ApiRequest): string =>
  request.caller?.kind === "service-app" ? request.caller.clientId : state.org.user.id;

function policyFields(body: Record<string, unknown>): Pick<DeviceAssurance, "name" | "platform" | "conditions"> {
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name) throw validationFailed("name", ["name: The field cannot be left blank"]);
  const platform = String(body.platform ?? "");
  if (!(DEVICE_PLATFORMS as readonly string[]).includes(platform)) throw validationFailed("platform", []);
  const conditions = Object.fromEntries(Object.entries(body).filter(([key]) => !READ_ONLY.has(key)));
  return { name, platform, conditions: { displayRemediationMode: "HIDE", ...conditions } };
}

/**
 * Okta's JSON for a device assurance policy: the conditions as written, audit fields and the
 * resource fields of its admin-role resource sets. A replace answers without `createdDate` and
 * `createdBy`, as Okta's does; reads carry them.
 */
function deviceAssuranceJson(url: string, policy: DeviceAssurance, withCreation = true): Record<string, unknown> {
  return {
    name: policy.name,
    platform: policy.platform,
    id: policy.id,
    ...policy.conditions,
    ...(withCreation && { createdDate: policy.createdDate, createdBy: policy.createdBy }),
    lastUpdate: policy.lastUpdate,
    lastUpdatedBy: policy.lastUpdatedBy,
    resourceId: policy.id,
    resourceDisplayName: { value: policy.name, sensitive: false },
    resourceType: "DeviceAssurancePolicyEntity",
    _links: { self: link(`${url}/api/v1/device-assurances/${policy.id}`, "GET", "PUT", "DELETE") },
  };
}

export const DEVICE_ASSURANCE_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/device-assurances",
    description: "list device assurance policies",
    handle: (state) => jsonAnswer(200, policiesOf(state).map((p) => deviceAssuranceJson(state.url, p))),
  },
  {
    method: "POST",
    path: "/api/v1/device-assurances",
    description: "create a device assurance policy",
    handle: (state, _params, request) => {
      const now = nowIso();
      const actor = actorOf(state, request);
      const policy: DeviceAssurance = {
        id: oktaId("dae", randomBytes(12).toString("hex")),
        ...policyFields(jsonBody(request)),
        createdDate: now,
        createdBy: actor,
        lastUpdate: now,
        lastUpdatedBy: actor,
      };
      policiesOf(state).push(policy);
      return jsonAnswer(200, deviceAssuranceJson(state.url, policy));
    },
  },
  {
    method: "GET",
    path: "/api/v1/device-assurances/{deviceAssuranceId}",
    description: "read a device assurance policy",
    handle: (state, [id]) => jsonAnswer(200, deviceAssuranceJson(state.url, policyById(state, id))),
  },
  {
    method: "PUT",
    path: "/api/v1/device-assurances/{deviceAssuranceId}",
    description: "replace a device assurance policy",
    handle: (state, [id], request) => {
      const policy = policyById(state, id);
      Object.assign(policy, policyFields(jsonBody(request)), { lastUpdate: nowIso(), lastUpdatedBy: actorOf(state, request) });
      return jsonAnswer(200, deviceAssuranceJson(state.url, policy, false));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/device-assurances/{deviceAssuranceId}",
    description: "delete a device assurance policy",
    handle: (state, [id]) => {
      const policy = policyById(state, id);
      state.org.deviceAssurances = policiesOf(state).filter((p) => p !== policy);
      return noContent();
    },
  },
];
