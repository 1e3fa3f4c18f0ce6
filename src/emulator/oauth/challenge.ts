import { GRANT } from "../../catalogue/grants";
import { Answer, jsonAnswer } from "../answer";
import { OAuthError } from "../errors";
import { OOB_CHANNELS } from "../factors";
import { authenticatorUsable, grantEnabledOnApp, raise } from "../policyChecks";
import { usedForAuthentication } from "./authenticatorUse";
import { ClientRequest, NO_STORE, admitUser, mfaTransaction, userOf } from "./flow";
import { channelHint, startOobChallenge } from "./oob";
import { listParam, param, requiredParam } from "./params";
import { rejectScope } from "./scopes";

/**
 * `POST .../v1/challenge`: the second factor after `mfa_required`. An out-of-band challenge when the
 * client supports mfa-oob and names a channel (or supports nothing else); otherwise an OTP prompt.
 */
export async function challenge(ctx: ClientRequest): Promise<Answer> {
  rejectScope(ctx.form);
  const mfa = mfaTransaction(ctx, requiredParam(ctx.form, "mfa_token"));
  const types = listParam(ctx.form, "challenge_types_supported") ?? [];
  const oob = types.includes(GRANT.mfaOob);
  const otp = types.includes(GRANT.mfaOtp);
  if (!oob && !otp) {
    throw new OAuthError(
      400,
      "invalid_request",
      `The challenge_types_supported parameter must include ${GRANT.mfaOob} or ${GRANT.mfaOtp} (direct_auth_invalid_challenge_types).`,
    );
  }
  const user = userOf(ctx.state, mfa);
  if (oob && (param(ctx.form, "channel_hint") !== undefined || !otp)) {
    const channel = channelHint(ctx.form, OOB_CHANNELS);
    raise(grantEnabledOnApp(ctx.app, GRANT.mfaOob));
    admitUser(ctx, user, GRANT.mfaOob, undefined);
    raise(authenticatorUsable(ctx.state.org, user, channel) ?? usedForAuthentication(ctx.state.org, channel));
    return jsonAnswer(200, { challenge_type: GRANT.mfaOob, ...startOobChallenge(ctx, user, channel, mfa.token) }, NO_STORE);
  }
  raise(grantEnabledOnApp(ctx.app, GRANT.mfaOtp));
  admitUser(ctx, user, GRANT.mfaOtp, undefined);
  raise(authenticatorUsable(ctx.state.org, user, "otp"));
  return jsonAnswer(200, { challenge_type: GRANT.mfaOtp }, NO_STORE);
}
