import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ServerResponse } from "node:http";
import { OktaApiError, OktaManagementClient, pkcs8Pem } from "../../src/orgSettings/managementClient";
import { LocalServer, json, localServer } from "../smoke/localServer";

describe("the service app's private key", () => {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pkcs1 = privateKey.export({ format: "pem", type: "pkcs1" }).toString();
  const pkcs8 = privateKey.export({ format: "pem", type: "pkcs8" }).toString();

  it("is accepted inline in PKCS#8 or PKCS#1 and handed to jose as PKCS#8", () => {
    expect(pkcs1).toContain("BEGIN RSA PRIVATE KEY");
    expect(pkcs8Pem(pkcs1)).toBe(pkcs8);
    expect(pkcs8Pem(pkcs8)).toBe(pkcs8);
  });

  it("is read from a file path, as the provider allows", () => {
    const dir = mkdtempSync(join(tmpdir(), "okta-key-"));
    try {
      const file = join(dir, "key.pem");
      writeFileSync(file, pkcs1);
      expect(pkcs8Pem(file)).toBe(pkcs8);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("waiting out Okta's rate limit", () => {
  const OKTA_NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
  const RESET = OKTA_NOW / 1000 + 5;
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Okta answering every other request 429, its reset 5 s after its own clock. */
  async function rateLimitedOrg(okta: { date: boolean }): Promise<LocalServer> {
    return localServer((_req, res) => {
      res.sendDate = false;
      const date: Record<string, string> = okta.date ? { Date: new Date(OKTA_NOW).toUTCString() } : {};
      if (server!.received.length % 2 === 1) json(res, 429, { errorCode: "E0000047" }, { "X-Rate-Limit-Reset": String(RESET), ...date });
      else json(res, 200, [], date);
    });
  }

  async function waitAgainst(localNow: number): Promise<number[]> {
    const sleeps: number[] = [];
    const client = new OktaManagementClient(
      { orgUrl: server!.url, apiToken: "t0k" },
      { sleep: async (ms) => void sleeps.push(ms), now: () => localNow, maxWaitMs: 60_000 },
    );
    await client.get("/api/v1/authenticators");
    return sleeps;
  }

  it.each([
    ["an hour behind", OKTA_NOW - 3_600_000],
    ["an hour ahead", OKTA_NOW + 3_600_000],
    ["in step", OKTA_NOW],
  ])("measures the reset against Okta's Date header, whatever the local clock (%s)", async (_title, localNow) => {
    server = await rateLimitedOrg({ date: true });
    // Five seconds, plus the second the Date header's whole-second precision may hide.
    expect(await waitAgainst(localNow)).toEqual([6000]);
  });

  it("falls back to the local clock when the answer has no Date header, within the bound", async () => {
    server = await rateLimitedOrg({ date: false });
    expect(await waitAgainst(OKTA_NOW)).toEqual([6000]);
    expect(await waitAgainst(OKTA_NOW - 3_600_000)).toEqual([60_000]);
    expect(await waitAgainst(OKTA_NOW + 3_600_000)).toEqual([1000]);
  });
});

describe("retrying after a 429", () => {
  const OKTA_NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
  const DATE = new Date(OKTA_NOW).toUTCString();
  const RATE_LIMITED = { errorCode: "E0000047", errorSummary: "API call exceeded rate limit due to too many requests.", errorCauses: [] };
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Okta answering the first request 429 with these headers, then 200. */
  async function sleepsAfterOne429(headers: Record<string, string>, options: { maxWaitMs?: number } = {}): Promise<number[]> {
    server = await localServer((_req, res) => {
      res.sendDate = false;
      if (server!.received.length === 1) json(res, 429, RATE_LIMITED, headers);
      else json(res, 200, []);
    });
    const sleeps: number[] = [];
    const client = new OktaManagementClient({ orgUrl: server.url, apiToken: "t0k" }, { sleep: async (ms) => void sleeps.push(ms), now: () => OKTA_NOW, ...options });
    expect(await client.get("/api/v1/authenticators")).toEqual([]);
    return sleeps;
  }

  it("gives up after four retries with Okta's rate-limit error, telling each wait first", async () => {
    server = await localServer((_req, res) => json(res, 429, RATE_LIMITED, { "X-Rate-Limit-Reset": String(OKTA_NOW / 1000 + 2), Date: DATE }));
    const told: unknown[] = [];
    const client = new OktaManagementClient(
      { orgUrl: server.url, apiToken: "t0k" },
      { sleep: async () => {}, onRateLimited: (info) => void told.push(info) },
    );
    await expect(client.get("/api/v1/authenticators?filter=x")).rejects.toThrow(
      "Okta answered 429 E0000047: API call exceeded rate limit due to too many requests.",
    );
    expect(server.received).toHaveLength(5);
    expect(told).toEqual(Array(4).fill({ method: "GET", path: "/api/v1/authenticators", waitMs: 3000 }));
  });

  it("takes Retry-After, in seconds, over the reset time", async () => {
    expect(await sleepsAfterOne429({ "Retry-After": "3", "X-Rate-Limit-Reset": String(OKTA_NOW / 1000 + 20), Date: DATE })).toEqual([3000]);
  });

  it.each([
    ["no rate-limit header", {}],
    ["a reset time that is no number", { "X-Rate-Limit-Reset": "soon", Date: DATE }],
    ["a reset time beyond any clock", { "X-Rate-Limit-Reset": "1e999", Date: DATE }],
  ])("waits one second on %s", async (_title, headers) => {
    expect(await sleepsAfterOne429(headers)).toEqual([1000]);
  });

  it("waits at most a minute by default, or the bound it is given", async () => {
    const anHourLater = { "X-Rate-Limit-Reset": String(OKTA_NOW / 1000 + 3600), Date: DATE };
    expect(await sleepsAfterOne429(anHourLater)).toEqual([60_000]);
    await server?.close();
    expect(await sleepsAfterOne429(anHourLater, { maxWaitMs: 5000 })).toEqual([5000]);
  });

  it("really waits when given no sleep of its own", async () => {
    const arrivals: number[] = [];
    server = await localServer((_req, res) => {
      arrivals.push(performance.now());
      if (arrivals.length === 1) json(res, 429, RATE_LIMITED, { "Retry-After": "1" });
      else json(res, 200, []);
    });
    const client = new OktaManagementClient({ orgUrl: server.url, apiToken: "t0k" }, { maxWaitMs: 300 });
    expect(await client.get("/api/v1/authenticators")).toEqual([]);
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(290);
  });
});

describe("a management error that echoes the credentials", () => {
  const TOKEN = "00Abc/def+ghi=Secret!token";
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("carries neither the API token nor any encoding of it, in its message or its fields", async () => {
    server = await localServer((req, res) => {
      const header = String(req.headers.authorization);
      json(res, 400, {
        errorCode: "E0000001",
        errorSummary: `Bad header: ${header} (${encodeURIComponent(header)})`,
        errorCauses: [{ errorSummary: `token=${new URLSearchParams({ t: TOKEN }).toString().slice(2)}; ${Buffer.from(`x:${TOKEN}`).toString("base64")}` }],
      });
    });
    const client = new OktaManagementClient({ orgUrl: server.url, apiToken: TOKEN });
    const error = (await client.get("/api/v1/users/me").catch((e: unknown) => e)) as Error & { summary: string; causes: string[] };
    const everything = `${error.message}\n${error.summary}\n${error.causes.join("\n")}\n${JSON.stringify(error)}`;
    for (const spelling of [TOKEN, encodeURIComponent(TOKEN), new URLSearchParams({ t: TOKEN }).toString().slice(2), Buffer.from(TOKEN).toString("base64")]) {
      expect(everything).not.toContain(spelling);
    }
    expect(error.message).toMatch(/^Okta answered 400 E0000001: Bad header: SSWS \[redacted\]/);
  });
});

describe("Okta's error answers, said as Okta said them", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function errorFrom(answer: (res: ServerResponse) => void): Promise<OktaApiError> {
    server = await localServer((_req, res) => answer(res));
    const error = await new OktaManagementClient({ orgUrl: server.url, apiToken: "t0k" }).get("/api/v1/apps").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OktaApiError);
    return error as OktaApiError;
  }

  it("gives the code, the summary and every cause that says something, in Okta's order", async () => {
    const error = await errorFrom((res) =>
      json(res, 400, {
        errorCode: "E0000001",
        errorSummary: "Api validation failed: name",
        errorCauses: [{ errorSummary: "name: The field cannot be left blank" }, {}, null, { errorSummary: "" }, { errorSummary: "status: Unknown value" }],
      }),
    );
    expect(error.message).toBe("Okta answered 400 E0000001: Api validation failed: name (name: The field cannot be left blank; status: Unknown value)");
    expect(error.name).toBe("OktaApiError");
    expect([error.status, error.errorCode, error.summary, error.causes]).toEqual([
      400,
      "E0000001",
      "Api validation failed: name",
      ["name: The field cannot be left blank", "status: Unknown value"],
    ]);
  });

  it("falls back to the HTTP status text when the JSON names no error", async () => {
    const error = await errorFrom((res) => json(res, 503, {}));
    expect(error.message).toBe("Okta answered 503: Service Unavailable");
    expect(error.errorCode).toBeUndefined();
  });

  it.each([
    ["an HTML page", { "Content-Type": "text/html" }, "<html>502 Bad Gateway</html>", "Okta answered 502: unexpected text/html"],
    ["an untyped body", {}, "Bad Gateway", "Okta answered 502: unexpected response"],
  ])("says what came back when the error is %s, not JSON", async (_title, headers, body, message) => {
    const error = await errorFrom((res) => {
      res.writeHead(502, headers);
      res.end(body);
    });
    expect(error.message).toBe(message);
    expect(error.causes).toEqual([]);
  });
});

describe("what the client sends", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("asks for JSON, and declares JSON only when it sends a body", async () => {
    server = await localServer((req, res) => (req.method === "DELETE" ? (res.writeHead(204), res.end()) : json(res, 200, { id: "x" })));
    const client = new OktaManagementClient({ orgUrl: server.url, apiToken: "t0k" });
    expect(await client.get("/api/v1/apps/x")).toEqual({ id: "x" });
    expect(await client.post("/api/v1/apps/x/lifecycle/activate")).toEqual({ id: "x" });
    expect(await client.put("/api/v1/apps/x", { label: "Direct auth" })).toEqual({ id: "x" });
    expect(await client.delete("/api/v1/apps/x")).toBeUndefined();
    expect(server.received.map((r) => [r.method, r.headers.accept, r.headers["content-type"], r.body])).toEqual([
      ["GET", "application/json", undefined, ""],
      ["POST", "application/json", undefined, ""],
      ["PUT", "application/json", "application/json", '{"label":"Direct auth"}'],
      ["DELETE", "application/json", undefined, ""],
    ]);
  });

  it("sends an OAuth access token as a Bearer token", async () => {
    server = await localServer((_req, res) => json(res, 200, []));
    await new OktaManagementClient({ orgUrl: server.url, accessToken: "eyJ.access.token" }).get("/api/v1/authenticators");
    expect(server.received.map((r) => r.headers.authorization)).toEqual(["Bearer eyJ.access.token"]);
  });

  it.each([
    ["no credentials", {}],
    ["a service app's client id without its private key", { clientId: "0oaSvc" }],
  ])("sends nothing and says which credentials to set when given %s", async (_title, credentials) => {
    server = await localServer((_req, res) => json(res, 200, []));
    const client = new OktaManagementClient({ orgUrl: server.url, ...credentials });
    await expect(client.get("/api/v1/authenticators")).rejects.toThrow(
      "no Okta management credentials: set okta:apiToken (pulumi config set --secret okta:apiToken ...), or okta:clientId + okta:privateKey + okta:privateKeyId + okta:scopes, or the OKTA_API_TOKEN env variable",
    );
    expect(server.received).toEqual([]);
  });
});
