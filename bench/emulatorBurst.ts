import { startOktaEmulator } from "../src/emulator";
import { evaluateStack } from "../src/evaluate/evaluateStack";

/**
 * How the emulator holds a burst of concurrent management requests, as a provider run with
 * parallelism or several scripts at once send: every request answered (no reset connection), only
 * Okta's statuses, and the latency a client sees.
 */
const BURST = 200;
const P95_TARGET_MS = 1_000;
const API_TOKEN = "bench-burst-token";

async function main(): Promise<number> {
  const evaluation = await evaluateStack("dev");
  // Limits reported, not enforced: this measures the emulator's own capacity, not an edition's (rateLimitedSetup.ts does).
  const emulator = await startOktaEmulator({ evaluation, apiToken: API_TOKEN, recordRequests: false, rateLimits: "reported" });
  const headers = { authorization: `SSWS ${API_TOKEN}`, accept: "application/json", "content-type": "application/json" };
  const requests: { method: string; path: string; body?: unknown }[] = Array.from({ length: BURST }, (_, i) => {
    switch (i % 4) {
      case 0:
        return { method: "GET", path: "/api/v1/authenticators" };
      case 1:
        return { method: "GET", path: "/api/v1/policies?type=MFA_ENROLL" };
      case 2:
        return { method: "POST", path: "/api/v1/groups", body: { profile: { name: `burst group ${i}`, description: "bench" } } };
      default:
        return { method: "GET", path: `/api/v1/users/${encodeURIComponent(emulator.testUser.login)}` };
    }
  });

  const started = performance.now();
  const outcomes = await Promise.all(
    requests.map(async (request) => {
      const sent = performance.now();
      try {
        const response = await fetch(`${emulator.url}${request.path}`, {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
        await response.arrayBuffer();
        return { status: String(response.status), ms: performance.now() - sent, limited: response.headers.has("x-rate-limit-remaining") };
      } catch (error) {
        return { status: `error ${(error as Error).cause ?? (error as Error).message}`, ms: performance.now() - sent, limited: false };
      }
    }),
  );
  const total = performance.now() - started;
  await emulator.close();

  const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const statuses = new Map<string, number>();
  for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
  const failed = outcomes.filter((o) => o.status.startsWith("error") || o.status.startsWith("5")).length;
  const withHeaders = outcomes.filter((o) => o.limited).length;

  process.stdout.write(`| burst | statuses | p50 | p95 | max | total | rate-limit headers |\n|---|---|---|---|---|---|---|\n`);
  process.stdout.write(
    `| ${BURST} concurrent | ${[...statuses].map(([s, n]) => `${s}: ${n}`).join(", ")} | ${at(0.5).toFixed(0)} ms | ` +
      `${at(0.95).toFixed(0)} ms | ${latencies[latencies.length - 1].toFixed(0)} ms | ${total.toFixed(0)} ms | ${withHeaders}/${BURST} |\n`,
  );
  const ok = failed === 0 && at(0.95) < P95_TARGET_MS;
  process.stdout.write(`target: no dropped or 5xx answer, p95 < ${P95_TARGET_MS} ms: ${ok ? "met" : "MISSED"}\n`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code));
