import { GRANT } from "../../catalogue/grants";
import { OAuthError } from "../errors";
import { OAuthApp } from "../orgModel";
import { ServerRef } from "../state";
import { listParam } from "./params";

const OIDC_SCOPES = new Set(["openid", "profile", "email", "address", "phone", "offline_access", "device_sso"]);

/**
 * The scopes asked for; the MFA legs (`granted`: the first leg's) may leave them out and keep those
 * of the first leg, or narrow them, but never ask for one the first leg was not granted.
 */
export function requestedScopes(server: ServerRef, form: URLSearchParams, granted?: string[]): string[] {
  const asked = listParam(form, "scope");
  if (asked && granted) {
    const beyond = asked.filter((s) => !granted.includes(s));
    if (beyond.length > 0) {
      throw new OAuthError(
        400,
        "invalid_scope",
        `The requested scope is invalid, unknown, or malformed. (direct_auth_scope_not_granted: the first leg of this mfa_token was granted ${granted.join(" ")} only)`,
      );
    }
  }
  const scopes = asked ?? granted;
  if (!scopes || scopes.length === 0) {
    throw new OAuthError(
      400,
      "invalid_scope",
      "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
    );
  }
  const unknown = scopes.filter((s) => !OIDC_SCOPES.has(s) && !(server.custom === undefined && s.startsWith("okta.")));
  if (unknown.length > 0) {
    throw new OAuthError(400, "invalid_scope", "One or more scopes are not configured for the authorization server resource.");
  }
  return scopes;
}

/** `/primary-authenticate` and `/challenge` take no scope (direct_auth_scope_not_allowed). */
export function rejectScope(form: URLSearchParams): void {
  if (form.has("scope")) {
    throw new OAuthError(400, "invalid_scope", "The 'scope' parameter is not allowed for this request (direct_auth_scope_not_allowed).");
  }
}

/** offline_access yields a refresh token only for apps with the refresh_token grant; otherwise it is dropped. */
export function grantedScopes(app: OAuthApp, scopes: readonly string[]): string[] {
  return scopes.filter((s) => s !== "offline_access" || app.grantTypes.includes(GRANT.refreshToken));
}
