import { PASSWORD_AUTHENTICATOR_KEY } from "../../catalogue/authenticators";
import { authenticatorKind } from "../baseline";
import { Authenticator, CustomAaguid } from "../orgModel";
import { Links, link } from "./links";

/** Okta's JSON for authenticators and their methods. */

/** The password cannot be deactivated, so Okta links no lifecycle action for it. */
export function authenticatorJson(url: string, a: Authenticator): Record<string, unknown> {
  const self = `${url}/api/v1/authenticators/${a.id}`;
  const lifecycle = a.status === "ACTIVE" ? "deactivate" : "activate";
  const links: Links = {
    ...(authenticatorKind(a.key)?.aaguids ? { aaguids: link(`${self}/aaguids`, "GET", "POST") } : {}),
    self: link(self, "GET", "PUT"),
    ...(a.key === PASSWORD_AUTHENTICATOR_KEY ? {} : { [lifecycle]: link(`${self}/lifecycle/${lifecycle}`, "POST") }),
    methods: link(`${self}/methods`, "GET"),
    ...(authenticatorKind(a.key)?.enrollable ? { enroll: link(`${url}/idp/authenticators`, "POST") } : {}),
  };
  return {
    type: a.type,
    id: a.id,
    key: a.key,
    status: a.status,
    name: a.name,
    created: a.created,
    lastUpdated: a.lastUpdated,
    ...(a.settings ? { settings: a.settings } : {}),
    ...(a.provider ? { provider: a.provider } : {}),
    _links: links,
  };
}

export function methodJson(url: string, a: Authenticator, type: string): Record<string, unknown> {
  const self = `${url}/api/v1/authenticators/${a.id}/methods/${type}`;
  const status = a.methods.get(type);
  const lifecycle = status === "ACTIVE" ? "deactivate" : "activate";
  const settings = a.methodSettings?.[type];
  return {
    type,
    status,
    ...(settings ? { settings } : {}),
    _links: { self: link(self, "GET", "PUT"), [lifecycle]: link(`${self}/lifecycle/${lifecycle}`, "POST") },
  };
}

export function aaguidJson(url: string, a: Authenticator, aaguid: CustomAaguid): Record<string, unknown> {
  return {
    aaguid: aaguid.aaguid,
    name: aaguid.name,
    ...(aaguid.attestationRootCertificates ? { attestationRootCertificates: aaguid.attestationRootCertificates } : {}),
    authenticatorCharacteristics: aaguid.authenticatorCharacteristics,
    _links: { self: link(`${url}/api/v1/authenticators/${a.id}/aaguids/${aaguid.aaguid}`, "GET", "PUT", "DELETE") },
  };
}

