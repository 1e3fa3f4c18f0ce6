import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { OktaManagementClient, pkcs8Pem } from "../../src/orgSettings/managementClient";
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
