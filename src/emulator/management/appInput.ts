import { validationFailed } from "../errors";
import { section } from "./api";

/** What a create or update of an OIDC app sets, once Okta's validation has passed. */
export interface AppInput {
  label: string;
  applicationType: string;
  grantTypes: string[];
  redirectUris: string[];
  responseTypes: string[];
  tokenEndpointAuthMethod: string;
  pkceRequired: boolean;
  issuerMode: string;
}

type Json = Record<string, unknown>;

const APPLICATION_TYPES = ["native", "web", "service", "browser"];
const AUTH_METHODS = ["none", "client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt"];
/** Grants that send the user's browser back to the app, so Okta wants somewhere to send it. */
const REDIRECTING_GRANTS = ["authorization_code", "implicit"];


function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;
}

/**
 * An OIN catalogue app signing in with OpenID Connect ("strongdm", "Deel"): Okta keys it by its
 * catalogue name in lower case, and the catalogue, not the body, holds its redirect URIs.
 */
export function catalogueNameOf(body: Json): string | undefined {
  return typeof body.name === "string" && body.name !== "oidc_client" && body.signOnMode === "OPENID_CONNECT" ? body.name.toLowerCase() : undefined;
}

/**
 * Okta's checks on an `oidc_client` body, each failure one cause of a 400 E0000001 (all reported
 * together, as Okta does): the type, grants per type, redirect URIs, and PKCE for public clients.
 * Apps of other sign-on modes (SAML, SWA, ...) are not served.
 */
export function appInputOf(body: Json): AppInput {
  const catalogued = catalogueNameOf(body) !== undefined;
  if (body.name !== "oidc_client" && !catalogued) {
    throw validationFailed("signOnMode", [`signOnMode: ${JSON.stringify(body.signOnMode ?? null)} is not supported.`]);
  }
  const settings = section(section(body.settings).oauthClient);
  const credentials = section(section(body.credentials).oauthClient);
  const causes: string[] = [];
  const label = typeof body.label === "string" ? body.label.trim() : "";
  if (!label) causes.push("label: The field cannot be left blank.");
  const applicationType = typeof settings.application_type === "string" ? settings.application_type : "";
  if (!APPLICATION_TYPES.includes(applicationType)) {
    causes.push(`application_type: Must be one of ${APPLICATION_TYPES.join(", ")}.`);
  }
  const grantTypes = strings(settings.grant_types) ?? ["authorization_code"];
  const redirectUris = strings(settings.redirect_uris) ?? [];
  const defaultAuthMethod = applicationType === "browser" ? "none" : "client_secret_basic";
  const tokenEndpointAuthMethod =
    typeof credentials.token_endpoint_auth_method === "string" ? credentials.token_endpoint_auth_method : defaultAuthMethod;
  const pkceRequired = typeof credentials.pkce_required === "boolean" ? credentials.pkce_required : tokenEndpointAuthMethod === "none";
  if (applicationType === "native" && !grantTypes.includes("authorization_code")) {
    causes.push("grant_types: A native application must include the authorization_code grant type.");
  }
  if (!catalogued && applicationType !== "service" && grantTypes.some((g) => REDIRECTING_GRANTS.includes(g)) && redirectUris.length === 0) {
    causes.push("redirect_uris: At least one redirect URI is required for the authorization_code or implicit grant type.");
  }
  if (!AUTH_METHODS.includes(tokenEndpointAuthMethod)) {
    causes.push(`token_endpoint_auth_method: Must be one of ${AUTH_METHODS.join(", ")}.`);
  } else if (tokenEndpointAuthMethod === "none" && !pkceRequired) {
    causes.push("pkce_required: PKCE is required for a client with token_endpoint_auth_method none.");
  }
  if (causes.length > 0) throw validationFailed(causes[0].split(":")[0], causes);
  return {
    label,
    applicationType,
    grantTypes,
    redirectUris,
    responseTypes: strings(settings.response_types) ?? ["code"],
    tokenEndpointAuthMethod,
    pkceRequired,
    issuerMode: typeof settings.issuer_mode === "string" ? settings.issuer_mode : "ORG_URL",
  };
}
