import { OAuthError } from "../errors";

/** A form parameter; sent empty counts as absent, as for Okta. */
export function param(form: URLSearchParams, name: string): string | undefined {
  const value = form.get(name);
  return value === null || value === "" ? undefined : value;
}

export function requiredParam(form: URLSearchParams, name: string): string {
  const value = param(form, name);
  if (value === undefined) throw new OAuthError(400, "invalid_request", `The '${name}' parameter is required.`);
  return value;
}

/** Space-separated lists (`scope`, `challenge_types_supported`, `grant_types_supported`). */
export function listParam(form: URLSearchParams, name: string): string[] | undefined {
  const value = param(form, name);
  return value === undefined ? undefined : value.split(" ").filter(Boolean);
}
