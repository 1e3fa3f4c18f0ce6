import { startOktaEmulator } from "../src/emulator";
import { provisionSetup } from "../src/provision/provisionSetup";
import { evaluateStack } from "../src/evaluate/evaluateStack";
import { endpointOf } from "../src/e2e/managementCalls";

/**
 * The management calls applying each stack's setup takes, made as `pulumi up` with the Okta
 * provider makes them (npm start does this on every run), by method and endpoint, and the time.
 * Target: at most 3 calls per declared resource, so the setup stays far below Okta's rate limits.
 */
const CALLS_PER_RESOURCE_TARGET = 3;
const TOKEN = "bench-provisioning-token";


async function main(): Promise<number> {
  let ok = true;
  for (const stack of ["dev", "test", "prod"]) {
    const evaluation = await evaluateStack(stack);
    // Calls and time of the setup itself; the wait an edition's limits add is rateLimitedSetup.ts's.
    const emulator = await startOktaEmulator({ apiToken: TOKEN, rateLimits: "reported" });
    const started = performance.now();
    const provisioned = await provisionSetup(evaluation, { orgUrl: emulator.url, apiToken: TOKEN });
    const ms = performance.now() - started;
    await emulator.close();

    const byEndpoint = new Map<string, number>();
    for (const r of emulator.requests) {
      const key = `${r.method} ${endpointOf(r.path)}`;
      byEndpoint.set(key, (byEndpoint.get(key) ?? 0) + 1);
    }
    const calls = emulator.requests.length;
    const perResource = calls / provisioned.resourcesCreated;
    ok &&= perResource <= CALLS_PER_RESOURCE_TARGET;
    process.stdout.write(`\n### ${stack}: ${provisioned.resourcesCreated} resources, ${calls} calls (${perResource.toFixed(2)} per resource), ${ms.toFixed(0)} ms\n`);
    process.stdout.write("| calls | method and endpoint |\n|---|---|\n");
    for (const [endpoint, n] of [...byEndpoint].sort((a, b) => b[1] - a[1])) process.stdout.write(`| ${n} | ${endpoint} |\n`);
  }
  process.stdout.write(`\ntarget: at most ${CALLS_PER_RESOURCE_TARGET} management calls per declared resource: ${ok ? "met" : "MISSED"}\n`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code));
