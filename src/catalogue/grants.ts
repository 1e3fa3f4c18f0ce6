/** Grant type URIs exactly as Okta expects them on the wire and in app/rule grant lists. */
export const GRANT = {
  authorizationCode: "authorization_code",
  password: "password",
  refreshToken: "refresh_token",
  otp: "urn:okta:params:oauth:grant-type:otp",
  oob: "urn:okta:params:oauth:grant-type:oob",
  mfaOtp: "http://auth0.com/oauth/grant-type/mfa-otp",
  mfaOob: "http://auth0.com/oauth/grant-type/mfa-oob",
} as const;

export type GrantType = (typeof GRANT)[keyof typeof GRANT];

/** Scopes the smoke check asks for and a custom authorization server's rule must allow. */
export const DIRECT_AUTH_SCOPES = ["openid", "profile", "offline_access"] as const;
