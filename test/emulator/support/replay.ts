import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { startOktaEmulator } from "../../../src/emulator";
import { Evaluation } from "../../../src/evaluate/evaluateProgram";
import { fieldPresent, parsePath, valueMatches, valuesAt } from "./fieldPaths";

/**
 * Replays the exchanges recorded from real Okta orgs (test/emulator/recordings/, one scenario a
 * file) against a target and measures, per exchange, whether the status and the response fields
 * Okta answered are reproduced. `{name}` in a path, request body or expected value stands for an
 * id an earlier answer gave (`bind`); `{org}` is the target's org URL.
 */

export const RESOURCES = ["apps", "policies", "groups", "users", "authorizationServers", "authenticators", "mfaEnroll"] as const;
export type Resource = (typeof RESOURCES)[number];

const exchangeSchema = z.strictObject({
  method: z.enum(["GET", "POST", "PUT", "DELETE"]),
  path: z.string().startsWith("/"),
  requestBody: z.unknown().optional(),
  status: z.number().int(),
  /** symbol → path in the answer whose value later exchanges use as `{symbol}` */
  bind: z.record(z.string(), z.string()).optional(),
  responseFields: z.array(z.string()),
  responseExpect: z.record(z.string(), z.unknown()).optional(),
  /** response header names Okta sent that the recording keeps (go-vcr keeps only some) */
  responseHeaders: z.array(z.string()).optional(),
  note: z.string().optional(),
});

export const scenarioSchema = z.strictObject({
  scenario: z.string(),
  resource: z.enum(RESOURCES),
  /** the cassette and interactions the exchanges were read from */
  source: z.string(),
  description: z.string(),
  exchanges: z.array(exchangeSchema).min(1),
});

export type Exchange = z.infer<typeof exchangeSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;

export const RECORDINGS_DIR = join(__dirname, "..", "recordings");

export function loadScenarios(dir = RECORDINGS_DIR): Scenario[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed = scenarioSchema.safeParse(JSON.parse(readFileSync(join(dir, file), "utf8")));
      if (!parsed.success) throw new Error(`recording ${file} is not a scenario: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export type Send = (method: string, path: string, body: unknown) => Promise<Answer>;

export interface ExchangeResult {
  method: string;
  /** the path as recorded, symbols unresolved, so results compare across runs */
  path: string;
  expectedStatus: number;
  /** undefined when the exchange could not be sent (a symbol it needs was never bound) */
  status?: number;
  statusMatched: boolean;
  fieldsTotal: number;
  missingFields: string[];
  valuesTotal: number;
  wrongValues: { path: string; expected: unknown; actual: unknown }[];
  headersTotal: number;
  missingHeaders: string[];
  unbound: string[];
  /** the answer's error code when it was an Okta error and the recording expected none or another */
  errorCode?: string;
}

export interface ScenarioResult {
  scenario: string;
  resource: Resource;
  exchanges: ExchangeResult[];
}

const SYMBOL = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

export function symbolsIn(value: unknown): string[] {
  return [...JSON.stringify(value ?? null).matchAll(SYMBOL)].map(([, name]) => name);
}

function substitute<T>(value: T, bound: Map<string, string>): T {
  if (typeof value === "string") return value.replace(SYMBOL, (whole, name: string) => bound.get(name) ?? whole) as T;
  if (Array.isArray(value)) return value.map((item) => substitute(item, bound)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, bound)])) as T;
  }
  return value;
}

export async function replayScenario(scenario: Scenario, send: Send, orgUrl: string): Promise<ScenarioResult> {
  const bound = new Map([["org", orgUrl]]);
  const exchanges: ExchangeResult[] = [];
  for (const exchange of scenario.exchanges) {
    const unbound = [...new Set(symbolsIn([exchange.path, exchange.requestBody]).filter((name) => !bound.has(name)))];
    const answer =
      unbound.length > 0
        ? undefined
        : await send(exchange.method, substitute(exchange.path, bound), substitute(exchange.requestBody, bound));
    // Bound before judging, so an expectation may name the id its own answer gave (`{org}/.../{app1}`).
    for (const [name, path] of Object.entries(exchange.bind ?? {})) {
      const value = answer && valuesAt(answer.body, path)[0];
      if (typeof value === "string") bound.set(name, value);
    }
    exchanges.push(judge(exchange, answer, bound, unbound));
  }
  return { scenario: scenario.scenario, resource: scenario.resource, exchanges };
}

function judge(
  exchange: Exchange,
  answer: Answer | undefined,
  bound: Map<string, string>,
  unbound: string[],
): ExchangeResult {
  const body = answer?.body;
  const expectations = Object.entries(exchange.responseExpect ?? {}).map(
    ([path, expected]) => [path, substitute(expected, bound)] as const,
  );
  const headers = exchange.responseHeaders ?? [];
  const errorCode = isOktaError(body) && body.errorCode !== exchange.responseExpect?.errorCode ? body.errorCode : undefined;
  return {
    method: exchange.method,
    path: exchange.path,
    expectedStatus: exchange.status,
    status: answer?.status,
    statusMatched: answer?.status === exchange.status,
    fieldsTotal: exchange.responseFields.length,
    missingFields: exchange.responseFields.filter((path) => !fieldPresent(body, path)),
    valuesTotal: expectations.length,
    wrongValues: expectations
      .filter(([path, expected]) => !valueMatches(body, path, expected))
      .map(([path, expected]) => ({ path, expected, actual: actualAt(body, path) })),
    headersTotal: headers.length,
    missingHeaders: headers.filter((name) => !answer?.headers.has(name)),
    unbound,
    ...(errorCode !== undefined && { errorCode }),
  };
}

function actualAt(body: unknown, path: string): unknown {
  const values = valuesAt(body, path);
  return parsePath(path).some((step) => "every" in step) ? values : values[0];
}

function isOktaError(body: unknown): body is { errorCode: string } {
  return typeof body === "object" && body !== null && typeof (body as { errorCode?: unknown }).errorCode === "string";
}

export interface Share {
  n: number;
  total: number;
}

export interface ResourceTally {
  resource: Resource;
  scenarios: number;
  exchanges: number;
  statuses: Share;
  fields: Share;
  values: Share;
  headers: Share;
}

export const GOAL = { statuses: 0.95, fields: 0.9 } as const;

export const percent = (share: Share): number => (share.total === 0 ? 100 : (100 * share.n) / share.total);

export function meetsGoal(tally: ResourceTally): boolean {
  return percent(tally.statuses) >= GOAL.statuses * 100 && percent(tally.fields) >= GOAL.fields * 100;
}

export function tally(results: ScenarioResult[]): ResourceTally[] {
  return RESOURCES.filter((resource) => results.some((r) => r.resource === resource)).map((resource) => {
    const mine = results.filter((r) => r.resource === resource);
    const exchanges = mine.flatMap((r) => r.exchanges);
    const share = (n: (e: ExchangeResult) => number, total: (e: ExchangeResult) => number): Share => ({
      n: exchanges.reduce((sum, e) => sum + n(e), 0),
      total: exchanges.reduce((sum, e) => sum + total(e), 0),
    });
    return {
      resource,
      scenarios: mine.length,
      exchanges: exchanges.length,
      statuses: share((e) => Number(e.statusMatched), () => 1),
      fields: share((e) => e.fieldsTotal - e.missingFields.length, (e) => e.fieldsTotal),
      values: share((e) => e.valuesTotal - e.wrongValues.length, (e) => e.valuesTotal),
      headers: share((e) => e.headersTotal - e.missingHeaders.length, (e) => e.headersTotal),
    };
  });
}

const API_TOKEN = "fidelity-replay-token";

/**
 * An emulated org as bare as the recorded orgs' starting point allows: the default baseline, no
 * declared setup, and only the admin user the emulator needs to exist.
 */
const BARE_ORG: Evaluation = {
  stack: "fidelity",
  resources: [],
  invokes: [],
  outputs: { testUserLogin: "fidelity-admin@example.com" },
  secretOutputs: new Map(),
};

export interface ReplayTarget {
  url: string;
  send: Send;
  close(): Promise<void>;
}

/** A fresh emulator on a loopback ephemeral port, called as the provider calls Okta (SSWS token, JSON). */
export async function emulatorTarget(): Promise<ReplayTarget> {
  const emulator = await startOktaEmulator({ evaluation: BARE_ORG, apiToken: API_TOKEN });
  const send: Send = async (method, path, body) => {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: {
        accept: "application/json",
        authorization: `SSWS ${API_TOKEN}`,
        ...(body !== undefined && { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = (response.headers.get("content-type") ?? "").startsWith("application/json") && text !== "";
    return { status: response.status, headers: response.headers, body: json ? JSON.parse(text) : undefined };
  };
  return { url: emulator.url, send, close: () => emulator.close() };
}

/** Every scenario on an org of its own, as each recorded test ran on its own. */
export async function replayAll(
  scenarios: Scenario[],
  target: () => Promise<ReplayTarget> = emulatorTarget,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const org = await target();
    try {
      results.push(await replayScenario(scenario, org.send, org.url));
    } finally {
      await org.close();
    }
  }
  return results;
}
