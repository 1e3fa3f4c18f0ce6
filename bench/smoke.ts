import { VariantId } from "../src/catalogue/variants";
import { startOktaEmulator } from "../src/emulator";
import { evaluateStack } from "../src/evaluate/evaluateStack";
import { outboxCodeSource, runSmoke } from "../src/smoke";
import { stackOutputsSchema, targetsFromStack } from "../src/smoke/stackOutputs";
import { PROTOCOL_MINIMUM } from "../src/smoke/protocolMinimum";

/**
 * `npx tsx bench/smoke.ts`: runs the smoke check for every variant of Pulumi.dev.yaml against the
 * emulator and compares the requests each variant made with the protocol minimum
 * (docs/direct-auth-reference.md#flows), plus
 * discovery and JWKS once per run. Exits 1 if anything made an extra request or did not pass.
 */

const PUSH = { outcome: "approve", afterPolls: 2, bindingMethod: "none" } as const;
const POLL_INTERVAL_SECONDS = 1;

export interface BenchRow {
  variant: string;
  status: string;
  minimum: number;
  /** As the smoke check counted them. */
  client: number;
  /** As the emulator logged them. */
  server: number;
  extra: number;
  ms: number;
}

export interface BenchResult {
  rows: BenchRow[];
  shared: { minimum: number; actual: number; extra: number };
  ms: number;
}

export async function benchSmoke(): Promise<BenchResult> {
  const evaluation = await evaluateStack("dev");
  const emulator = await startOktaEmulator({ evaluation, pollIntervalSeconds: POLL_INTERVAL_SECONDS, push: PUSH });
  try {
    const targets = targetsFromStack(stackOutputsSchema.parse({ ...evaluation.outputs, testUserPassword: undefined }), "dev");
    // Where each variant's requests start in the emulator's log: its first progress line comes before its first request.
    const startOf = new Map<string, number>();
    const started = Date.now();
    const report = await runSmoke({
      issuer: emulator.issuer(),
      targets,
      username: emulator.testUser.login,
      password: emulator.testUser.password,
      totpSecret: emulator.testUser.totpSecret,
      codeSource: outboxCodeSource(emulator.outboxUrl),
      onProgress: (event) => {
        if (!startOf.has(event.variant)) startOf.set(event.variant, emulator.requests.length);
      },
    });
    const okta = (from: number, to: number) =>
      emulator.requests.slice(from, to).filter((r) => !r.path.startsWith("/__emulator/") && r.method === "POST");
    const rows = report.results.map((result, i): BenchRow => {
      const from = startOf.get(result.variant) ?? emulator.requests.length;
      const next = report.results[i + 1];
      const logged = okta(from, (next && startOf.get(next.variant)) ?? emulator.requests.length);
      const pending = logged.filter((r) => r.path.endsWith("/token") && r.status === 400).length;
      const minimum = PROTOCOL_MINIMUM[result.variant as VariantId](pending);
      return {
        variant: result.variant,
        status: result.status,
        minimum,
        client: result.requests,
        server: logged.length,
        extra: Math.max(result.requests, logged.length) - minimum,
        ms: result.ms,
      };
    });
    const sharedActual = emulator.requests.filter(
      (r) => r.method === "GET" && (r.path.endsWith("/openid-configuration") || r.path.endsWith("/keys")),
    ).length;
    return { rows, shared: { minimum: 2, actual: sharedActual, extra: sharedActual - 2 }, ms: Date.now() - started };
  } finally {
    await emulator.close();
  }
}

export function renderBench(result: BenchResult): string {
  const header = ["variant", "status", "minimum", "client", "server", "extra", "time"];
  const rows = [
    ...result.rows.map((r) => [r.variant, r.status, r.minimum, r.client, r.server, r.extra, `${r.ms} ms`].map(String)),
    ["discovery + JWKS (run)", "", "2", String(result.shared.actual), String(result.shared.actual), String(result.shared.extra), ""],
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const extra = result.rows.reduce((sum, r) => sum + r.extra, result.shared.extra);
  return [
    `Smoke check requests vs protocol minimum (emulator: push approved after ${PUSH.afterPolls} pending polls, interval ${POLL_INTERVAL_SECONDS} s)`,
    "",
    line(header),
    ...rows.map(line),
    "",
    `extra requests: ${extra}; run time ${(result.ms / 1000).toFixed(1)} s (includes any wait for a fresh TOTP window: Okta accepts each code once)`,
  ].join("\n");
}

export function benchFailed(result: BenchResult): boolean {
  return result.shared.extra !== 0 || result.rows.some((r) => r.extra !== 0 || r.client !== r.server || r.status !== "pass");
}

if (require.main === module) {
  benchSmoke().then(
    (result) => {
      process.stdout.write(`${renderBench(result)}\n`);
      process.exitCode = benchFailed(result) ? 1 : 0;
    },
    (error: unknown) => {
      process.stderr.write(`bench failed: ${(error as Error)?.message ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
