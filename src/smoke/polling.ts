import { Clock } from "./types";

/** Spec §3: 5 s when the server names no interval; each `slow_down` adds 5 s. */
export const DEFAULT_INTERVAL_SECONDS = 5;
export const SLOW_DOWN_SECONDS = 5;

export type PollAnswer<T> = { kind: "done"; value: T } | { kind: "pending" } | { kind: "slow_down" };

export type PollOutcome<T> =
  | { kind: "done"; value: T; polls: number }
  | { kind: "pending"; polls: number }
  | { kind: "expired"; polls: number };

export interface PollPlan {
  intervalSeconds?: number;
  expiresInSeconds: number;
  /** When the server issued the code `expires_in` counts from (epoch ms). */
  issuedAt: number;
  /** Stop at the first `authorization_pending`: enough to prove the flow is wired when nobody will approve. */
  stopWhenPending: boolean;
}

export interface WaitInfo {
  waitMs: number;
  /** Until the code expires. */
  remainingMs: number;
  polls: number;
}

/**
 * Polls the token endpoint the way docs/direct-auth-reference.md#tokens-and-polling says: first poll at once, then
 * every `interval`, slower after `slow_down`, and never a poll that would land after `expires_in`.
 */
export async function pollUntilDone<T>(
  plan: PollPlan,
  poll: () => Promise<PollAnswer<T>>,
  clock: Clock,
  onWait?: (info: WaitInfo) => void,
): Promise<PollOutcome<T>> {
  let intervalMs = (plan.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS) * 1000;
  const deadline = plan.issuedAt + plan.expiresInSeconds * 1000;
  for (let polls = 1; ; polls++) {
    const answer = await poll();
    if (answer.kind === "done") return { kind: "done", value: answer.value, polls };
    if (answer.kind === "slow_down") intervalMs += SLOW_DOWN_SECONDS * 1000;
    else if (plan.stopWhenPending) return { kind: "pending", polls };
    const now = clock.now();
    if (now + intervalMs >= deadline) return { kind: "expired", polls };
    onWait?.({ waitMs: intervalMs, remainingMs: deadline - now, polls });
    await clock.sleep(intervalMs);
  }
}
