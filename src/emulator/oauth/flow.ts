import { Answer, jsonAnswer } from "../answer";
import { OAuthError } from "../errors";
import { FactorKind } from "../factors";
import { OAuthApp, OrgUser, signInUserByLogin, userById } from "../orgModel";
import { refuseLockedOut } from "./lockouts";
import {
  accessPolicyAllows,
  appSignOnPolicyAllows,
  matchingAppSignOnRule,
  mfaGrantAvailable,
  policySatisfied,
  raise,
  sessionPolicyAllows,
  userAssignedToApp,
} from "../policyChecks";
import { EmulatorState, ServerRef } from "../state";
import { MfaTransaction, OobTransaction } from "../transactions";
import { listParam, param } from "./params";
import { mintTokens } from "./tokens";

/** One OAuth request, once its client is known. */
export interface ClientRequest {
  state: EmulatorState;
  server: ServerRef;
  app: OAuthApp;
  form: URLSearchParams;
}

/** Token responses must not be cached (RFC 6749 §5.1). */
export const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

/** Public clients (auth method `none`) send `client_id` only; the others must also present a secret. */
export function authenticateClient(
  state: EmulatorState,
  form: URLSearchParams,
  authorization: string | undefined,
): OAuthApp {
  const basicClientId = basicAuthUser(authorization);
  const clientId = param(form, "client_id") ?? basicClientId;
  const app = state.org.apps.find((a) => a.clientId === clientId);
  if (!app || app.status !== "ACTIVE") throw new OAuthError(401, "invalid_client", "Invalid value for 'client_id' parameter.");
  if (app.tokenEndpointAuthMethod !== "none" && basicClientId === undefined && param(form, "client_secret") === undefined) {
    throw new OAuthError(
      401,
      "invalid_client",
      `Client authentication failed. Either the client or the client credentials are invalid. (the app authenticates with ${app.tokenEndpointAuthMethod}; a public client needs "none")`,
    );
  }
  checkClientSecret(app, param(form, "client_secret") ?? basicAuthSecret(authorization));
  return app;
}

/** Apps created through the management API know their secret; declared ones only require one to be sent. */
function checkClientSecret(app: OAuthApp, presented: string | undefined): void {
  if (app.clientSecret === undefined || presented === undefined || presented === app.clientSecret) return;
  throw new OAuthError(401, "invalid_client", "The client secret supplied for a confidential client is invalid.");
}

function basicAuthUser(authorization: string | undefined): string | undefined {
  return basicAuthParts(authorization)?.[0];
}

function basicAuthSecret(authorization: string | undefined): string | undefined {
  return basicAuthParts(authorization)?.[1];
}

function basicAuthParts(authorization: string | undefined): [string, string | undefined] | undefined {
  if (!authorization?.startsWith("Basic ")) return undefined;
  const decoded = Buffer.from(authorization.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? [decoded, undefined] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

export function userByLogin(state: EmulatorState, login: string): OrgUser {
  const user = signInUserByLogin(state.org, login);
  if (user) {
    refuseLockedOut(user);
    return user;
  }
  throw new OAuthError(400, "invalid_grant", "The login_hint does not match an active user (direct_auth_invalid_login_hint).");
}

/** The user a transaction began with, while still ACTIVE (deactivated or deleted since: no more legs). */
export function userOf(state: EmulatorState, transaction: { userId: string }): OrgUser {
  const user = userById(state.org, transaction.userId);
  if (user?.status !== "ACTIVE") throw new OAuthError(400, "invalid_grant", "The user is no longer active.");
  return user;
}

/**
 * The checks every leg runs for its user, in the order Okta reports them: app assignment, the
 * authorization server's access policy, the global session policy (for a non-password primary
 * factor) and the app sign-in policy.
 */
export function admitUser(
  ctx: ClientRequest,
  user: OrgUser,
  grantType: string,
  scopes: readonly string[] | undefined,
  primaryFactor?: FactorKind,
): void {
  const { org } = ctx.state;
  raise(
    userAssignedToApp(org, ctx.app, user) ??
      accessPolicyAllows(org, ctx.server, ctx.app, user, grantType, scopes) ??
      (primaryFactor ? sessionPolicyAllows(org, user, primaryFactor) : undefined) ??
      appSignOnPolicyAllows(org, ctx.app, user),
  );
}

/** Tokens once the app sign-in rule is satisfied; otherwise `mfa_required` with an mfa_token to continue. */
export async function finishAuthentication(
  ctx: ClientRequest,
  user: OrgUser,
  factors: FactorKind[],
  scopes: string[],
  mfa?: MfaTransaction,
): Promise<Answer> {
  const { state, server, app } = ctx;
  const rule = matchingAppSignOnRule(state.org, app, user);
  if (!rule) throw new Error("finishAuthentication called for a user no rule admits");
  if (policySatisfied(rule, factors)) {
    if (mfa) state.transactions.mfa.delete(mfa.token);
    return jsonAnswer(200, await mintTokens(state, server, app, user, scopes, factors), NO_STORE);
  }
  raise(mfaGrantAvailable(app, listParam(ctx.form, "grant_types_supported")));
  const pending =
    mfa ??
    state.transactions.newMfa({
      clientId: app.clientId,
      serverKey: server.key,
      userId: user.id,
      scopes,
      factors,
      expiresAt: Date.now() + state.settings.mfaTokenExpiresInSeconds * 1000,
    });
  pending.factors = factors;
  throw new OAuthError(403, "mfa_required", "MFA is required for this transaction.", { mfa_token: pending.token });
}

/** Every leg of a flow must come from the same client to the same server. */
function belongsHere(ctx: ClientRequest, transaction: { clientId: string; serverKey: string }): boolean {
  return transaction.clientId === ctx.app.clientId && transaction.serverKey === ctx.server.key;
}

export function mfaTransaction(ctx: ClientRequest, token: string): MfaTransaction {
  const mfa = ctx.state.transactions.mfa.get(token);
  if (!mfa || !belongsHere(ctx, mfa)) throw new OAuthError(400, "invalid_grant", "The mfa_token is invalid.");
  if (Date.now() >= mfa.expiresAt) {
    throw new OAuthError(403, "access_denied", "The mfa_token has expired (direct_auth_expired_token).");
  }
  return mfa;
}

/** `mfaToken` is set for codes from `/challenge`: only the MFA grant with the same mfa_token redeems those. */
export function oobTransaction(ctx: ClientRequest, code: string, mfaToken?: string): OobTransaction {
  const oob = ctx.state.transactions.oob.get(code);
  if (!oob || !belongsHere(ctx, oob) || oob.mfaToken !== mfaToken) {
    throw new OAuthError(400, "invalid_grant", "The oob_code is invalid.");
  }
  if (Date.now() >= oob.expiresAt) {
    throw new OAuthError(403, "access_denied", "The oob_code has expired (direct_auth_expired_token).");
  }
  return oob;
}
