import { GRANT } from "../../catalogue/grants";
import { ProblemError } from "../problem";
import { completeOob } from "./completeOob";
import { Flow, pathOf } from "./context";
import { readOobChallenge } from "./oobChallenge";
import { passwordLeg } from "./passwordLeg";

/** Push, SMS or voice as the second factor: password → `mfa_token`, `/challenge`, then the token endpoint. */
export const mfaOobFlow: Flow = async (ctx) => {
  const mfaToken = await passwordLeg(ctx);
  const url = ctx.endpoints.challenge;
  ctx.enter("challenge", `POST ${pathOf(url)} channel_hint=${ctx.channel}`, GRANT.mfaOob);
  // Wall-clock time, not the run's clock: it is compared with the timestamps of messages sent.
  const sentAfter = new Date();
  // No scope here: /challenge rejects it; the mfa_token already carries the password leg's scope.
  const answer = await ctx.post(url, {
    mfa_token: mfaToken,
    challenge_types_supported: GRANT.mfaOob,
    channel_hint: ctx.channel,
  });
  if (!answer.ok) throw new ProblemError(answer.problem);
  const challenge = readOobChallenge(answer.body, pathOf(url), ctx.channel, ctx.clock.now());
  return completeOob(ctx, {
    challenge,
    tokenForm: { grant_type: GRANT.mfaOob, mfa_token: mfaToken, oob_code: challenge.oobCode, scope: ctx.scope },
    sentAfter,
  });
};
