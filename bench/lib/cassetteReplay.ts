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
 */

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

function mapped(text: string, ids: Map<string, string>, orgUrl: string, recordedOrg: string): string {
  let out = text.split(recordedOrg).join(orgUrl);
  for (const [from, to] of ids) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

async function replayCassette(file: string, tally: CassetteTally): Promise<void> {
  const cassette = parse(readFileSync(file, "utf8")) as { interactions?: Interaction[] };
  const interactions = cassette.interactions ?? [];
  if (interactions.length === 0) return;
  const emulator = await startOktaEmulator({ apiToken: TOKEN, rateLimits: "reported" });
  const ids = new Map<string, string>();
  const setAside = new Set<string>();
  try {
    for (const interaction of interactions) {
      if (isSamlApp(interaction, setAside)) continue;
      const recordedUrl = new URL(interaction.request.url);
      const recordedOrg = recordedUrl.origin;
      const target = mapped(`${recordedUrl.pathname}${recordedUrl.search}`, ids, emulator.url, recordedOrg);
      const body = interaction.request.body ? mapped(interaction.request.body, ids, emulator.url, recordedOrg) : undefined;
      const response = await fetch(`${emulator.url}${target}`, {
        method: interaction.request.method,
        headers: { accept: "application/json", authorization: `SSWS ${TOKEN}`, ...(body ? { "content-type": "application/json" } : {}) },
        body,
      });
      const actual = json(await response.text());
      const recorded = json(interaction.response.body);
      tally.exchanges++;
      tally.statuses.total++;
      if (response.status === interaction.response.code) tally.statuses.n++;
      else {
        const key = `${interaction.request.method} ${recordedUrl.pathname.replace(/\/(?!authorizationServers)[0-9a-zA-Z]{20}(?=\/|$)/g, "/{id}")} ${interaction.response.code}→${response.status}`;
        tally.misses[key] = (tally.misses[key] ?? 0) + 1;
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
    const tally: CassetteTally = { resource, cassettes: files.length, exchanges: 0, statuses: { n: 0, total: 0 }, fields: { n: 0, total: 0 }, misses: {} };
    for (const file of files) await replayCassette(file, tally);
    tallies.push(tally);
  }
  return tallies;
}
