import { afterEach, describe, expect, it } from "vitest";
import { transportProblem } from "../../src/http/transport";
import { HttpClient, rateLimitWaitMs } from "../../src/smoke/httpClient";
import { ProblemError } from "../../src/smoke/problem";
import { FakeClock } from "./fakeClock";
import { json, localServer, LocalServer } from "./localServer";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(clock = new FakeClock(), extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  return new HttpClient({ clock, timeoutMs: 2000, maxRetries: 2, maxRateLimitWaitMs: 60_000, ...extra });
}

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).problem;
}

describe("HttpClient", () => {
  it("posts a form with the OAuth headers and counts the request", async () => {
    server = await localServer((_req, res) => json(res, 200, { ok: true }));
    const tally = { count: 0, owner: "otp" };
    const answer = await client().postForm(`${server.url}/oauth2/v1/token`, { grant_type: "password", scope: "openid profile", absent: undefined }, tally);
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(tally.count).toBe(1);
    const [request] = server.received;
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request.headers.accept).toBe("application/json");
    expect(new URLSearchParams(request.body).get("scope")).toBe("openid profile");
    expect(request.body).not.toContain("absent");
  });

  it("honours Retry-After on 429 and retries, counting every attempt", async () => {
    let calls = 0;
    server = await localServer((_req, res) =>
      ++calls === 1 ? json(res, 429, { errorCode: "E0000047" }, { "Retry-After": "3" }) : json(res, 200, { ok: true }),
    );
    const clock = new FakeClock();
    const tally = { count: 0, owner: "otp" };
    const retries: unknown[] = [];
    const answer = await client(clock, { onRateLimited: (i) => retries.push(i) }).getJson(`${server.url}/keys`, tally);
    expect(answer.status).toBe(200);
    expect(clock.sleeps).toEqual([3000]);
    expect(tally.count).toBe(2);
    expect(retries).toEqual([{ owner: "otp", path: "/keys", waitMs: 3000, retry: 1 }]);
  });

  it("gives up after the bounded number of retries", async () => {
    server = await localServer((_req, res) => json(res, 429, {}, { "Retry-After": "1" }));
    const tally = { count: 0, owner: "otp" };
    const problem = await problemOf(client().getJson(`${server.url}/token`, tally));
    expect(problem).toMatchObject({ code: "rate_limited", status: 429, detail: { path: "/token", retries: 2 } });
    expect(tally.count).toBe(3);
  });

  it("does not sit out a rate limit that resets later than allowed", async () => {
    server = await localServer((_req, res) => json(res, 429, {}, { "Retry-After": "3600" }));
    const clock = new FakeClock();
    const problem = await problemOf(client(clock).getJson(`${server.url}/token`, { count: 0, owner: "otp" }));
    expect(problem).toMatchObject({ code: "rate_limited", detail: { resetSeconds: 3600 } });
    expect(clock.sleeps).toEqual([]);
  });

  it("times out a server that never answers", async () => {
    server = await localServer(() => undefined);
    const started = Date.now();
    const problem = await problemOf(client(new FakeClock(), { timeoutMs: 200 }).getJson(`${server.url}/slow`, { count: 0, owner: "otp" }));
    expect(problem).toMatchObject({ code: "timeout", detail: { path: "/slow", timeoutMs: 200 } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each([
    ["text/html; charset=utf-8", "<!DOCTYPE html><html></html>", "html"],
    ["text/plain", "hello", "not_json"],
    ["application/json", "{not json", "invalid_json"],
  ])("reports %s answers as unexpected (%s)", async (contentType, body, code) => {
    server = await localServer((_req, res) => {
      res.writeHead(200, { "Content-Type": contentType });
      res.end(body);
    });
    const problem = await problemOf(client().getJson(`${server.url}/token`, { count: 0, owner: "otp" }));
    expect(problem).toMatchObject({ code, status: 200, detail: { path: "/token" } });
  });

  it("stops reading an endless body at 1 MiB and says so, instead of buffering it", async () => {
    let written = 0;
    server = await localServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, " ");
      const pump = () => {
        for (let more = true; more && !res.destroyed; written += chunk.length) more = res.write(chunk);
      };
      res.on("drain", pump);
      pump();
    });
    const problem = await problemOf(client().getJson(`${server.url}/keys`, { count: 0, owner: "otp" }));
    expect(problem).toMatchObject({ code: "too_large", status: 200, detail: { path: "/keys", limitBytes: 1024 * 1024 } });
    // Socket buffers on both ends hold a few MiB at most: the client stopped reading, it did not drain the stream.
    expect(written).toBeLessThan(32 * 1024 * 1024);
  });

  it("refuses a body whose Content-Length is over the limit without reading it", async () => {
    server = await localServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(64 * 1024 * 1024) });
      res.write("{");
    });
    const problem = await problemOf(client().getJson(`${server.url}/keys`, { count: 0, owner: "otp" }));
    expect(problem).toMatchObject({ code: "too_large", detail: { path: "/keys" } });
  });

  it("reads a body just under the limit", async () => {
    const padding = " ".repeat(1024 * 1024 - 20);
    server = await localServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(`{"ok":true}${padding}`);
    });
    const answer = await client().getJson(`${server.url}/keys`, { count: 0, owner: "otp" });
    expect(answer.body).toEqual({ ok: true });
  });

  it("does not follow redirects", async () => {
    server = await localServer((_req, res) => {
      res.writeHead(302, { Location: "http://evil.example/login?session=abc" });
      res.end();
    });
    const problem = await problemOf(client().getJson(`${server.url}/token`, { count: 0, owner: "otp" }));
    expect(problem).toMatchObject({ code: "redirect", status: 302, detail: { location: "http://evil.example/login" } });
  });

  it("refuses plain http to anything but loopback, before sending a byte", async () => {
    const sent: unknown[] = [];
    const fetchStub = (async (...args: unknown[]) => {
      sent.push(args);
      throw new Error("must not be called");
    }) as typeof fetch;
    const problem = await problemOf(client(new FakeClock(), { fetch: fetchStub }).getJson("http://dev-1.okta.com/keys", { count: 0, owner: "otp" }));
    expect(problem.code).toBe("insecure_url");
    expect(sent).toEqual([]);
  });

  it("reports a refused connection as a network problem", async () => {
    server = await localServer(() => undefined);
    const url = server.url;
    await server.close();
    server = undefined;
    const problem = await problemOf(client().getJson(`${url}/keys`, { count: 0, owner: "otp" }));
    expect(problem).toMatchObject({ code: "network", detail: { cause: "ECONNREFUSED" } });
  });
});

describe("transport rule", () => {
  it.each([
    ["https://dev-1.okta.com", undefined],
    ["http://127.0.0.1:8080", undefined],
    ["http://localhost:8080", undefined],
    ["http://[::1]:8080", undefined],
    ["http://dev-1.okta.com", "plain http to a host that is not loopback"],
    ["http://127.0.0.1.evil.example", "plain http to a host that is not loopback"],
    ["ftp://dev-1.okta.com", "unsupported scheme ftp:"],
    ["not a url", "not a URL"],
  ])("%s → %s", (url, expected) => {
    expect(transportProblem(url)).toBe(expected);
  });
});

describe("rate-limit wait", () => {
  const at = Date.UTC(2025, 0, 1, 12, 0, 0);
  it("reads Retry-After as seconds or as a date", () => {
    expect(rateLimitWaitMs(new Headers({ "Retry-After": "2" }), at, 0)).toBe(2000);
    expect(rateLimitWaitMs(new Headers({ "Retry-After": new Date(at + 7000).toUTCString() }), at, 0)).toBe(7000);
  });
  it("reads X-Rate-Limit-Reset against the server's Date, not our clock", () => {
    const headers = new Headers({ "X-Rate-Limit-Reset": String(at / 1000 + 4), Date: new Date(at).toUTCString() });
    expect(rateLimitWaitMs(headers, at + 60_000, 0)).toBe(4000);
    expect(rateLimitWaitMs(new Headers({ "X-Rate-Limit-Reset": String(at / 1000 + 4) }), at, 0)).toBe(4000);
  });
  it("ignores a Retry-After that is neither seconds nor a date", () => {
    expect(rateLimitWaitMs(new Headers({ "Retry-After": "soon" }), at, 1)).toBe(2000);
    expect(rateLimitWaitMs(new Headers({ "Retry-After": new Date(at - 5000).toUTCString() }), at, 0)).toBe(0);
  });
  it("backs off exponentially without either header", () => {
    expect([0, 1, 2].map((r) => rateLimitWaitMs(new Headers(), at, r))).toEqual([1000, 2000, 4000]);
  });
});

describe("HttpClient answers, header by header", () => {
  const URL_ = "https://dev-1.okta.com/oauth2/v1/keys";
  const answering = (response: () => Response) => {
    const asked: RequestInit[] = [];
    const fetchStub = (async (_url: string, init: RequestInit) => {
      asked.push(init);
      return response();
    }) as unknown as typeof fetch;
    return { http: client(new FakeClock(), { fetch: fetchStub }), asked };
  };
  const get = (response: () => Response) => answering(response).http.getJson(URL_, { count: 0, owner: "*" });

  it("asks for JSON with a GET, redirects not followed", async () => {
    const { http, asked } = answering(() => new Response("{}", { headers: { "Content-Type": "application/json" } }));
    await http.getJson(URL_, { count: 0, owner: "*" });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ method: "GET", headers: { Accept: "application/json" }, redirect: "manual" });
  });

  it.each([
    ["application/json; charset=utf-8", { ok: 1 }],
    ["Application/JSON ; charset=utf-8", { ok: 2 }],
    ["application/problem+json", { ok: 3 }],
  ])("reads %s as JSON", async (contentType, body) => {
    expect((await get(() => new Response(JSON.stringify(body), { headers: { "Content-Type": contentType } }))).body).toEqual(body);
  });

  it.each([
    ["text/plain", "<!DOCTYPE html><html></html>", "html", "text/plain"],
    ["text/plain", "\n  <html><body>login</body></html>", "html", "text/plain"],
    ["text/plain", "hello <html>", "not_json", "text/plain"],
    ["text/html; charset=utf-8", "Service unavailable", "html", "text/html"],
    ["application/jsonp", "{}", "not_json", "application/jsonp"],
    [undefined, "{}", "not_json", "none"],
  ])("tells an HTML page from other text (%s, %j)", async (contentType, text, code, shown) => {
    // Bytes, not a string: a string body would get text/plain by default.
    const problem = await problemOf(get(() => new Response(new TextEncoder().encode(text), { headers: contentType ? { "Content-Type": contentType } : {} })));
    expect(problem).toEqual({ code, status: 200, detail: { path: "/oauth2/v1/keys", contentType: shown } });
  });

  it("reports any 3xx as a redirect, with or without a body, and its target without the query", async () => {
    expect(await problemOf(get(() => new Response(null, { status: 300, headers: { Location: "/elsewhere?x=1" } })))).toEqual({
      code: "redirect",
      status: 300,
      detail: { path: "/oauth2/v1/keys", location: "https://dev-1.okta.com/elsewhere" },
    });
    expect(await problemOf(get(() => new Response(null, { status: 307 })))).toMatchObject({ code: "redirect", detail: { location: "https://dev-1.okta.com/oauth2/v1/keys" } });
    expect(await problemOf(get(() => new Response("{}", { status: 308, headers: { Location: "http://[bad" } })))).toMatchObject({
      code: "redirect",
      detail: { location: "(invalid URL)" },
    });
  });

  it.each([
    ["a TLS failure", Object.assign(new TypeError("fetch failed"), { cause: { code: "SELF_SIGNED_CERT_IN_CHAIN" } }), "tls", "SELF_SIGNED_CERT_IN_CHAIN"],
    ["a cause with words only", Object.assign(new TypeError("fetch failed"), { cause: { message: "getaddrinfo ENOTFOUND dev-1.okta.com" } }), "network", "getaddrinfo ENOTFOUND dev-1.okta.com"],
    ["an error without a cause", new Error("socket hang up"), "network", "socket hang up"],
    ["something that is not an error", null, "network", "unknown error"],
  ])("names %s", async (_name, thrown, code, cause) => {
    const fetchStub = (async () => {
      throw thrown;
    }) as typeof fetch;
    const problem = await problemOf(client(new FakeClock(), { fetch: fetchStub }).getJson(URL_, { count: 0, owner: "*" }));
    expect(problem).toEqual({ code, detail: { path: "/oauth2/v1/keys", host: "dev-1.okta.com", cause } });
  });

  it("waits out a rate limit that resets exactly at the longest wait allowed", async () => {
    let calls = 0;
    const fetchStub = (async () =>
      ++calls === 1
        ? new Response("{}", { status: 429, headers: { "Content-Type": "application/json", "Retry-After": "60" } })
        : new Response("{}", { headers: { "Content-Type": "application/json" } })) as typeof fetch;
    const clock = new FakeClock();
    await client(clock, { fetch: fetchStub, maxRateLimitWaitMs: 60_000 }).getJson(URL_, { count: 0, owner: "*" });
    expect(clock.sleeps).toEqual([60_000]);
  });
});
