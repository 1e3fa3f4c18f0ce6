import { EDITIONS, Edition, RecordedRequest } from "../src/emulator";
import { bucketOf } from "../src/emulator/rateLimit";
import { evaluateStack } from "../src/evaluate/evaluateStack";
import { runOffline } from "../src/start/offlineRun";

/**
 * `npx tsx bench/rateLimitedSetup.ts [--editions a,b]`: npm start's job (the dev stack applied to a
 * fresh org through the management API, then the full smoke check) with the org held to each
 * edition's rate limits: how long the setup took, and the 429s the setup (the org-settings
 * resource's calls apart) and the smoke check absorbed. Target: every run passes.
 */

/** The org-settings dynamic resource's calls: authenticators and the enrollment policy. */
const ORG_SETTINGS_PATH = /^\/api\/v1\/(authenticators|policies)(\/|$)/;

interface Row {
  edition: Edition;
  passed: boolean;
  setupMs: number;
  smokeMs: number;
  setup429: Record<string, number>;
  orgSettings429: number;
  smoke429: number;
}

async function runEdition(edition: Edition, evaluation: Awaited<ReturnType<typeof evaluateStack>>): Promise<Row> {
  const setup429: Record<string, number> = {};
  let orgSettings429 = 0;
  let smoke429 = 0;
  let smokeStarted: number | undefined;
  const started = performance.now();
  const onAnswered = (r: RecordedRequest) => {
    if (r.status !== 429) return;
    if (smokeStarted !== undefined) smoke429++;
    else if (ORG_SETTINGS_PATH.test(r.path)) orgSettings429++;
    else setup429[bucketOf(r.method, r.path).name] = (setup429[bucketOf(r.method, r.path).name] ?? 0) + 1;
  };
  const report = await runOffline({
    evaluation,
    edition,
    onAnswered,
    onProgress: () => {
      smokeStarted ??= performance.now();
    },
  });
  const ended = performance.now();
  return {
    edition,
    passed: report.results.every((r) => r.status === "pass"),
    setupMs: (smokeStarted ?? ended) - started,
    smokeMs: ended - (smokeStarted ?? ended),
    setup429,
    orgSettings429,
    smoke429,
  };
}

async function main(): Promise<number> {
  const chosen = process.argv.indexOf("--editions");
  const editions = chosen > 0 ? (process.argv[chosen + 1].split(",") as Edition[]) : [...EDITIONS];
  const evaluation = await evaluateStack("dev");
  const rows: Row[] = [];
  for (const edition of editions) rows.push(await runEdition(edition, evaluation));
  process.stdout.write("| edition | setup | 429s in setup (by bucket) | 429s absorbed by org settings | smoke check | 429s absorbed by smoke check | result |\n|---|---|---|---|---|---|---|\n");
  for (const r of rows) {
    const buckets = Object.entries(r.setup429).map(([b, n]) => `${n} on ${b}`).join(", ") || "0";
    process.stdout.write(
      `| ${r.edition} | ${(r.setupMs / 1000).toFixed(1)} s | ${buckets} | ${r.orgSettings429} | ${(r.smokeMs / 1000).toFixed(1)} s | ${r.smoke429} | ${r.passed ? "pass" : "FAIL"} |\n`,
    );
  }
  return rows.every((r) => r.passed) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
