import { pollUntilDone, PollAnswer } from "../polling";
import { fail, ProblemError } from "../problem";
import { CodeChannel } from "../types";
import { FlowContext, FlowOutcome, pathOf } from "./context";
import { OobChallenge } from "./oobChallenge";

const CODE_CHANNELS: readonly string[] = ["sms", "voice", "email"];

function minutesAndSeconds(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(total / 60)}m ${String(total % 60).padStart(2, "0")}s`;
}

/** An OOB challenge Okta sent, and the token request that completes it once the user acts. */
export interface PendingOob {
  challenge: OobChallenge;
  /** The flow's own token request; its grant_type names the grant, a code the user enters is added to it. */
  tokenForm: { grant_type: string } & Record<string, string | undefined>;
  /** When the challenge was sent: a code received before then is not this challenge's. */
  sentAfter: Date;
}

/**
 * The human half of both OOB flows: `prompt` sends the code the user received; `none` and
 * `transfer` poll until the push is answered.
 */
export async function completeOob(ctx: FlowContext, pending: PendingOob): Promise<FlowOutcome> {
  const { challenge } = pending;
  ctx.secrets.add(challenge.bindingCode);
  switch (challenge.bindingMethod) {
    case "prompt":
      return enterCode(ctx, pending);
    case "none":
    case "transfer":
      return awaitPush(ctx, pending);
    default:
      fail("unsupported_binding", { detail: { bindingMethod: challenge.bindingMethod } });
  }
}

async function enterCode(ctx: FlowContext, { challenge, tokenForm, sentAfter }: PendingOob): Promise<FlowOutcome> {
  const grantType = tokenForm.grant_type;
  const channel = challenge.channel;
  if (!ctx.codeSource || !CODE_CHANNELS.includes(channel)) {
    return { status: "wired", note: `Okta sent a code by ${channel}; run with --interactive to enter it and get tokens` };
  }
  ctx.enter("code", `waiting for the code sent by ${channel} to ${ctx.username}`);
  const code = await ctx.codeSource({ channel: channel as CodeChannel, login: ctx.username, sentAfter });
  if (!code) return { status: "wired", note: `Okta sent a code by ${channel}, but none was entered` };
  ctx.secrets.add(code);
  ctx.enter("token", `POST ${pathOf(ctx.endpoints.token)} grant_type=${grantType} with the ${channel} code`, grantType);
  const answer = await ctx.post(ctx.endpoints.token, { ...tokenForm, binding_code: code });
  if (answer.ok) return ctx.finish(answer.body);
  throw new ProblemError(answer.problem);
}

async function awaitPush(ctx: FlowContext, { challenge, tokenForm }: PendingOob): Promise<FlowOutcome> {
  const grantType = tokenForm.grant_type;
  if (challenge.bindingMethod === "transfer") {
    ctx.note(
      ctx.interactive
        ? `in Okta Verify, tap the number ${challenge.bindingCode}`
        : "Okta Verify shows a number challenge; --interactive shows the number to tap",
    );
  }
  for (const notice of challenge.timingNotices) ctx.notice(notice);
  let polls = 0;
  ctx.enter("poll", `POST ${pathOf(ctx.endpoints.token)} grant_type=${grantType}`, grantType);
  const outcome = await pollUntilDone<Record<string, unknown>>(
    {
      intervalSeconds: challenge.intervalSeconds,
      expiresInSeconds: challenge.expiresInSeconds,
      issuedAt: challenge.issuedAt,
      stopWhenPending: !ctx.completeHumanSteps,
    },
    async (): Promise<PollAnswer<Record<string, unknown>>> => {
      polls++;
      const answer = await ctx.post(ctx.endpoints.token, tokenForm);
      if (answer.ok) return { kind: "done", value: answer.body };
      if (answer.problem.code === "authorization_pending") return { kind: "pending" };
      if (answer.problem.code === "slow_down") return { kind: "slow_down" };
      throw new ProblemError(answer.problem);
    },
    ctx.clock,
    (wait) =>
      ctx.note(
        `poll ${polls}: not yet approved; next poll in ${Math.round(wait.waitMs / 100) / 10} s, code expires in ${minutesAndSeconds(wait.remainingMs)}`,
      ),
  );
  if (outcome.kind === "done") return ctx.finish(outcome.value);
  if (outcome.kind === "pending") {
    return { status: "wired", note: "Okta sent the push and answered authorization_pending; run with --interactive to approve it and get tokens" };
  }
  fail("oob_expired", { detail: { expiresIn: challenge.expiresInSeconds } });
}
