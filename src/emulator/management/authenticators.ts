import { PASSWORD_AUTHENTICATOR_KEY } from "../../catalogue/authenticators";
import { jsonAnswer } from "../answer";
import { authenticatorKind } from "../baseline";
import { isOktaVerifyKey, oktaVerifyModeOf } from "../../catalogue/oktaVerify";
import { ManagementApiError, notFound, validationFailed } from "../errors";
import { classicOktaVerifyRefused } from "../flexibleOktaVerify";
import { Authenticator, addAuthenticator, authenticatorByKey, enrollmentOf } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso } from "./api";
import { authenticatorJson, methodJson } from "./authenticatorShapes";


function authenticatorById(state: EmulatorState, id: string): Authenticator {
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
 * password, or one a policy still uses (403 E0000148, a cause per kind of policy, as recorded
 * against real orgs): any enrollment policy that lets users enroll it, or another baseline policy.
 */
function deactivationRefusal(state: EmulatorState, authenticator: Authenticator): ManagementApiError | undefined {
  if (authenticator.status === "INACTIVE") return validationFailed("api.authenticator.error.unsupported.active.deactivate", []);
  if (authenticator.key === PASSWORD_AUTHENTICATOR_KEY) {
    return validationFailed("authenticator", ["The Password authenticator cannot be deactivated."]);
  }
  const enrolling = [
    ...(enrollmentOf(state.org, authenticator.key) === "NOT_ALLOWED" ? [] : ["Default Policy"]),
    ...(state.org.enrollmentPolicies ?? []).filter((p) => (p.settings.get(authenticator.key) ?? "NOT_ALLOWED") !== "NOT_ALLOWED").map((p) => p.name),
  ];
  const causes = [
    ...(enrolling.length ? [`Authenticator Enrollment Policies: ${enrolling.join(", ")}`] : []),
    ...(authenticator.usedByPolicies.length ? [`Authentication Policies: ${authenticator.usedByPolicies.join(", ")}`] : []),
  ];
  if (causes.length === 0) return undefined;
  return new ManagementApiError(403, "E0000148", isOktaVerifyKey(authenticator.key) ? IN_USE_OKTA_VERIFY : IN_USE, causes);
}

/** An authenticator as Okta answers a read or a write of it. */
function authenticatorAnswer(state: EmulatorState, authenticator: Authenticator) {
  return jsonAnswer(200, authenticatorJson(state.url, authenticator));
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
      if (!authenticatorKind(key) || otherKind) throw validationFailed("key", [`key: Unsupported authenticator key: ${JSON.stringify(body.key)}.`]);
      if (authenticatorByKey(state.org, key)) throw validationFailed("key", [`key: An authenticator with key ${key} already exists.`]);
      const added = addAuthenticator(state.org, key, typeof body.name === "string" ? body.name : undefined);
      if (request.query.get("activate") === "false") added.status = "INACTIVE";
      return authenticatorAnswer(state, added);
    },
  },
  {
    method: "GET",
    path: "/api/v1/authenticators/{authenticatorId}",
    description: "read an authenticator",
    handle: (state, [id]) => authenticatorAnswer(state, authenticatorById(state, id)),
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
      authenticator.lastUpdated = nowIso();
      return authenticatorAnswer(state, authenticator);
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
      return authenticatorAnswer(state, authenticator);
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
