import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { emulatedOrgs } from "../helpers/orgs";

/**
 * docs/okta-emulator.md lists the calls the Okta provider makes for each resource the program
 * declares (read from terraform-provider-okta v6.12.0). Each must reach a route of the emulator:
 * an unknown path (404 "... (Path)") or method (405) would fail `pulumi up` as /users/me once did.
 */
const CONTRACT = readFileSync(join(__dirname, "..", "..", "docs", "okta-emulator.md"), "utf8");
const SECTION = CONTRACT.slice(CONTRACT.indexOf("## What the Okta provider calls"), CONTRACT.indexOf("## Baseline org"));
const CALLS = [...new Set([...SECTION.matchAll(/`(GET|POST|PUT|DELETE) (\/[^`\s]*)/g)].map(([, method, path]) => `${method} ${path}`))];
const API_TOKEN = "provider-calls-token";

const start = emulatedOrgs();
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await start({ apiToken: API_TOKEN });
});
describe("the provider's calls in the contract", () => {
  it("are listed: configure, every resource and data source", () => {
    expect(CALLS).toContain("GET /api/v1/users/me");
    expect(CALLS.length).toBeGreaterThan(30);
  });

  it.each(CALLS)("%s reaches a route", async (call) => {
    const [method, template] = call.split(" ");
    const path = template.replaceAll("{id}", "00xNotAnOktaId0000001").replaceAll("{login}", "nobody%40example.com");
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { authorization: `SSWS ${API_TOKEN}`, accept: "application/json", "content-type": "application/json" },
      body: method === "GET" || method === "DELETE" ? undefined : "{}",
    });
    const body = (await response.json().catch(() => ({}))) as { errorSummary?: string };
    expect(response.status, `${call}: ${body.errorSummary}`).not.toBe(405);
    expect(body.errorSummary ?? "", call).not.toMatch(/\(Path\)$/);
    if (call === "GET /api/v1/users/me") expect(response.status).toBe(200);
  });
});
