import { GRANT } from "../../catalogue/grants";
import { Answer } from "../answer";
import { OAuthError } from "../errors";
import { authenticatorUsable, raise } from "../policyChecks";
import { OrgUser, signInUserByLogin } from "../orgModel";
import { MfaTransaction } from "../transactions";
import { failedSignIn, failedVerification, refuseLockedOut, succeededSignIn } from "./lockouts";
import { acceptedTotpStep } from "../totpCheck";
import { ClientRequest, admitUser, finishAuthentication, mfaTransaction, oobTransaction, userByLogin, userOf } from "./flow";
import { redeemOob } from "./oob";
import { listParam, requiredParam } from "./params";
import { requestedScopes } from "./scopes";

export type GrantHandler = (ctx: ClientRequest) => Promise<Answer>;

const INVALID_OTP = () => new OAuthError(400, "invalid_grant", "The one-time passcode is invalid (direct_auth_invalid_otp).");

/** Resource-owner password: the first leg of the MFA flows, or all of it under a 1FA rule. */
async function passwordGrant(ctx: ClientRequest): Promise<Answer> {
  const username = requiredParam(ctx.form, "username");
  const password = requiredParam(ctx.form, "password");
  const scopes = requestedScopes(ctx.server, ctx.form);
  const user = signInUserByLogin(ctx.state.org, username);
  if (user) refuseLockedOut(user);
  if (!user || user.password !== password) {
    if (user) failedSignIn(user, new Date().toISOString());
    throw new OAuthError(400, "invalid_grant", "The credentials provided were invalid.");
  }
  succeededSignIn(user);
  admitUser(ctx, user, GRANT.password, scopes, "password");
  return finishAuthentication(ctx, user, ["password"], scopes);
}

/**
 * A wrong passcode counts against the user as a failed sign-in when it is the primary factor, and
 * against the `mfa_token` when it is the second.
 */
function acceptOtp(user: OrgUser, otp: string, mfa?: { transaction: MfaTransaction; useUp: () => void }): void {
  const step = acceptedTotpStep(user.totpSecret, otp, user.lastTotpStep);
  if (step === undefined) {
    if (!mfa) {
      failedSignIn(user, new Date().toISOString());
      throw INVALID_OTP();
    }
    throw failedVerification(mfa.transaction, mfa.useUp) ?? INVALID_OTP();
  }
  user.lastTotpStep = step;
  if (!mfa) succeededSignIn(user);
}

/** OTP as the primary factor. */
async function otpGrant(ctx: ClientRequest): Promise<Answer> {
  const login = requiredParam(ctx.form, "login_hint");
  const otp = requiredParam(ctx.form, "otp");
  const scopes = requestedScopes(ctx.server, ctx.form);
  const user = userByLogin(ctx.state, login);
  admitUser(ctx, user, GRANT.otp, scopes, "otp");
  raise(authenticatorUsable(ctx.state.org, user, "otp"));
  acceptOtp(user, otp);
  return finishAuthentication(ctx, user, ["otp"], scopes);
}

/** Out-of-band primary factor: redeems (or polls) the code `/primary-authenticate` gave. */
async function oobGrant(ctx: ClientRequest): Promise<Answer> {
  const oob = oobTransaction(ctx, requiredParam(ctx.form, "oob_code"));
  const scopes = requestedScopes(ctx.server, ctx.form);
  const user = userOf(ctx.state, oob);
  admitUser(ctx, user, GRANT.oob, scopes, oob.channel);
  redeemOob(ctx, oob);
  return finishAuthentication(ctx, user, [oob.channel], scopes);
}

async function mfaOtpGrant(ctx: ClientRequest): Promise<Answer> {
  const mfa = mfaTransaction(ctx, requiredParam(ctx.form, "mfa_token"));
  const otp = requiredParam(ctx.form, "otp");
  const scopes = requestedScopes(ctx.server, ctx.form, mfa.scopes);
  const user = userOf(ctx.state, mfa);
  admitUser(ctx, user, GRANT.mfaOtp, scopes);
  raise(authenticatorUsable(ctx.state.org, user, "otp"));
  acceptOtp(user, otp, { transaction: mfa, useUp: () => ctx.state.transactions.mfa.delete(mfa.token) });
  return finishAuthentication(ctx, user, [...mfa.factors, "otp"], scopes, mfa);
}

/** Redeems (or polls) the code `/challenge` gave for this mfa_token. */
async function mfaOobGrant(ctx: ClientRequest): Promise<Answer> {
  const mfa = mfaTransaction(ctx, requiredParam(ctx.form, "mfa_token"));
  const oob = oobTransaction(ctx, requiredParam(ctx.form, "oob_code"), mfa.token);
  const scopes = requestedScopes(ctx.server, ctx.form, mfa.scopes);
  const user = userOf(ctx.state, mfa);
  admitUser(ctx, user, GRANT.mfaOob, scopes);
  redeemOob(ctx, oob);
  return finishAuthentication(ctx, user, [...mfa.factors, oob.channel], scopes, mfa);
}

/** Rotates the refresh token; the scopes may only narrow. */
async function refreshTokenGrant(ctx: ClientRequest): Promise<Answer> {
  const token = requiredParam(ctx.form, "refresh_token");
  const grant = ctx.state.transactions.refresh.get(token);
  if (!grant || grant.clientId !== ctx.app.clientId || grant.serverKey !== ctx.server.key) {
    throw new OAuthError(400, "invalid_grant", "The refresh token is invalid or expired.");
  }
  const scopes = listParam(ctx.form, "scope") ?? grant.scopes;
  if (!scopes.every((s) => grant.scopes.includes(s))) {
    throw new OAuthError(400, "invalid_scope", "The requested scope is invalid, unknown, or malformed.");
  }
  const user = userOf(ctx.state, grant);
  admitUser(ctx, user, GRANT.refreshToken, scopes);
  ctx.state.transactions.refresh.delete(token);
  return finishAuthentication(ctx, user, grant.factors, scopes);
}

export const GRANT_HANDLERS: Record<string, GrantHandler> = {
  [GRANT.password]: passwordGrant,
  [GRANT.otp]: otpGrant,
  [GRANT.oob]: oobGrant,
  [GRANT.mfaOtp]: mfaOtpGrant,
  [GRANT.mfaOob]: mfaOobGrant,
  [GRANT.refreshToken]: refreshTokenGrant,
};
