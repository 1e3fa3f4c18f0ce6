import { afterEach, describe, expect, it } from "vitest";
import { outboxCodeSource } from "../../src/smoke";
import { ProblemError } from "../../src/smoke/problem";
import { FakeClock } from "./fakeClock";
import { json, localServer, LocalServer } from "./localServer";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const request = { channel: "sms" as const, login: "t@example.com", sentAfter: new Date(0) };

describe("the emulator's outbox as a code source", () => {
  it("takes the newest code sent by the asked channel", async () => {
    server = await localServer((_req, res) =>
      json(res, 200, {
        messages: [
          { channel: "sms", code: "111111", sentAt: new Date(1000).toISOString() },
          { channel: "email", code: "222222", sentAt: new Date(2000).toISOString() },
          { channel: "sms", code: "333333", sentAt: new Date(3000).toISOString() },
        ],
      }),
    );
    expect(await outboxCodeSource(`${server.url}/__emulator/outbox`)(request)).toBe("333333");
  });

  it("stops reading an endless answer at 1 MiB instead of until the timeout", async () => {
    server = await localServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"messages":[');
      // Slow enough that reading it all until the timeout would not exhaust memory either.
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ".repeat(64 * 1024))), 10);
    });
    const error = await outboxCodeSource(`${server.url}/__emulator/outbox`, { timeoutMs: 60_000 })(request).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem).toMatchObject({ code: "outbox_unavailable", status: 200, detail: { path: "/__emulator/outbox" } });
  }, 10_000);
});

describe("an outbox that redirects", () => {
  it("is not followed: the code is not read from where it points", async () => {
    const elsewhere = await localServer((_req, res) => json(res, 200, { messages: [{ channel: "sms", code: "999999", sentAt: new Date(5000).toISOString() }] }));
    try {
      server = await localServer((req, res) => {
        res.writeHead(302, { Location: `${elsewhere.url}/other${req.url}` });
        res.end();
      });
      const error = await outboxCodeSource(`${server.url}/__emulator/outbox`)(request).then(
        (code) => code,
        (e: unknown) => e,
      );
      expect(elsewhere.received).toEqual([]);
      expect((error as ProblemError).problem).toMatchObject({ code: "outbox_unavailable", status: 302, detail: { redirected: "yes" } });
    } finally {
      await elsewhere.close();
    }
  });
});

describe("reading the outbox until the code arrives", () => {
  const OUTBOX = "http://127.0.0.1:9/__emulator/outbox";
  const sentAfter = new Date(Date.UTC(2025, 0, 1, 12, 0, 0));
  const at = (seconds: number) => new Date(sentAfter.getTime() + seconds * 1000).toISOString();

  /** An outbox answering `pages` in turn (the last one again after that), recording every URL asked. */
  function outbox(pages: unknown[][], status = 200) {
    const asked: { url: string; accept: string | null; redirect?: string }[] = [];
    const fetchStub = (async (input: string | URL, init?: RequestInit) => {
      asked.push({ url: String(input), accept: new Headers(init?.headers).get("accept"), redirect: init?.redirect });
      const messages = pages[Math.min(asked.length - 1, pages.length - 1)];
      return new Response(JSON.stringify({ messages }), { status, headers: { "Content-Type": "application/json" } });
    }) as typeof fetch;
    return { fetchStub, asked };
  }

  it("asks for the login's codes by channel, and takes the newest sent since the request by that channel", async () => {
    const { fetchStub, asked } = outbox([
      [
        { channel: "sms", code: "000001", sentAt: at(-1) },
        { channel: "sms", code: "000002", sentAt: at(0) },
        { channel: "voice", code: "000003", sentAt: at(1) },
      ],
    ]);
    const clock = new FakeClock();
    const code = await outboxCodeSource(OUTBOX, { fetch: fetchStub, clock })({ channel: "sms", login: "t+1@example.com", sentAfter });
    expect(code).toBe("000002");
    expect(asked).toEqual([{ url: `${OUTBOX}?login=t%2B1%40example.com&channel=sms`, accept: "application/json", redirect: "manual" }]);
    expect(clock.sleeps).toEqual([]);
  });

  it("reads again every interval until the code shows up", async () => {
    const { fetchStub, asked } = outbox([[], [{ channel: "email", code: "old", sentAt: at(-5) }], [{ channel: "email", code: "K7QX2P", sentAt: at(2) }]]);
    const clock = new FakeClock();
    const code = await outboxCodeSource(OUTBOX, { fetch: fetchStub, clock, intervalMs: 250 })({ channel: "email", login: "t@example.com", sentAfter });
    expect(code).toBe("K7QX2P");
    expect(asked).toHaveLength(3);
    expect(clock.sleeps).toEqual([250, 250]);
  });

  it("gives up with no code once the next read would come after the timeout", async () => {
    const { fetchStub, asked } = outbox([[]]);
    const clock = new FakeClock();
    const code = await outboxCodeSource(OUTBOX, { fetch: fetchStub, clock, timeoutMs: 1000, intervalMs: 300 })({ channel: "sms", login: "t@example.com", sentAfter });
    expect(code).toBeUndefined();
    expect(clock.sleeps).toEqual([300, 300, 300]);
    expect(asked).toHaveLength(4);
    const defaults = outbox([[]]);
    const defaultClock = new FakeClock();
    expect(await outboxCodeSource(OUTBOX, { fetch: defaults.fetchStub, clock: defaultClock })({ channel: "sms", login: "t", sentAfter })).toBeUndefined();
    expect(defaultClock.sleeps).toEqual(Array.from({ length: 50 }, () => 100));
  });

  it("says the outbox is unavailable when it cannot be reached, answers an error or no message list", async () => {
    const unreachable = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    const problemOf = async (fetchStub: typeof fetch) => {
      const error = await outboxCodeSource(OUTBOX, { fetch: fetchStub, clock: new FakeClock() })({ channel: "sms", login: "t", sentAfter }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ProblemError);
      return (error as ProblemError).problem;
    };
    expect(await problemOf(unreachable)).toEqual({ code: "outbox_unavailable", detail: { path: "/__emulator/outbox" } });
    expect(await problemOf(outbox([[]], 500).fetchStub)).toEqual({ code: "outbox_unavailable", status: 500, detail: { path: "/__emulator/outbox" } });
    expect(await problemOf(outbox([[]], 399).fetchStub)).toEqual({ code: "outbox_unavailable", status: 399, detail: { path: "/__emulator/outbox", redirected: "yes" } });
    expect(await problemOf(outbox([[]], 300).fetchStub)).toEqual({ code: "outbox_unavailable", status: 300, detail: { path: "/__emulator/outbox", redirected: "yes" } });
    expect(await problemOf(outbox([[]], 400).fetchStub)).toEqual({ code: "outbox_unavailable", status: 400, detail: { path: "/__emulator/outbox" } });
    const bodiless = (async () => new Response(null, { status: 302, headers: { Location: "/elsewhere" } })) as typeof fetch;
    expect(await problemOf(bodiless)).toEqual({ code: "outbox_unavailable", status: 302, detail: { path: "/__emulator/outbox", redirected: "yes" } });
    const notJson = (async () => new Response("<html>", { status: 200 })) as typeof fetch;
    expect(await problemOf(notJson)).toEqual({ code: "outbox_unavailable", status: 200, detail: { path: "/__emulator/outbox" } });
  });
});
