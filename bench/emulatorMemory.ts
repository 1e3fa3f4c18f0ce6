import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { GRANT } from "../src/catalogue/grants";
import { startOktaEmulator } from "../src/emulator";
import { evaluateStack } from "../src/evaluate/evaluateStack";

/**
 * Whether the emulator's memory stays bounded under a flood: 30k primary-authenticate calls (each
 * opens an out-of-band transaction and sends a code) and 30k requests to made-up paths (each a
 * rate-limit family of its own). Transactions, buckets, nonces and jtis must lapse or be capped,
 * so the heap after the flood stays within a fixed margin of the heap before it.
 */
const REQUESTS = 30_000;
const CONCURRENCY = 50;
const GROWTH_TARGET_MB = 16;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function flood(send: (i: number) => Promise<Response>): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const response = await send(next++);
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

async function main(): Promise<number> {
  // Limits reported, not enforced: a 429 stores nothing, so enforced limits would measure only the refusals.
  const emulator = await startOktaEmulator({ evaluation: await evaluateStack("dev"), recordRequests: false, rateLimits: "reported" });
  const app = emulator.org.apps.find((a) => a.grantTypes.includes(GRANT.oob))!;
  const discovery = (await (await fetch(`${emulator.issuer()}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
  const primary = discovery.token_endpoint.replace(/\/token$/, "/primary-authenticate");
  const form = new URLSearchParams({ client_id: app.clientId, login_hint: emulator.testUser.login, channel_hint: "sms", challenge_hint: GRANT.oob });
  await fetch(primary, { method: "POST", body: form }).then((r) => r.arrayBuffer());
  const before = heapMb();

  const primaryStatuses = await flood(() => fetch(primary, { method: "POST", body: form }));
  const afterPrimary = heapMb();
  const notFoundStatuses = await flood((i) => fetch(`${emulator.url}/made-up-${i}/x`));
  const afterNotFound = heapMb();
  await emulator.close();

  const rows = [
    ["before", before, ""],
    [`after ${REQUESTS} primary-authenticate`, afterPrimary, JSON.stringify(Object.fromEntries(primaryStatuses))],
    [`after ${REQUESTS} requests to made-up paths`, afterNotFound, JSON.stringify(Object.fromEntries(notFoundStatuses))],
  ] as const;
  process.stdout.write("| heap used after GC | MB | statuses |\n|---|---|---|\n");
  for (const [what, mb, statuses] of rows) process.stdout.write(`| ${what} | ${mb.toFixed(1)} | ${statuses} |\n`);
  const growth = afterNotFound - before;
  const ok = growth < GROWTH_TARGET_MB;
  process.stdout.write(`growth ${growth.toFixed(1)} MB (target < ${GROWTH_TARGET_MB} MB): ${ok ? "ok" : "MISSED"}\n`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code));
