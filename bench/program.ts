/**
 * Evaluates the Pulumi program under mocks for each variant alone and for all eight together:
 * median time, and whether it declares the Okta objects docs/direct-auth-reference.md#setup-steps calls for, no more,
 * and looks the shared things up once. Exits non-zero when a target is missed.
 *
 *   npx tsx bench/program.ts
 */
import { performance } from "node:perf_hooks";
import { VARIANT_IDS } from "../src/catalogue/variants";
import { Evaluation, evaluateProgram } from "../src/evaluate/evaluateProgram";
import { LOOKUPS } from "../src/okta/resourceTypes";
import { defineDirectAuthProgram } from "../src/program";

const RUNS = 7;
const ALL_VARIANTS_BUDGET_MS = 1000;
const EVERYONE_LOOKUP = LOOKUPS.everyoneGroup.token;
const USER_LOOKUP = LOOKUPS.user.token;

/**
 * Okta objects per docs/direct-auth-reference.md#setup-steps, counted by hand for the org authorization server and an
 * existing test user:
 * - a primary-factor variant alone: authenticator + enrollment setting + app + Everyone assignment
 *   + app sign-in policy + its catch-all's access + test-user rule + session group + membership
 *   + session policy + session rule = 11 resources; lookups: Everyone group + test user = 2.
 * - an MFA variant alone: the first seven = 7 resources (no session policy); the same 2 lookups.
 * - all eight: 4 authenticators (google_otp, okta_verify, phone_number, okta_email, each once however
 *   many variants use it) + 1 enrollment setting + 8 × (app + assignment + policy + catch-all + rule)
 *   + the four session objects once = 49 resources; still 2 lookups.
 */
const HAND_COUNT: Record<string, { resources: number; lookups: number }> = {
  otp: { resources: 11, lookups: 2 },
  "mfa-otp": { resources: 7, lookups: 2 },
  "oob-okta-verify": { resources: 11, lookups: 2 },
  "mfa-oob-okta-verify": { resources: 7, lookups: 2 },
  "oob-phone": { resources: 11, lookups: 2 },
  "mfa-oob-phone": { resources: 7, lookups: 2 },
  "oob-email": { resources: 11, lookups: 2 },
  "mfa-oob-email": { resources: 7, lookups: 2 },
  "all 8": { resources: 49, lookups: 2 },
};

interface Row {
  label: string;
  medianMs: number;
  resources: number;
  invokes: number;
  everyoneLookups: number;
  userLookups: number;
}

function config(variants: readonly string[]): Record<string, string> {
  return {
    "okta:orgName": "dev-123456",
    "okta-direct-auth:variants": JSON.stringify(variants),
    "okta-direct-auth:testUser": JSON.stringify({ login: "tester@example.com" }),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measure(label: string, variants: readonly string[]): Promise<Row> {
  const times: number[] = [];
  let last: Evaluation | undefined;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    last = await evaluateProgram({ stack: "bench", config: config(variants), program: defineDirectAuthProgram });
    times.push(performance.now() - start);
  }
  const count = (token: string) => last!.invokes.filter((i) => i.token === token).length;
  return {
    label,
    medianMs: median(times),
    resources: last!.resources.filter((r) => r.custom).length,
    invokes: last!.invokes.length,
    everyoneLookups: count(EVERYONE_LOOKUP),
    userLookups: count(USER_LOOKUP),
  };
}

function printTable(rows: Row[]): void {
  const header = ["variant", "median ms", "resources", "hand count", "invokes", "hand count"];
  const lines = rows.map((r) => [
    r.label,
    r.medianMs.toFixed(1),
    String(r.resources),
    String(HAND_COUNT[r.label].resources),
    String(r.invokes),
    String(HAND_COUNT[r.label].lookups),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<number> {
  const rows: Row[] = [];
  for (const id of VARIANT_IDS) rows.push(await measure(id, [id]));
  const allVariants = await measure(`all ${VARIANT_IDS.length}`, VARIANT_IDS);
  rows.push(allVariants);

  console.log(`Pulumi program under mocks, median of ${RUNS} runs (resources: custom resources only)\n`);
  printTable(rows);

  const targets: [string, boolean][] = [
    [
      `all ${VARIANT_IDS.length} evaluate in under ${ALL_VARIANTS_BUDGET_MS} ms (median ${allVariants.medianMs.toFixed(1)} ms)`,
      allVariants.medianMs < ALL_VARIANTS_BUDGET_MS,
    ],
    ["Everyone group looked up once per evaluation", rows.every((r) => r.everyoneLookups === 1)],
    ["test user looked up once per evaluation", rows.every((r) => r.userLookups === 1)],
    [
      "resources and lookups match the reference's hand count",
      rows.every((r) => r.resources === HAND_COUNT[r.label].resources && r.invokes === HAND_COUNT[r.label].lookups),
    ],
  ];
  console.log("");
  for (const [target, met] of targets) console.log(`${met ? "met   " : "MISSED"}  ${target}`);
  return targets.every(([, met]) => met) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
