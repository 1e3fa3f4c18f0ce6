import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { FactorKind } from "../factors";
import { signingKey } from "../keys";
import { OAuthApp, OrgUser } from "../orgModel";
import { EmulatorState, ServerRef } from "../state";
import { signIdToken } from "./idTokenDefects";
import { grantedScopes } from "./scopes";

const TOKEN_LIFETIME_SECONDS = 3600;

/** RFC 8176 method references Okta puts in `amr`. */
const AMR: Record<FactorKind, string> = { password: "pwd", otp: "otp", push: "swk", sms: "sms", voice: "tel", email: "email" };

/** What a refresh token stands for, so the refresh_token grant can mint again. */
/**
 * The token response. Both tokens are RS256 JWTs signed with the server's key (`kid` in its JWKS);
 * the ID token only for `openid`, a refresh token only for offline_access on an app with the grant.
 */
export async function mintTokens(
  state: EmulatorState,
  server: ServerRef,
  app: OAuthApp,
  user: OrgUser,
  requested: readonly string[],
  factors: readonly FactorKind[],
): Promise<Record<string, unknown>> {
  const scopes = grantedScopes(app, requested);
  const key = await signingKey(server.key);
  const now = Math.floor(Date.now() / 1000);
  const amr = [...new Set(factors.map((f) => AMR[f])), ...(new Set(factors).size > 1 ? ["mfa"] : [])];
  const accessToken = new SignJWT({ ver: 1, sub: user.login, uid: user.id, cid: app.clientId, scp: scopes, auth_time: now })
    .setProtectedHeader({ alg: "RS256", kid: key.kid })
    .setIssuer(server.issuer)
    .setAudience(server.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
    .setJti(`AT.${randomBytes(24).toString("base64url")}`)
    .sign(key.privateKey);

  const body: Record<string, unknown> = {
    token_type: "Bearer",
    expires_in: TOKEN_LIFETIME_SECONDS,
    access_token: await accessToken,
    scope: scopes.join(" "),
  };
  if (scopes.includes("openid")) {
    body.id_token = await signIdToken(
      {
        ver: 1,
        sub: user.id,
        iss: server.issuer,
        aud: app.clientId,
        iat: now,
        exp: now + TOKEN_LIFETIME_SECONDS,
        jti: `ID.${randomBytes(24).toString("base64url")}`,
        amr,
        auth_time: now,
        ...(scopes.includes("profile") ? { name: `${user.firstName} ${user.lastName}`, preferred_username: user.login } : {}),
        ...(scopes.includes("email") ? { email: user.email } : {}),
      },
      key,
      state.faults.takeIdTokenDefect("token"),
    );
  }
  if (scopes.includes("offline_access")) {
    body.refresh_token = state.transactions.newRefresh({
      clientId: app.clientId,
      serverKey: server.key,
      userId: user.id,
      scopes,
      factors: [...factors],
    });
  }
  return body;
}
