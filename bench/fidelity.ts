import {
  ExchangeResult,
  GOAL,
  ResourceTally,
  ScenarioResult,
  loadScenarios,
  meetsGoal,
  percent,
  replayAll,
  tally,
} from "../test/emulator/support/replay";
import { CASSETTE_GOAL, CassetteTally, replayCassettes } from "./lib/cassetteReplay";

/**
 * `npx tsx bench/fidelity.ts [--json] [--detail] [--strict] [--cassettes DIR]`: replays the exchanges recorded from
 * real Okta orgs (test/emulator/recordings/) against the emulator and prints, per resource, the
 * share of statuses it reproduces and of response fields it returns. `--detail` lists every
 * exchange that differs; `--strict` exits 1 while a resource is below the goal (the table alone
 * exits 0, since resources the emulator does not serve yet are expected to be below it).
 */

const args = new Set(process.argv.slice(2));

const share = (s: { n: number; total: number }) => `${s.n}/${s.total} (${percent(s).toFixed(1)}%)`;

function table(tallies: ResourceTally[]): string {
  const head = "| resource | scenarios | exchanges | statuses | fields | values | headers | goal |\n" + "|---".repeat(8) + "|\n";
  const row = (t: ResourceTally) =>
    [t.resource, t.scenarios, t.exchanges, share(t.statuses), share(t.fields), share(t.values), share(t.headers)]
      .concat(meetsGoal(t) ? "met" : "below")
      .join(" | ");
  return head + tallies.map((t) => `| ${row(t)} |\n`).join("");
}

function differences(e: ExchangeResult): string[] {
  if (e.unbound.length > 0) return [`not sent: ${e.unbound.map((s) => `{${s}}`).join(", ")} unbound`];
  const out: string[] = [];
  if (!e.statusMatched) out.push(`status ${e.status} (Okta ${e.expectedStatus})${e.errorCode ? ` ${e.errorCode}` : ""}`);
  if (e.missingFields.length > 0) {
    const shown = e.missingFields.slice(0, 8).join(", ") + (e.missingFields.length > 8 ? ", …" : "");
    out.push(`missing ${e.missingFields.length}/${e.fieldsTotal} fields: ${shown}`);
  }
  for (const w of e.wrongValues) out.push(`${w.path}: ${JSON.stringify(w.actual)} (Okta ${JSON.stringify(w.expected)})`);
  if (e.missingHeaders.length > 0) out.push(`missing headers: ${e.missingHeaders.join(", ")}`);
  return out;
}

function detail(results: ScenarioResult[]): string {
  return results
    .map((r) => {
      const lines = r.exchanges.flatMap((e, i) => {
        const diff = differences(e);
        return diff.length === 0 ? [] : [`  ${i + 1}. ${e.method} ${e.path}: ${diff.join("; ")}`];
      });
      return `${r.scenario} (${r.resource})${lines.length === 0 ? ": all reproduced" : `\n${lines.join("\n")}`}`;
    })
    .join("\n");
}

function cassetteTable(tallies: CassetteTally[]): string {
  const total = (pick: (t: CassetteTally) => { n: number; total: number }) =>
    tallies.reduce((sum, t) => ({ n: sum.n + pick(t).n, total: sum.total + pick(t).total }), { n: 0, total: 0 });
  const row = (name: string, cassettes: number, exchanges: number, statuses: { n: number; total: number }, fields: { n: number; total: number }) =>
    `| ${name} | ${cassettes} | ${exchanges} | ${share(statuses)} | ${share(fields)} | ${percent(statuses) >= CASSETTE_GOAL.statuses * 100 && percent(fields) >= CASSETTE_GOAL.fields * 100 ? "met" : "below"} |\n`;
  return (
    "| resource | cassettes | exchanges | statuses | fields | goal |\n" +
    "|---".repeat(6) +
    "|\n" +
    tallies.map((t) => row(t.resource, t.cassettes, t.exchanges, t.statuses, t.fields)).join("") +
    row("all", tallies.reduce((n, t) => n + t.cassettes, 0), tallies.reduce((n, t) => n + t.exchanges, 0), total((t) => t.statuses), total((t) => t.fields))
  );
}

/** `--cassettes DIR`: the provider's whole recordings, read from a local copy of its test/fixtures/vcr. */
function cassettesDir(): string | undefined {
  const argv = process.argv.slice(2);
  const at = argv.indexOf("--cassettes");
  if (at === -1) return undefined;
  const dir = argv[at + 1];
  if (!dir) throw new Error("--cassettes needs a directory: a local copy of okta/terraform-provider-okta test/fixtures/vcr");
  return dir;
}

async function main(): Promise<void> {
  const dir = cassettesDir();
  const results = await replayAll(loadScenarios());
  const tallies = tally(results);
  const cassettes = dir === undefined ? undefined : await replayCassettes(dir);
  if (args.has("--json")) {
    process.stdout.write(`${JSON.stringify({ goal: GOAL, resources: tallies, scenarios: results, cassetteGoal: CASSETTE_GOAL, cassettes }, null, 2)}\n`);
  } else {
    const goal = `statuses >= ${GOAL.statuses * 100}%, fields >= ${GOAL.fields * 100}%`;
    process.stdout.write(`Emulator fidelity against recorded Okta exchanges (goal: ${goal})\n\n`);
    process.stdout.write(table(tallies));
    if (cassettes) {
      const bar = `statuses >= ${CASSETTE_GOAL.statuses * 100}%, fields >= ${CASSETTE_GOAL.fields * 100}%`;
      process.stdout.write(`\nWhole cassettes (every interaction of the provider's recordings in ${dir}, SAML apps aside; goal: ${bar})\n\n`);
      process.stdout.write(cassetteTable(cassettes));
      if (args.has("--detail")) {
        const misses = cassettes.flatMap((t) => Object.entries(t.misses).map(([what, n]) => `${n}\t${t.resource}\t${what}\n\t\tfirst in ${t.firstMet[what]}`));
        process.stdout.write(`\nStatuses not reproduced, most frequent first:\n${misses.sort((a, b) => parseInt(b) - parseInt(a)).join("\n")}\n`);
      }
    }
    if (args.has("--detail")) process.stdout.write(`\n${detail(results)}\n`);
  }
  if (args.has("--strict") && !tallies.every(meetsGoal)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
