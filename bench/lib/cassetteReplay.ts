import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { startOktaEmulator } from "../../src/emulator";
import { fieldPresent } from "../../test/emulator/support/fieldPaths";

/**
 * Whole-cassette replay: every interaction of the Okta provider's acceptance-test recordings
 * (okta/terraform-provider-okta test/fixtures/vcr/idaas/<Test>/<org>.yaml, go-vcr v2) for the
 * resources the emulator serves, sent in order to a fresh emulated org per cassette. The ids a real
 * org gave are mapped to the ones the emulator gives as answers come back, so later requests name
 * the emulator's objects. Counts per resource: statuses reproduced and the recorded response's
 * field paths present in the emulator's answer. The cassettes are third-party data read from a
 * local copy (`--cassettes DIR`), never committed.
 *
 * Objects the recorded org had before the test (a test that names the org's default policy by its
 * id) are placed first, uncounted: see `seedPreexisting`.
 */

/** Issue 20's bar for the whole recordings, higher than the fixtures' because nothing is hand-picked out. */
export const CASSETTE_GOAL = { statuses: 0.98, fields: 0.95 };

export const CASSETTE_RESOURCES: { resource: string; tests: RegExp }[] = [
  { resource: "apps", tests: /Okta(App)?(Oauth|AppGroupAssignment)/ },
  { resource: "policies", tests: /Okta(AppSignOnPolicy|PolicySignOn|PolicyRuleSignon|MfaPolicy|DefaultPolicy|PolicyMfa)/ },
  { resource: "authenticators", tests: /OktaAuthenticator/ },
  { resource: "groups", tests: /OktaGroup(?!Rule|Schema|Owner|Role)/ },
  { resource: "users", tests: /OktaUser(?!Schema|Type|AdminRole|Factor)/ },
  { resource: "authorizationServers", tests: /Okta(AuthServer|AuthorizationServer)/ },
];

interface Interaction {
  request: { method: string; url: string; body?: string };
  response: { code: number; body?: string };
}

export interface CassetteTally {
  resource: string;
  cassettes: number;
  exchanges: number;
  statuses: { n: number; total: number };
  fields: { n: number; total: number };
  /** "METHOD /path/{id} recorded→answered" → how many times: what to work on next. */
  misses: Record<string, number>;
  /** The same keys → the cassette (test/org file) where each was first met, and what the emulator answered there. */
  firstMet: Record<string, string>;
}

const TOKEN = "cassette-replay-token";
const ID = /^[0-9a-zA-Z]{20}$/;
/** Field paths deeper than this are not counted: _links hints and the like say little. */
const MAX_DEPTH = 4;

function json(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `settings.oauthClient.grant_types`, `_links.logo[].href`: every key path of a recorded answer. */
export function fieldPathsOf(body: unknown, prefix = "", depth = 0, out = new Set<string>()): Set<string> {
  if (depth >= MAX_DEPTH) return out;
  if (Array.isArray(body)) {
    for (const item of body) fieldPathsOf(item, `${prefix}[]`, depth, out);
  } else if (body && typeof body === "object") {
    for (const [key, value] of Object.entries(body)) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.add(path);
      fieldPathsOf(value, path, depth + 1, out);
    }
  }
  return out;
}

/** Pairs the ids of a recorded answer with the emulator's: by `id`, list items by name, else by position. */
function learnIds(recorded: unknown, actual: unknown, ids: Map<string, string>): void {
  if (Array.isArray(recorded) && Array.isArray(actual)) {
    recorded.forEach((item, i) => {
      const name = nameOf(item);
      const twin = name === undefined ? actual[i] : actual.find((a) => nameOf(a) === name);
      learnIds(item, twin, ids);
    });
    return;
  }
  if (!isRecord(recorded) || !isRecord(actual)) return;
  const id = recorded.id;
  if (typeof id === "string" && ID.test(id) && typeof actual.id === "string" && !ids.has(id)) ids.set(id, actual.id);
  for (const key of ["_embedded", "credentials"]) learnIds(recorded[key], actual[key], ids);
}

function nameOf(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const profile = isRecord(value.profile) ? value.profile : {};
  const name = value.name ?? value.label ?? value.key ?? profile.name ?? profile.login;
  return typeof name === "string" ? `${value.type ?? ""}:${name}` : undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function mappedIds(text: string, ids: Map<string, string>): string {
  let out = text;
  for (const [from, to] of ids) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

function mapped(text: string, ids: Map<string, string>, orgUrl: string, recordedOrg: string): string {
  return mappedIds(text.split(recordedOrg).join(orgUrl), ids);
}

function send(emulator: { url: string }, method: string, target: string, body?: string): Promise<Response> {
  return fetch(`${emulator.url}${target}`, {
    method,
    headers: { accept: "application/json", authorization: `SSWS ${TOKEN}`, ...(body ? { "content-type": "application/json" } : {}) },
    body,
  });
}

const ID_IN_PATH = /(?<=\/)[0-9a-zA-Z]{20}(?=\/|$)/g;

/**
 * Ids a request names before any answer of the cassette gave them: objects the recorded org had
 * before the test. Each comes with the recorded answer that shows it (a later GET of it) and the
 * collection it lives in, when the cassette has one.
 */
export function preexistingObjects(interactions: Interaction[]): { id: string; collection: string; recorded: Record<string, unknown> }[] {
  const given = new Set<string>();
  const found: { id: string; collection: string; recorded: Record<string, unknown> }[] = [];
  const named = new Set<string>();
  for (const { request, response } of interactions) {
    const path = new URL(request.url).pathname;
    for (const id of path.match(ID_IN_PATH) ?? []) {
      if (given.has(id) || named.has(id)) continue;
      named.add(id);
      const shown = interactions.find((i) => i.request.method === "GET" && i.response.code === 200 && new URL(i.request.url).pathname.endsWith(`/${id}`));
      const recorded = json(shown?.response.body);
      if (shown && isRecord(recorded) && recorded.id === id) {
        found.push({ id, collection: new URL(shown.request.url).pathname.slice(0, -(id.length + 1)), recorded });
      } else if (path === `/api/v1/policies/${id}/rules` && typeof json(request.body) === "object") {
        // A policy seen only through the rules added to it: its rules' type is its type.
        const type = (json(request.body) as Record<string, unknown>).type;
        if (typeof type === "string") found.push({ id, collection: "/api/v1/policies", recorded: { id, type, name: `Recorded org's policy ${id}`, status: "ACTIVE" } });
      }
    }
    for (const id of response.body?.match(/[0-9a-zA-Z]{20}/g) ?? []) given.add(id);
  }
  return found;
}

/** Fields a collection's POST does not take: what the org sets itself. */
const SERVER_SET = ["id", "_links", "_embedded", "created", "lastUpdated", "system", "priority"];

/**
 * Places the recorded org's prior objects in the fresh org, uncounted: a built-in one is found by
 * type and name (the org's own "Default Policy"), anything else is created from its recorded body.
 * One that cannot be placed is left: its exchanges count as misses.
 */
async function seedPreexisting(emulator: { url: string }, interactions: Interaction[], ids: Map<string, string>): Promise<void> {
  for (const { id, collection, recorded } of preexistingObjects(interactions)) {
    const type = typeof recorded.type === "string" ? `?type=${encodeURIComponent(recorded.type)}` : "";
    const listed = json(await (await send(emulator, "GET", `${collection}${type}`)).text());
    const twin = Array.isArray(listed) ? listed.find((item) => nameOf(item) !== undefined && nameOf(item) === nameOf(recorded)) : undefined;
    if (isRecord(twin) && typeof twin.id === "string") {
      ids.set(id, twin.id);
      continue;
    }
    const body = Object.fromEntries(Object.entries(recorded).filter(([key]) => !SERVER_SET.includes(key)));
    const created = json(await (await send(emulator, "POST", collection, mappedIds(JSON.stringify(body), ids))).text());
    if (isRecord(created) && typeof created.id === "string") ids.set(id, created.id);
  }
}

async function replayCassette(file: string, tally: CassetteTally): Promise<void> {
  const cassette = parse(readFileSync(file, "utf8")) as { interactions?: Interaction[] };
  const interactions = cassette.interactions ?? [];
  if (interactions.length === 0) return;
  const emulator = await startOktaEmulator({ apiToken: TOKEN, rateLimits: "reported" });
  const ids = new Map<string, string>();
  const setAside = new Set<string>();
  try {
    await seedPreexisting(emulator, interactions, ids);
    for (const interaction of interactions) {
      if (isSamlApp(interaction, setAside)) continue;
      const recordedUrl = new URL(interaction.request.url);
      const recordedOrg = recordedUrl.origin;
      const target = mapped(`${recordedUrl.pathname}${recordedUrl.search}`, ids, emulator.url, recordedOrg);
      const body = interaction.request.body ? mapped(interaction.request.body, ids, emulator.url, recordedOrg) : undefined;
      const response = await send(emulator, interaction.request.method, target, body);
      const actual = json(await response.text());
      const recorded = json(interaction.response.body);
      tally.exchanges++;
      tally.statuses.total++;
      if (response.status === interaction.response.code) tally.statuses.n++;
      else {
        const key = `${interaction.request.method} ${recordedUrl.pathname.replace(/\/(?!authorizationServers)[0-9a-zA-Z]{20}(?=\/|$)/g, "/{id}")} ${interaction.response.code}→${response.status}`;
        tally.misses[key] = (tally.misses[key] ?? 0) + 1;
        tally.firstMet[key] ??= `${file.split("/").slice(-2).join("/")}: ${JSON.stringify(actual ?? null).slice(0, 200)}`;
      }
      if (interaction.response.code < 300 && recorded !== undefined) {
        for (const path of fieldPathsOf(recorded)) {
          tally.fields.total++;
          if (fieldPresent(actual, path)) tally.fields.n++;
        }
        learnIds(recorded, actual, ids);
      }
    }
  } finally {
    await emulator.close();
  }
}

/**
 * SAML apps are set aside (the emulator serves OIDC apps only): their creation, and every later
 * interaction that names one of them.
 */
function isSamlApp(interaction: Interaction, setAside: Set<string>): boolean {
  const { url, body } = interaction.request;
  if ([...setAside].some((id) => url.includes(id) || body?.includes(id))) return true;
  const saml = /"signOnMode":"SAML_(2_0|1_1)"/.test(body ?? "") || /"signOnMode":"SAML_(2_0|1_1)"/.test(interaction.response.body ?? "");
  if (!saml) return false;
  const id = (json(interaction.response.body) as { id?: unknown } | undefined)?.id;
  if (typeof id === "string") setAside.add(id);
  return true;
}

/** The cassettes under `dir` (the provider's test/fixtures/vcr, or its idaas folder) of each resource. */
export function cassettesOf(dir: string): { resource: string; files: string[] }[] {
  const root = readdirSync(dir).includes("idaas") ? join(dir, "idaas") : dir;
  const tests = readdirSync(root).filter((t) => statSync(join(root, t)).isDirectory() && !/Saml/i.test(t));
  return CASSETTE_RESOURCES.map(({ resource, tests: pattern }) => ({
    resource,
    files: tests
      .filter((t) => pattern.test(t))
      .flatMap((t) => readdirSync(join(root, t)).filter((f) => f.endsWith(".yaml")).map((f) => join(root, t, f))),
  }));
}

export async function replayCassettes(dir: string): Promise<CassetteTally[]> {
  const tallies: CassetteTally[] = [];
  for (const { resource, files } of cassettesOf(dir)) {
    const tally: CassetteTally = { resource, cassettes: files.length, exchanges: 0, statuses: { n: 0, total: 0 }, fields: { n: 0, total: 0 }, misses: {}, firstMet: {} };
    for (const file of files) await replayCassette(file, tally);
    tallies.push(tally);
  }
  return tallies;
}
