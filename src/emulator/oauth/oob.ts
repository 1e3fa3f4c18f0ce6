import { randomInt } from "node:crypto";
import { OAuthError } from "../errors";
import { PHONE_THROTTLE_SECONDS, failedVerification, phoneThrottledUntil } from "./lockouts";
import { OobChannel } from "../factors";
import { OrgUser } from "../orgModel";
import { OobTransaction, promptBindingCode, transferBindingCode } from "../transactions";
import { ClientRequest } from "./flow";
import { param, requiredParam } from "./params";

/** A `channel_hint` the endpoint accepts (direct_auth_invalid_channel_hint otherwise). */
export function channelHint(form: URLSearchParams, allowed: readonly OobChannel[]): OobChannel {
  const channel = requiredParam(form, "channel_hint");
  if (!(allowed as readonly string[]).includes(channel)) {
    throw new OAuthError(
      400,
      "invalid_request",
      `The channel_hint is invalid (direct_auth_invalid_channel_hint): expected one of ${allowed.join(", ")}.`,
    );
  }
  return channel as OobChannel;
}

const EMAIL_CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/**
 * Okta's email codes may be 6 to 10 characters and hold uppercase letters, so a client must not
 * expect six digits: the emulator varies both length and alphabet.
 */
function emailCode(): string {
  const length = randomInt(6, 11);
  return Array.from({ length }, () => EMAIL_CODE_ALPHABET[randomInt(EMAIL_CODE_ALPHABET.length)]).join("");
}

/**
 * Sends the push, or the code by SMS, voice or email (to the outbox), and answers what
 * `/primary-authenticate` and `/challenge` have in common.
 */
export function startOobChallenge(
  ctx: ClientRequest,
  user: OrgUser,
  channel: OobChannel,
  mfaToken?: string,
): Record<string, unknown> {
  const { settings, transactions, outbox } = ctx.state;
  if (channel === "sms" || channel === "voice") throttlePhone(ctx, user, channel);
  const bindingMethod = channel === "push" ? settings.push.bindingMethod : "prompt";
  const bindingCode =
    bindingMethod === "transfer"
      ? transferBindingCode()
      : bindingMethod === "prompt"
        ? channel === "email"
          ? emailCode()
          : promptBindingCode()
        : undefined;
  const oob = transactions.newOob({
    clientId: ctx.app.clientId,
    serverKey: ctx.server.key,
    userId: user.id,
    channel,
    bindingMethod,
    bindingCode,
    expiresAt: Date.now() + settings.oobExpiresInSeconds * 1000,
    mfaToken,
  });
  if (bindingMethod === "prompt") outbox.send(user.login, channel, bindingCode!);
  return {
    oob_code: oob.code,
    expires_in: settings.oobExpiresInSeconds,
    ...(channel === "push" ? { interval: settings.pollIntervalSeconds } : {}),
    channel,
    binding_method: bindingMethod,
    ...(bindingMethod === "transfer" ? { binding_code: bindingCode } : {}),
  };
}

/** A throttled SMS or call answers 429 with the time the next one may go as `X-Rate-Limit-Reset`. */
function throttlePhone(ctx: ClientRequest, user: OrgUser, channel: "sms" | "voice"): void {
  const now = Date.now();
  const sent = user.phoneSentAt?.[channel] ?? [];
  const until = ctx.state.settings.throttles ? phoneThrottledUntil(sent, now) : undefined;
  if (until !== undefined) {
    const what = channel === "sms" ? "An SMS message" : "A voice call";
    throw new OAuthError(
      429,
      "invalid_request",
      `${what} was recently sent. Please wait ${PHONE_THROTTLE_SECONDS} seconds before trying again. (direct_auth_throttled: too many ${channel} codes were sent to this user in the last ${PHONE_THROTTLE_SECONDS} s)`,
      {},
      { "X-Rate-Limit-Limit": "1", "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": String(Math.ceil(until / 1000)) },
    );
  }
  user.phoneSentAt = { ...user.phoneSentAt, [channel]: [...sent.filter((t) => now - t < PHONE_THROTTLE_SECONDS * 1000), now] };
}

/**
 * One `/token` call on an oob_code. Returns when the factor is proven (the code is then used up);
 * otherwise throws what the client must do next: keep polling, slow down, or give up.
 */
export function redeemOob(ctx: ClientRequest, oob: OobTransaction): void {
  const { settings, transactions, faults } = ctx.state;
  if (oob.bindingMethod === "prompt") {
    const code = param(ctx.form, "binding_code");
    if (code === undefined) {
      throw new OAuthError(400, "invalid_request", `The 'binding_code' parameter is required: the user received a code by ${oob.channel}.`);
    }
    if (code !== oob.bindingCode) {
      throw (
        failedVerification(oob, () => transactions.oob.delete(oob.code)) ??
        new OAuthError(400, "invalid_grant", "The binding code is invalid (direct_auth_invalid_binding_code).")
      );
    }
    transactions.oob.delete(oob.code);
    return;
  }
  const now = Date.now();
  const tooSoon = oob.lastPollAt !== undefined && now - oob.lastPollAt < minimumGapMs(settings.pollIntervalSeconds);
  oob.lastPollAt = now;
  if (faults.takeSlowDown() || tooSoon) {
    throw new OAuthError(400, "slow_down", "The client is polling too frequently. Wait longer between polls.");
  }
  oob.polls++;
  const { outcome, afterPolls } = settings.push;
  if (outcome === "never" || oob.polls <= afterPolls) {
    throw new OAuthError(
      400,
      "authorization_pending",
      "No user response received on the out-of-band authenticator yet. Continue polling to wait for a response.",
    );
  }
  transactions.oob.delete(oob.code);
  if (outcome === "reject") throw new OAuthError(400, "invalid_grant", "The user rejected the push notification (direct_auth_oob_reject).");
}

/** Timers may fire a hair early; a poll within 10% (at most 100 ms) of the interval still counts as on time. */
function minimumGapMs(intervalSeconds: number): number {
  const intervalMs = intervalSeconds * 1000;
  return intervalMs - Math.min(100, intervalMs * 0.1);
}
