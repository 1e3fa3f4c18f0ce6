import { describe, expect, it } from "vitest";
import { PollAnswer, pollUntilDone } from "../../src/smoke/polling";
import { pollTiming } from "../../src/smoke/pollTiming";
import { FakeClock } from "./fakeClock";

/** A scripted token endpoint: answers in order, recording when each poll arrived. */
function script(clock: FakeClock, answers: PollAnswer<string>[]) {
  const at: number[] = [];
  const start = clock.now();
  return {
    at,
    poll: async () => {
      at.push(clock.now() - start);
      return answers.shift() ?? { kind: "pending" as const };
    },
  };
}

describe("polling schedule", () => {
  it("polls at once, then every `interval` seconds", async () => {
    const clock = new FakeClock();
    const s = script(clock, [{ kind: "pending" }, { kind: "pending" }, { kind: "done", value: "tokens" }]);
    const outcome = await pollUntilDone({ intervalSeconds: 2, expiresInSeconds: 300, issuedAt: clock.now(), stopWhenPending: false }, s.poll, clock);
    expect(outcome).toEqual({ kind: "done", value: "tokens", polls: 3 });
    expect(s.at).toEqual([0, 2000, 4000]);
  });

  it("waits 5 s when the server names no interval", async () => {
    const clock = new FakeClock();
    const s = script(clock, [{ kind: "pending" }, { kind: "done", value: "t" }]);
    await pollUntilDone({ expiresInSeconds: 300, issuedAt: clock.now(), stopWhenPending: false }, s.poll, clock);
    expect(s.at).toEqual([0, 5000]);
  });

  it("adds 5 s for every slow_down, and keeps the slower pace", async () => {
    const clock = new FakeClock();
    const s = script(clock, [{ kind: "slow_down" }, { kind: "pending" }, { kind: "slow_down" }, { kind: "pending" }, { kind: "done", value: "t" }]);
    await pollUntilDone({ intervalSeconds: 1, expiresInSeconds: 300, issuedAt: clock.now(), stopWhenPending: false }, s.poll, clock);
    expect(clock.sleeps).toEqual([6000, 6000, 11000, 11000]);
  });

  it("stops at expires_in without a poll that would land after it", async () => {
    const clock = new FakeClock();
    const s = script(clock, []);
    const outcome = await pollUntilDone({ intervalSeconds: 4, expiresInSeconds: 10, issuedAt: clock.now(), stopWhenPending: false }, s.poll, clock);
    expect(outcome).toEqual({ kind: "expired", polls: 3 });
    expect(s.at).toEqual([0, 4000, 8000]);
  });

  it("does not poll at the very moment the code expires", async () => {
    const clock = new FakeClock();
    const s = script(clock, []);
    const outcome = await pollUntilDone({ intervalSeconds: 5, expiresInSeconds: 10, issuedAt: clock.now(), stopWhenPending: false }, s.poll, clock);
    expect(outcome).toEqual({ kind: "expired", polls: 2 });
    expect(s.at).toEqual([0, 5000]);
  });

  it("counts expires_in from when the code was issued, not from the first poll", async () => {
    const clock = new FakeClock();
    const issuedAt = clock.now();
    await clock.sleep(7000);
    const s = script(clock, []);
    const outcome = await pollUntilDone({ intervalSeconds: 2, expiresInSeconds: 10, issuedAt, stopWhenPending: false }, s.poll, clock);
    expect(outcome.polls).toBe(2);
  });

  it("stops at the first authorization_pending when nobody will approve (wired)", async () => {
    const clock = new FakeClock();
    const s = script(clock, [{ kind: "slow_down" }, { kind: "pending" }]);
    const outcome = await pollUntilDone({ intervalSeconds: 1, expiresInSeconds: 300, issuedAt: clock.now(), stopWhenPending: true }, s.poll, clock);
    expect(outcome).toEqual({ kind: "pending", polls: 2 });
    expect(clock.sleeps).toEqual([6000]);
  });

  it("reports each wait with the time left, for the interactive countdown", async () => {
    const clock = new FakeClock();
    const s = script(clock, [{ kind: "pending" }, { kind: "done", value: "t" }]);
    const waits: unknown[] = [];
    await pollUntilDone({ intervalSeconds: 5, expiresInSeconds: 60, issuedAt: clock.now(), stopWhenPending: false }, s.poll, clock, (w) => waits.push(w));
    expect(waits).toEqual([{ waitMs: 5000, remainingMs: 60000, polls: 1 }]);
  });
});

describe("the server's poll timing, bounded", () => {
  it("takes sane values as sent and defaults absent ones, without a notice", () => {
    expect(pollTiming(3, 120)).toEqual({ intervalSeconds: 3, expiresInSeconds: 120, notices: [] });
    expect(pollTiming(undefined, undefined)).toEqual({ intervalSeconds: 5, expiresInSeconds: 300, notices: [] });
  });

  it("polls at most every second and waits at most ten minutes, saying so", () => {
    expect(pollTiming(0, 1e12)).toEqual({
      intervalSeconds: 1,
      expiresInSeconds: 600,
      notices: ["the server asked for interval 0 s; polled every 1 s", "the server said the code expires in 1000000000000 s; waited at most 600 s"],
    });
    expect(pollTiming(1, 600)).toEqual({ intervalSeconds: 1, expiresInSeconds: 600, notices: [] });
    expect(pollTiming(0.002, 600)).toMatchObject({ intervalSeconds: 1, expiresInSeconds: 600, notices: [expect.stringContaining("0.002")] });
  });

  it("quotes a long value by its first 40 characters", () => {
    const forty = "x".repeat(38);
    expect(pollTiming(forty, undefined).notices).toEqual([`the server's interval "${forty}" is not a number of seconds; polled every 5 s`]);
    const longer = "y".repeat(60);
    expect(pollTiming(undefined, longer).notices).toEqual([
      `the server's expires_in "${"y".repeat(39)}… is not a number of seconds; waited at most 300 s`,
    ]);
  });

  it.each([
    [-5, "-5"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    ["5", '"5"'],
    [null, "null"],
    [{ seconds: 5 }, '{"seconds":5}'],
  ])("replaces %s by the default and names it", (value, shown) => {
    const timing = pollTiming(value, value);
    expect(timing).toMatchObject({ intervalSeconds: 5, expiresInSeconds: 300 });
    expect(timing.notices).toEqual([
      `the server's interval ${shown} is not a number of seconds; polled every 5 s`,
      `the server's expires_in ${shown} is not a number of seconds; waited at most 300 s`,
    ]);
  });
});
