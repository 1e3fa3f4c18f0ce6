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

/**
 * `npx tsx bench/fidelity.ts [--json] [--detail] [--strict]`: replays the exchanges recorded from
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

async function main(): Promise<void> {
  const results = await replayAll(loadScenarios());
  const tallies = tally(results);
  if (args.has("--json")) {
    process.stdout.write(`${JSON.stringify({ goal: GOAL, resources: tallies, scenarios: results }, null, 2)}\n`);
  } else {
    const goal = `statuses >= ${GOAL.statuses * 100}%, fields >= ${GOAL.fields * 100}%`;
    process.stdout.write(`Emulator fidelity against recorded Okta exchanges (goal: ${goal})\n\n`);
    process.stdout.write(table(tallies));
    if (args.has("--detail")) process.stdout.write(`\n${detail(results)}\n`);
  }
  if (args.has("--strict") && !tallies.every(meetsGoal)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
