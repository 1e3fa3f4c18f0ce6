import { randomBytes } from "node:crypto";
import { PASSWORD_AUTHENTICATOR_KEY } from "../../catalogue/authenticators";
import { jsonAnswer } from "../answer";
import { authenticatorKind } from "../baseline";
import { isOktaVerifyKey, oktaVerifyModeOf } from "../../catalogue/oktaVerify";
import { ManagementApiError, notFound, validationFailed } from "../errors";
import { classicOktaVerifyRefused } from "../flexibleOktaVerify";
import { oktaId } from "../../okta/ids";
import { Authenticator, Org, addAuthenticator, authenticatorByKey, enrollmentKeyOf } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso, section } from "./api";
import { authenticatorJson, methodJson } from "./authenticatorShapes";


export function authenticatorById(state: EmulatorState, id: string): Authenticator {
  const authenticator = state.org.authenticators.find((a) => a.id === id);
  if (!authenticator) throw notFound(id, "Authenticator");
  return authenticator;
}

function methodOf(authenticator: Authenticator, type: string): string {
  if (!authenticator.methods.has(type)) throw notFound(type, "AuthenticatorMethod");
  return type;
}

/** Okta's AllowedForEnum: what an authenticator may be used for (the console's "Used for"). */
const ALLOWED_FOR = ["recovery", "sso", "any", "none"];

/** Okta lists authenticators ordered by name, whatever order they were added in. */
function byName(authenticators: readonly Authenticator[]): Authenticator[] {
  return [...authenticators].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const IN_USE =
  "Cannot modify/disable this authenticator because it is enabled in one or more policies. To continue, disable the authenticator in these policies.";
/** Okta adds a sentence for Okta Verify, whose FastPass app assurance policies may also hold it. */
const IN_USE_OKTA_VERIFY = `${IN_USE} Additionally, if disabling Okta Verify when Fastpass is active, the "Device state" must not be set to "registered" in app assurance policies.`;

/**
 * What Okta answers for a deactivation it refuses: an inactive authenticator (400 E0000001), the
 * password, a custom app an OIDC app sends CIBA requests to (400 E0000001), or one a policy still
 * uses (403 E0000148, a cause per kind of policy), as recorded against real orgs: any enrollment
 * policy that lets users enroll it, or another baseline policy.
 */
function deactivationRefusal(state: EmulatorState, authenticator: Authenticator): ManagementApiError | undefined {
  if (authenticator.status === "INACTIVE") return validationFailed("api.authenticator.error.unsupported.active.deactivate", []);
  if (authenticator.key === PASSWORD_AUTHENTICATOR_KEY) {
    return validationFailed("authenticator", ["The Password authenticator cannot be deactivated."]);
  }
  if (state.org.apps.some((app) => section(section(app.submitted.settings).oauthClient).backchannel_custom_authenticator_id === authenticator.id)) {
    return validationFailed("Authenticator", ["Cannot delete this authenticator because it is being configured for CIBA by one or more OIDC applications."]);
  }
  const enrollmentKey = enrollmentKeyOf(authenticator);
  const enrolls = (settings: Map<string, string>) => (settings.get(enrollmentKey) ?? "NOT_ALLOWED") !== "NOT_ALLOWED";
  const enrolling = [
    ...(enrolls(state.org.enrollment.settings) ? ["Default Policy"] : []),
    ...(state.org.enrollmentPolicies ?? []).filter((p) => enrolls(p.settings)).map((p) => p.name),
  ];
  const causes = [
    ...(enrolling.length ? [`Authenticator Enrollment Policies: ${enrolling.join(", ")}`] : []),
    ...(authenticator.usedByPolicies.length ? [`Authentication Policies: ${authenticator.usedByPolicies.join(", ")}`] : []),
  ];
  if (causes.length === 0) return undefined;
  return new ManagementApiError(403, "E0000148", isOktaVerifyKey(authenticator.key) ? IN_USE_OKTA_VERIFY : IN_USE, causes);
}

const CUSTOM_APP_KEY = "custom_app";

/** A custom app's push provider: PUSH through FCM or APNs, the provider's id as the admin registered it. */
function pushProviderOf(body: Record<string, unknown>): Record<string, unknown> {
  const provider = section(body.provider);
  const configuration = section(provider.configuration);
  if (provider.type !== "PUSH" || (configuration.fcm === undefined && configuration.apns === undefined)) {
    throw validationFailed("provider", ["provider: A custom app authenticator needs a PUSH provider with an fcm or apns configuration."]);
  }
  return { type: "PUSH", configuration: structuredClone(configuration) };
}

/** Okta answers the app instance a custom app authenticator runs in as its OAuth client too. */
function customAppSettings(settings: Record<string, unknown>): Record<string, unknown> {
  const { oauthClientId: _previous, ...rest } = settings;
  return { ...rest, oauthClientId: rest.appInstanceId };
}

/**
 * A new custom app authenticator: an org may add many, each its own id. Okta turns it on in the
 * default enrollment policy: deactivating one just created is refused for "Default Policy" (as recorded).
 */
function addCustomApp(org: Org, body: Record<string, unknown>, name: string | undefined): Authenticator {
  const settings = section(body.settings);
  if (typeof settings.appInstanceId !== "string" || !settings.appInstanceId) {
    throw validationFailed("settings.appInstanceId", ["settings.appInstanceId: The field cannot be left blank"]);
  }
  const provider = pushProviderOf(body);
  const now = nowIso();
  const added = addAuthenticator(org, CUSTOM_APP_KEY, name, oktaId("aut", randomBytes(12).toString("hex")));
  Object.assign(added, { settings: customAppSettings(structuredClone(settings)), provider, created: now, lastUpdated: now });
  org.enrollment.settings.set(enrollmentKeyOf(added), "OPTIONAL");
  return added;
}

export const AUTHENTICATOR_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/authenticators",
    description: "list authenticators",
    handle: (state) => jsonAnswer(200, byName(state.org.authenticators).map((a) => authenticatorJson(state.url, a))),
  },
  {
    method: "POST",
    path: "/api/v1/authenticators",
    description: "add an authenticator",
    handle: (state, _params, request) => {
      const body = jsonBody(request);
      const key = typeof body.key === "string" ? body.key : "";
      const refused = classicOktaVerifyRefused(state.org, key, "key");
      if (refused) throw refused;
      // Each kind of org has its own Okta Verify keys: the other kind's are unknown to it.
      const otherKind = isOktaVerifyKey(key) && oktaVerifyModeOf([key]) !== (state.org.oktaVerify ?? "classic");
      const kind = authenticatorKind(key);
      if (!kind || otherKind) throw validationFailed("key", [`key: Unsupported authenticator key: ${JSON.stringify(body.key)}.`]);
      if (!kind.repeatable && authenticatorByKey(state.org, key)) {
        throw validationFailed("key", [`key: An authenticator with key ${key} already exists.`]);
      }
      const name = typeof body.name === "string" ? body.name : undefined;
      const added = kind.repeatable ? addCustomApp(state.org, body, name) : addAuthenticator(state.org, key, name);
      if (request.query.get("activate") === "false") added.status = "INACTIVE";
      return jsonAnswer(200, authenticatorJson(state.url, added));
    },
  },
  {
    method: "GET",
    path: "/api/v1/authenticators/{authenticatorId}",
    description: "read an authenticator",
    handle: (state, [id]) => jsonAnswer(200, authenticatorJson(state.url, authenticatorById(state, id))),
  },
  {
    method: "PUT",
    path: "/api/v1/authenticators/{authenticatorId}",
    description: "replace an authenticator's settings",
    handle: (state, [id], request) => {
      const authenticator = authenticatorById(state, id);
      const body = jsonBody(request);
      const refused = classicOktaVerifyRefused(state.org, body.key, "key");
      if (refused) throw refused;
      if (body.key !== undefined && body.key !== authenticator.key) {
        throw validationFailed("key", [`key: The key of an authenticator cannot change (it is ${authenticator.key}).`]);
      }
      if (typeof body.name === "string" && body.name.trim()) authenticator.name = body.name.trim();
      if (body.settings && typeof body.settings === "object") {
        const settings = body.settings as Record<string, unknown>;
        if (settings.allowedFor !== undefined && !ALLOWED_FOR.includes(settings.allowedFor as string)) {
          throw validationFailed("settings.allowedFor", [`allowedFor: Must be one of ${ALLOWED_FOR.join(", ")}.`]);
        }
        // What the PUT leaves out Okta keeps (a recorded PUT without appInstanceId still answers it).
        authenticator.settings = { ...authenticator.settings, ...settings };
      }
      if (authenticator.provider && body.provider !== undefined) authenticator.provider = pushProviderOf(body);
      if (authenticator.key === CUSTOM_APP_KEY) authenticator.settings = customAppSettings(authenticator.settings ?? {});
      authenticator.lastUpdated = nowIso();
      return jsonAnswer(200, authenticatorJson(state.url, authenticator));
    },
  },
  {
    method: "POST",
    path: "/api/v1/authenticators/{authenticatorId}/lifecycle/{action:activate|deactivate}",
    description: "activate or deactivate an authenticator",
    handle: (state, [id, verb]) => {
      const authenticator = authenticatorById(state, id);
      if (verb === "deactivate") {
        const refusal = deactivationRefusal(state, authenticator);
        if (refusal) throw refusal;
      }
      authenticator.status = verb === "activate" ? "ACTIVE" : "INACTIVE";
      authenticator.lastUpdated = nowIso();
      return jsonAnswer(200, authenticatorJson(state.url, authenticator));
    },
  },
  {
    method: "GET",
    path: "/api/v1/authenticators/{authenticatorId}/methods",
    description: "an authenticator's methods",
    handle: (state, [id]) => {
      const authenticator = authenticatorById(state, id);
      return jsonAnswer(200, [...authenticator.methods.keys()].map((type) => methodJson(state.url, authenticator, type)));
    },
  },
  {
    method: "GET",
    path: "/api/v1/authenticators/{authenticatorId}/methods/{methodType}",
    description: "one authenticator method",
    handle: (state, [id, type]) => {
      const authenticator = authenticatorById(state, id);
      return jsonAnswer(200, methodJson(state.url, authenticator, methodOf(authenticator, type)));
    },
  },
  {
    method: "PUT",
    path: "/api/v1/authenticators/{authenticatorId}/methods/{methodType}",
    description: "replace an authenticator method's settings",
    handle: (state, [id, type], request) => {
      const authenticator = authenticatorById(state, id);
      methodOf(authenticator, type);
      const settings = jsonBody(request).settings;
      if (settings !== undefined) {
        if (!settings || typeof settings !== "object" || Array.isArray(settings)) throw validationFailed("settings", ["settings: Must be an object."]);
        // A replace: what it leaves out falls back to Okta's defaults for the method.
        const defaults = authenticatorKind(authenticator.key)?.methodSettings?.[type];
        authenticator.methodSettings = { ...authenticator.methodSettings, [type]: { ...defaults, ...structuredClone(settings) } };
      }
      authenticator.lastUpdated = nowIso();
      return jsonAnswer(200, methodJson(state.url, authenticator, type));
    },
  },
  {
    method: "POST",
    path: "/api/v1/authenticators/{authenticatorId}/methods/{methodType}/lifecycle/{action:activate|deactivate}",
    description: "activate or deactivate an authenticator method",
    handle: (state, [id, type, verb]) => {
      const authenticator = authenticatorById(state, id);
      authenticator.methods.set(methodOf(authenticator, type), verb === "activate" ? "ACTIVE" : "INACTIVE");
      authenticator.lastUpdated = nowIso();
      return jsonAnswer(200, methodJson(state.url, authenticator, type));
    },
  },
];
