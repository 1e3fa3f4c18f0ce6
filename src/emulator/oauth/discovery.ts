import { GRANT } from "../../catalogue/grants";
import { ServerRef } from "../state";

const AUTH_METHODS = ["client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "none"];

/**
 * `/.well-known/openid-configuration` (and `oauth-authorization-server`) of an authorization
 * server, with the fields Okta publishes; dynamic client registration is the org's, whichever
 * server is asked.
 */
export function discoveryDocument(server: ServerRef, orgUrl: string): Record<string, unknown> {
  const endpoints = server.custom ? `${server.issuer}/v1` : `${server.issuer}/oauth2/v1`;
  return {
    issuer: server.issuer,
    authorization_endpoint: `${endpoints}/authorize`,
    token_endpoint: `${endpoints}/token`,
    registration_endpoint: `${orgUrl}/oauth2/v1/clients`,
    userinfo_endpoint: `${endpoints}/userinfo`,
    jwks_uri: `${endpoints}/keys`,
    introspection_endpoint: `${endpoints}/introspect`,
    revocation_endpoint: `${endpoints}/revoke`,
    end_session_endpoint: `${endpoints}/logout`,
    device_authorization_endpoint: `${endpoints}/device/authorize`,
    response_types_supported: ["code", "id_token", "code id_token", "code token", "id_token token", "code id_token token"],
    response_modes_supported: ["query", "fragment", "form_post", "okta_post_message"],
    grant_types_supported: [
      GRANT.authorizationCode,
      "implicit",
      GRANT.refreshToken,
      GRANT.password,
      "urn:ietf:params:oauth:grant-type:device_code",
      GRANT.otp,
      GRANT.oob,
      GRANT.mfaOtp,
      GRANT.mfaOob,
    ],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", "profile", "email", "address", "phone", "offline_access", "device_sso"],
    token_endpoint_auth_methods_supported: AUTH_METHODS,
    claims_supported: ["iss", "ver", "sub", "aud", "iat", "exp", "jti", "auth_time", "amr", "name", "preferred_username", "email"],
    code_challenge_methods_supported: ["S256"],
    introspection_endpoint_auth_methods_supported: AUTH_METHODS,
    revocation_endpoint_auth_methods_supported: AUTH_METHODS,
    request_parameter_supported: true,
    request_object_signing_alg_values_supported: ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512"],
    pushed_authorization_request_endpoint: `${endpoints}/par`,
    dpop_signing_alg_values_supported: ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"],
    frontchannel_logout_supported: true,
    frontchannel_logout_session_supported: true,
    identity_chaining_requested_token_types_supported: ["urn:ietf:params:oauth:token-type:id-jag"],
  };
}
