import { GRANT } from "../../catalogue/grants";
import { Answer, jsonAnswer } from "../answer";
import { OAuthError } from "../errors";
import { OobChannel, OOB_CHANNELS } from "../factors";
import { authenticatorUsable, grantEnabledOnApp, raise } from "../policyChecks";
import { usedForAuthentication } from "./authenticatorUse";
import { ClientRequest, NO_STORE, admitUser, userByLogin } from "./flow";
import { channelHint, startOobChallenge } from "./oob";
import { param, requiredParam } from "./params";
import { rejectScope } from "./scopes";

/** The deprecated endpoint's channel_hint enum in Okta's API reference has no email. */
const DEPRECATED_ALIAS_CHANNELS: readonly OobChannel[] = ["push", "sms", "voice"];

/**
 * `POST .../v1/primary-authenticate` (and its deprecated name `/oob-authenticate`, which takes no
 * `challenge_hint`): starts an out-of-band primary factor for `login_hint`.
 */
export async function primaryAuthenticate(ctx: ClientRequest, deprecatedAlias: boolean): Promise<Answer> {
  rejectScope(ctx.form);
  if (!deprecatedAlias && param(ctx.form, "challenge_hint") !== GRANT.oob) {
    throw new OAuthError(
      400,
      "invalid_request",
      `The challenge_hint is invalid (direct_auth_invalid_challenge_hint): expected ${GRANT.oob}.`,
    );
  }
  const login = requiredParam(ctx.form, "login_hint");
  const channel = channelHint(ctx.form, deprecatedAlias ? DEPRECATED_ALIAS_CHANNELS : OOB_CHANNELS);
  raise(grantEnabledOnApp(ctx.app, GRANT.oob));
  const user = userByLogin(ctx.state, login);
  admitUser(ctx, user, GRANT.oob, undefined, channel);
  raise(authenticatorUsable(ctx.state.org, user, channel) ?? usedForAuthentication(ctx.state.org, channel));
  return jsonAnswer(200, startOobChallenge(ctx, user, channel), NO_STORE);
}
