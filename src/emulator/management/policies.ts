import { PASSWORD_AUTHENTICATOR_KEY } from "../../catalogue/authenticators";
import { jsonAnswer } from "../answer";
import { notFound, validationFailed } from "../errors";
import { authenticatorByKey } from "../orgModel";
import { EmulatorState } from "../state";
import { EnrollSetting } from "../types";
import { ApiRoute, jsonBody, nowIso } from "./api";
import { enrollmentPolicyJson } from "./shapes";

const ENROLL_VALUES: readonly string[] = ["OPTIONAL", "REQUIRED", "NOT_ALLOWED"];

/** Only the default authenticator enrollment (MFA_ENROLL) policy is served. */
function enrollmentPolicy(state: EmulatorState, id: string) {
  if (id !== state.org.enrollment.id) throw notFound(id, "Policy");
  return state.org.enrollment;
}

/**
 * Okta keeps an entry for every authenticator in the org: one a PUT leaves out keeps its setting
 * (so leaving it out never makes it NOT_ALLOWED).
 */
function enrollmentSettingsOf(state: EmulatorState, body: Record<string, unknown>): Map<string, EnrollSetting> {
  const list = (body.settings as { authenticators?: unknown } | undefined)?.authenticators;
  if (!Array.isArray(list)) throw validationFailed("settings", ["settings.authenticators is required."]);
  const causes: string[] = [];
  const settings = new Map<string, EnrollSetting>(state.org.enrollment.settings);
  for (const entry of list as { key?: unknown; enroll?: { self?: unknown } }[]) {
    const key = typeof entry?.key === "string" ? entry.key : "";
    const self = entry?.enroll?.self;
    if (!authenticatorByKey(state.org, key)) causes.push(`No authenticator with key ${JSON.stringify(entry?.key)} exists in this org.`);
    else if (typeof self !== "string" || !ENROLL_VALUES.includes(self)) {
      causes.push(`enroll.self of ${key} must be one of ${ENROLL_VALUES.join(", ")}.`);
    } else settings.set(key, self as EnrollSetting);
  }
  if (settings.get(PASSWORD_AUTHENTICATOR_KEY) !== "REQUIRED") {
    causes.push(`The ${PASSWORD_AUTHENTICATOR_KEY} authenticator must stay REQUIRED in the default policy.`);
  }
  if (causes.length > 0) throw validationFailed("settings.authenticators", causes);
  return settings;
}

export const POLICY_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    pattern: /^\/api\/v1\/policies$/,
    handle: (state, _params, request) => {
      const type = request.query.get("type");
      if (!type) throw validationFailed("type", ["The type query parameter is required."]);
      return jsonAnswer(200, type === "MFA_ENROLL" ? [enrollmentPolicyJson(state.url, state.org)] : []);
    },
  },
  {
    method: "GET",
    pattern: /^\/api\/v1\/policies\/([^/]+)$/,
    handle: (state, [id]) => {
      enrollmentPolicy(state, id);
      return jsonAnswer(200, enrollmentPolicyJson(state.url, state.org));
    },
  },
  {
    method: "PUT",
    pattern: /^\/api\/v1\/policies\/([^/]+)$/,
    handle: (state, [id], request) => {
      const policy = enrollmentPolicy(state, id);
      policy.settings = enrollmentSettingsOf(state, jsonBody(request));
      policy.lastUpdated = nowIso();
      return jsonAnswer(200, enrollmentPolicyJson(state.url, state.org));
    },
  },
];
