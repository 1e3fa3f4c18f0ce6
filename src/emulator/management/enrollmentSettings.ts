import { PASSWORD_AUTHENTICATOR_KEY } from "../../catalogue/authenticators";
import { validationFailed } from "../errors";
import { classicOktaVerifyRefused } from "../flexibleOktaVerify";
import { Authenticator, authenticatorByKey, enrollmentKeyOf } from "../orgModel";
import { EmulatorState } from "../state";
import { EnrollSetting } from "../../okta/status";

const ENROLL_VALUES: readonly string[] = ["OPTIONAL", "REQUIRED", "NOT_ALLOWED"];

/**
 * The authenticator an entry names: by key, and by id where the org may have many of the key
 * (custom apps, which Okta's policies list as `{key: "custom_app", id}`).
 */
function authenticatorOf(state: EmulatorState, key: string, id: unknown): Authenticator | undefined {
  if (id === undefined) {
    const byKey = authenticatorByKey(state.org, key);
    return byKey && enrollmentKeyOf(byKey) === key ? byKey : undefined;
  }
  return state.org.authenticators.find((a) => a.key === key && a.id === id);
}

/** A PUT replaces the whole list; what it leaves out can no longer be enrolled. */
export function enrollmentSettingsOf(state: EmulatorState, body: Record<string, unknown>): Map<string, EnrollSetting> {
  const list = (body.settings as { authenticators?: unknown } | undefined)?.authenticators;
  if (!Array.isArray(list)) throw validationFailed("settings", ["settings.authenticators is required."]);
  const causes: string[] = [];
  const settings = new Map<string, EnrollSetting>();
  for (const entry of list as { key?: unknown; id?: unknown; enroll?: { self?: unknown } }[]) {
    const key = typeof entry?.key === "string" ? entry.key : "";
    const self = entry?.enroll?.self;
    const refused = classicOktaVerifyRefused(state.org, key, "settings.authenticators.key");
    if (refused) throw refused;
    const authenticator = authenticatorOf(state, key, entry?.id);
    if (!authenticator) {
      const which = entry?.id === undefined ? `key ${JSON.stringify(entry?.key)}` : `key ${JSON.stringify(entry?.key)} and id ${JSON.stringify(entry.id)}`;
      causes.push(`No authenticator with ${which} exists in this org.`);
    } else if (typeof self !== "string" || !ENROLL_VALUES.includes(self)) {
      causes.push(`enroll.self of ${key} must be one of ${ENROLL_VALUES.join(", ")}.`);
    } else settings.set(enrollmentKeyOf(authenticator), self as EnrollSetting);
  }
  if (settings.get(PASSWORD_AUTHENTICATOR_KEY) !== "REQUIRED") {
    causes.push(`The ${PASSWORD_AUTHENTICATOR_KEY} authenticator must stay REQUIRED in the default policy.`);
  }
  if (causes.length > 0) throw validationFailed("settings.authenticators", causes);
  return settings;
}

