import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunningEmulator, startOktaEmulator } from "../../src/emulator";
import { provisionSetup } from "../../src/provision/provisionSetup";
import { evaluateStack } from "../../src/evaluate/evaluateStack";
import { devEvaluation } from "../helpers/devStack";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";

const TOKEN = "bodies-token";
const ROOT = join(__dirname, "..", "..");

/** A management client that keeps every request body it sends. */
class RecordingClient extends OktaManagementClient {
  readonly sent: { method: string; path: string; body: unknown }[] = [];
  post<T>(path: string, body?: unknown): Promise<T> {
    this.sent.push({ method: "POST", path, body });
    return super.post<T>(path, body);
  }
  put<T>(path: string, body: unknown): Promise<T> {
    this.sent.push({ method: "PUT", path, body });
    return super.put<T>(path, body);
  }
}

type Body = Record<string, unknown>;

/** The request body the Okta provider sent, as recorded from a real org (test/emulator/recordings/). */
function recordedBody(file: string, method: string, pathPattern: RegExp, match: (body: Body) => boolean = () => true): Body {
  const scenario = JSON.parse(readFileSync(join(__dirname, "..", "emulator", "recordings", file), "utf8")) as {
    exchanges: { method: string; path: string; requestBody?: Body }[];
  };
  const exchange = scenario.exchanges.find((e) => e.method === method && pathPattern.test(e.path) && e.requestBody && match(e.requestBody));
  if (!exchange?.requestBody) throw new Error(`no ${method} ${pathPattern} in ${file}`);
  return exchange.requestBody;
}

/** Every key path down through objects (a list is a leaf: its items are data, not shape). */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return prefix ? [prefix] : [];
  const entries = Object.entries(value as Body);
  if (entries.length === 0) return prefix ? [prefix] : [];
  return entries.flatMap(([key, v]) => keyPaths(v, prefix ? `${prefix}.${key}` : key));
}

let emulator: RunningEmulator;
let sent: RecordingClient["sent"];

beforeAll(async () => {
  // dev's eight apps outrun the free edition's 20 app calls a minute; the bodies are what this judges.
  emulator = await startOktaEmulator({ apiToken: TOKEN, rateLimits: "reported" });
  const client = new RecordingClient({ orgUrl: emulator.url, apiToken: TOKEN });
  // dev has every kind of object the org-AS stacks declare; prod adds a custom server's policy.
  await provisionSetup(await devEvaluation(), { orgUrl: emulator.url, apiToken: TOKEN }, { client });
  const prodOrg = await startOktaEmulator({ apiToken: TOKEN });
  const prodClient = new RecordingClient({ orgUrl: prodOrg.url, apiToken: TOKEN });
  await provisionSetup(await evaluateStack("prod", ROOT), { orgUrl: prodOrg.url, apiToken: TOKEN }, { client: prodClient });
  await prodOrg.close();
  sent = [...client.sent, ...prodClient.sent];
}, 60_000);

afterAll(async () => {
  await emulator.close();
});

function ours(method: string, pathPattern: RegExp, match: (body: Body) => boolean = () => true): Body {
  const request = sent.find((r) => r.method === method && pathPattern.test(r.path) && r.body && match(r.body as Body));
  if (!request) throw new Error(`provisioning sent no ${method} ${pathPattern}`);
  return request.body as Body;
}

const ofType = (type: string) => (body: Body) => body.type === type;

describe("the emulator's --setup sends what the Okta provider sends (recorded from real orgs)", () => {
  it.each([
    ["a native OIDC app", "app-group-assignment.json", "POST", /^\/api\/v1\/apps\?activate=true$/, undefined],
    ["an app sign-in policy", "app-signon-policy-rule.json", "POST", /^\/api\/v1\/policies$/, ofType("ACCESS_POLICY")],
    ["an app sign-in policy rule", "app-signon-policy-rule.json", "POST", /^\/api\/v1\/policies\/[^/]+\/rules$/, ofType("ACCESS_POLICY")],
    ["a global session policy", "signon-policy-rule.json", "POST", /^\/api\/v1\/policies$/, ofType("OKTA_SIGN_ON")],
    ["a global session policy rule", "signon-policy-rule.json", "POST", /^\/api\/v1\/policies\/[^/]+\/rules$/, ofType("SIGN_ON")],
    ["a group", "group-crud.json", "POST", /^\/api\/v1\/groups$/, undefined],
    ["an authorization server policy", "auth-server-policy-rule.json", "POST", /^\/api\/v1\/authorizationServers\/[^/]+\/policies$/, undefined],
    ["an authorization server policy rule", "auth-server-policy-rule.json", "POST", /^\/api\/v1\/authorizationServers\/[^/]+\/policies\/[^/]+\/rules$/, undefined],
  ] as const)("%s: every field the provider sends, defaults included", (_what, file, method, pattern, match) => {
    const recorded = recordedBody(file, method, pattern, match);
    const sentPaths = keyPaths(ours(method, pattern, match));
    // An object the provider sent empty (`scopes: {}`) is covered by one we send with content.
    const missing = keyPaths(recorded).filter((p) => !sentPaths.some((q) => q === p || q.startsWith(`${p}.`)));
    expect(missing).toEqual([]);
  });

  it("with the provider's default values where the program leaves a field out", () => {
    const app = ours("POST", /^\/api\/v1\/apps\?activate=true$/);
    expect(app).toMatchObject({ visibility: { hide: { iOS: true, web: true } }, credentials: { userNameTemplate: { template: "${source.login}", type: "BUILT_IN" } } });
    // The recorded rule leaves these to the schema's defaults too, so its values are the provider's.
    const recordedRule = recordedBody("signon-policy-rule.json", "POST", /\/rules$/, ofType("SIGN_ON"));
    const sessionRule = ours("POST", /^\/api\/v1\/policies\/[^/]+\/rules$/, ofType("SIGN_ON"));
    expect(sessionRule).toMatchObject({ conditions: recordedRule.conditions as Body, actions: { signon: { session: (recordedRule.actions as { signon: { session: Body } }).signon.session } } });
  });
});
