import { afterEach, describe, expect, it } from "vitest";
import { outboxCodeSource } from "../../src/smoke";
import { ProblemError } from "../../src/smoke/problem";
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
