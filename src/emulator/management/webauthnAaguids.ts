import { jsonAnswer, noContent } from "../answer";
import { authenticatorKind } from "../baseline";
import { notFound, validationFailed } from "../errors";
import { Authenticator, CustomAaguid } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRequest, ApiRoute, jsonBody, nowIso, section } from "./api";
import { aaguidJson } from "./authenticatorShapes";
import { authenticatorById } from "./authenticators";

/** An AAGUID is a UUID (WebAuthn's authenticator model identifier). */
const AAGUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only WebAuthn has custom AAGUIDs; under another authenticator the path is unknown, as Okta answers. */
function webauthnOf(state: EmulatorState, id: string, request: ApiRequest): Authenticator {
  const authenticator = authenticatorById(state, id);
  if (!authenticatorKind(authenticator.key)?.aaguids) throw notFound(request.path, "Path");
  return authenticator;
}

/** The custom AAGUID a path names, under WebAuthn; an unknown one is 404 (CustomAAGUID). */
function aaguidAt(state: EmulatorState, id: string, aaguid: string, request: ApiRequest): { authenticator: Authenticator; found: CustomAaguid } {
  const authenticator = webauthnOf(state, id, request);
  const found = authenticator.aaguids?.find((a) => a.aaguid.toLowerCase() === aaguid.toLowerCase());
  if (!found) throw notFound(aaguid, "CustomAAGUID");
  return { authenticator, found };
}

/** What a create or replace describes: the key model's name, characteristics and root certificates. */
function aaguidFields(body: Record<string, unknown>): Omit<CustomAaguid, "aaguid"> {
  const certificates = body.attestationRootCertificates;
  return {
    name: typeof body.name === "string" ? body.name : "",
    authenticatorCharacteristics: structuredClone(section(body.authenticatorCharacteristics)),
    ...(Array.isArray(certificates) ? { attestationRootCertificates: structuredClone(certificates) } : {}),
  };
}

export const WEBAUTHN_AAGUID_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/authenticators/{authenticatorId}/aaguids",
    description: "WebAuthn's custom AAGUIDs",
    handle: (state, [id], request) => {
      const authenticator = webauthnOf(state, id, request);
      return jsonAnswer(200, (authenticator.aaguids ?? []).map((a) => aaguidJson(state.url, authenticator, a)));
    },
  },
  {
    method: "POST",
    path: "/api/v1/authenticators/{authenticatorId}/aaguids",
    description: "add a custom AAGUID",
    handle: (state, [id], request) => {
      const authenticator = webauthnOf(state, id, request);
      const body = jsonBody(request);
      const aaguid = typeof body.aaguid === "string" ? body.aaguid : "";
      if (!AAGUID.test(aaguid)) throw validationFailed("aaguid", ["aaguid: Must be a UUID such as cb69481e-8ff7-4039-93ec-0a2729a154a8."]);
      if (authenticator.aaguids?.some((a) => a.aaguid.toLowerCase() === aaguid.toLowerCase())) {
        throw validationFailed("aaguid", [`aaguid: The custom AAGUID ${aaguid} already exists.`]);
      }
      const added: CustomAaguid = { aaguid, ...aaguidFields(body) };
      (authenticator.aaguids ??= []).push(added);
      authenticator.lastUpdated = nowIso();
      return jsonAnswer(200, aaguidJson(state.url, authenticator, added));
    },
  },
  {
    method: "GET",
    path: "/api/v1/authenticators/{authenticatorId}/aaguids/{aaguid}",
    description: "one custom AAGUID",
    handle: (state, [id, aaguid], request) => {
      const { authenticator, found } = aaguidAt(state, id, aaguid, request);
      return jsonAnswer(200, aaguidJson(state.url, authenticator, found));
    },
  },
  {
    method: "PUT",
    path: "/api/v1/authenticators/{authenticatorId}/aaguids/{aaguid}",
    description: "replace a custom AAGUID",
    handle: (state, [id, aaguid], request) => {
      const { authenticator, found } = aaguidAt(state, id, aaguid, request);
      delete found.attestationRootCertificates;
      Object.assign(found, aaguidFields(jsonBody(request)));
      authenticator.lastUpdated = nowIso();
      return jsonAnswer(200, aaguidJson(state.url, authenticator, found));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/authenticators/{authenticatorId}/aaguids/{aaguid}",
    description: "delete a custom AAGUID",
    handle: (state, [id, aaguid], request) => {
      const { authenticator, found } = aaguidAt(state, id, aaguid, request);
      authenticator.aaguids = authenticator.aaguids?.filter((a) => a !== found);
      authenticator.lastUpdated = nowIso();
      return noContent();
    },
  },
];
