import { SECRET_MASK } from "../evaluate/evaluateProgram";

/**
 * Property names whose values are secrets wherever they appear (a provider's credentials, a user's
 * password, an app's client secret, tokens). A preview made with `--show-secrets` carries them in
 * plain text, without Pulumi's secret marker, so the plan masks them by name as well. Compared
 * without case, `_` or `-`, so `client_secret` and `clientSecret` are one name.
 */
const SECRET_KEY_NAMES = new Set([
  "apitoken",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "privatekey",
  "password",
  "oldpassword",
  "newpassword",
  "clientsecret",
  "secret",
  "sharedsecret",
  "totpsecret",
  "testuserpassword",
  "recoveryanswer",
  "answer",
]);

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_NAMES.has(key.replace(/[-_]/g, "").toLowerCase());
}

/** A property path (`connection.apiToken`, `["password"]`) through a property of a secret name. */
export function isSecretPath(path: string): boolean {
  return path.split(/[.[\]"']+/).some((segment) => segment !== "" && isSecretKey(segment));
}

/** `value` with every property of a secret name (at any depth) shown as `[secret]`. */
export function maskSecretKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecretKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, isSecretKey(k) && v !== undefined && v !== null ? SECRET_MASK : maskSecretKeys(v)]),
    );
  }
  return value;
}
