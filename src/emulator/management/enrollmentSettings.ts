import { PASSWORD_AUTHENTICATOR_KEY } from "../../catalogue/authenticators";
import { validationFailed } from "../errors";
import { classicOktaVerifyRefused } from "../flexibleOktaVerify";
import { authenticatorByKey } from "../orgModel";
import { EmulatorState } from "../state";
import { EnrollSetting } from "../../okta/status";

const ENROLL_VALUES: readonly string[] = ["OPTIONAL", "REQUIRED", "NOT_ALLOWED"];

/** A PUT replaces the whole list; what it leaves out can no longer be enrolled. */
export function enrollmentSettingsOf(state: EmulatorState, body: Record<string, unknown>): Map<string, EnrollSetting> {
  const list = (body.settings as { authenticators?: unknown } | undefined)?.authenticators;
  if (!Array.isArray(list)) throw validationFailed("settings", ["settings.authenticators is required."]);
  const causes: string[] = [];
  const settings = new Map<string, EnrollSetting>();
  for (const entry of list as { key?: unknown; enroll?: { self?: unknown } }[]) {
    const key = typeof entry?.key === "string" ? entry.key : "";
    const self = entry?.enroll?.self;
    const refused = classicOktaVerifyRefused(state.org, key, "settings.authenticators.key");
    if (refused) throw refused;
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

