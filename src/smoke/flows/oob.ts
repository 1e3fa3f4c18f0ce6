import { GRANT } from "../../catalogue/grants";
import { ProblemError } from "../problem";
import { completeOob } from "./completeOob";
import { Flow, pathOf } from "./context";
import { readOobChallenge } from "./oobChallenge";

/** Push, SMS, voice or email as the primary factor: `/primary-authenticate`, then the token endpoint. */
export const oobFlow: Flow = async (ctx) => {
  const url = ctx.endpoints.primaryAuthenticate;
  ctx.enter("primary-authenticate", `POST ${pathOf(url)} channel_hint=${ctx.channel}`, GRANT.oob);
  // Wall-clock time, not the run's clock: it is compared with the timestamps of messages sent.
  const sentAfter = new Date();
  // No scope here: /primary-authenticate rejects it (docs/direct-auth-reference.md#wire-protocol).
  const answer = await ctx.post(url, { login_hint: ctx.username, channel_hint: ctx.channel, challenge_hint: GRANT.oob });
  if (!answer.ok) throw new ProblemError(answer.problem);
  const challenge = readOobChallenge(answer.body, pathOf(url), ctx.channel, ctx.clock.now());
  return completeOob(ctx, { challenge, tokenForm: { grant_type: GRANT.oob, oob_code: challenge.oobCode, scope: ctx.scope }, sentAfter });
};
