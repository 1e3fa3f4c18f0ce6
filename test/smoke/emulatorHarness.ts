import { expect } from "vitest";
import { VariantId } from "../../src/catalogue/variants";
import { startOktaEmulator } from "../../src/emulator";
import { EmulatorOptions, RunningEmulator } from "../../src/emulator";
import { DeclaredResource, Evaluation } from "../../src/evaluate/evaluateProgram";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { managementPolicyEvidence } from "../../src/smoke/policyReads";
import { PolicyEvidence } from "../../src/smoke/policyEvidence";
import { outboxCodeSource, runSmoke, SmokeOptions, SmokeReport, SmokeTarget } from "../../src/smoke";
import { renderSmokeJson, renderProgress, renderSmokeTable } from "../../src/smoke/report";
import { Clock } from "../../src/smoke/types";

/** Short enough that push flows finish in a blink; the emulator accepts fractions. */
export const POLL_INTERVAL_SECONDS = 0.2;

export { devEvaluation } from "../helpers/devStack";

/** A copy to break: resources and outputs are plain data, secrets a Map. */
export function edited(evaluation: Evaluation, edit: (resources: DeclaredResource[]) => DeclaredResource[] | void): Evaluation {
  const copy = structuredClone(evaluation);
  const replaced = edit(copy.resources);
  if (replaced) copy.resources = replaced;
  return copy;
}

/** Components share names with their main child (`NativeApp` and its `okta.app.OAuth`): only real resources count. */
export function resourceNamed(resources: DeclaredResource[], name: string): DeclaredResource {
  const found = resources.find((r) => r.custom && r.name === name);
  if (!found) throw new Error(`the evaluation has no resource ${name}`);
  return found;
}

type DeclaredApp = { name: string; clientId: string; variants: string[]; grantTypes: string[] };

export function targetsOf(evaluation: Evaluation, only?: readonly VariantId[]): SmokeTarget[] {
  const apps = evaluation.outputs.apps as DeclaredApp[];
  return apps
    .flatMap((a) => a.variants.map((v) => ({ variant: v as VariantId, app: a.name, clientId: a.clientId, grantTypes: a.grantTypes })))
    .filter((t) => !only || only.includes(t.variant));
}

/**
 * Real time, but no real wait longer than `capMs`: the rest of a long wait is skipped by moving
 * this clock ahead. Every requested wait is recorded, so tests check the schedule (interval,
 * slow_down, Retry-After, the next TOTP window) without sitting through it. Short waits stay
 * real because the emulator answers `slow_down` to polls that come early by its own clock.
 * Skipped time takes the client's TOTP steps ahead of the emulator's real clock: a run that uses
 * the TOTP secret must skip less than Okta's two-minute skew before its last OTP flow.
 */
export class CompressedClock implements Clock {
  readonly sleeps: number[] = [];
  private offset = 0;
  constructor(private readonly capMs = 300) {}
  now(): number {
    return Date.now() + this.offset;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    const real = Math.min(ms, this.capMs);
    this.offset += ms - real;
    await new Promise((resolve) => setTimeout(resolve, real));
  }
}

/** The management credential of the harness's emulators, for the smoke check's policy evidence. */
const API_TOKEN = "smoke-harness-api-token";

/** The org the smoke check runs against: its token, quick polls, and a push approved after one poll. */
export const SMOKE_ORG: EmulatorOptions = {
  apiToken: API_TOKEN,
  pollIntervalSeconds: POLL_INTERVAL_SECONDS,
  push: { outcome: "approve", afterPolls: 1, bindingMethod: "none" },
};

export async function emulatorFor(evaluation: Evaluation, options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  return startOktaEmulator({ evaluation, ...SMOKE_ORG, ...options });
}

/** Policy evidence as the smoke CLI gathers it with management credentials: read-only API calls. */
export function managementEvidence(emulator: RunningEmulator): PolicyEvidence {
  return managementPolicyEvidence(new OktaManagementClient({ orgUrl: emulator.url, apiToken: API_TOKEN }));
}

export interface SmokeRun {
  report: SmokeReport;
  progress: string[];
  /** Every token, code and secret that crossed the wire or was handed in: none may reach any output. */
  secrets: Set<string>;
  clock: CompressedClock;
  /** Table, JSON and progress lines, as the CLI would print them. */
  output: string;
}

const SECRET_FIELDS = ["access_token", "id_token", "refresh_token", "mfa_token", "oob_code", "binding_code", "code"];

/** runSmoke against the emulator as its simulated user, recording what the server handed out. */
export async function smokeAgainst(
  emulator: RunningEmulator,
  targets: SmokeTarget[],
  overrides: Partial<SmokeOptions> = {},
): Promise<SmokeRun> {
  const secrets = new Set<string>([emulator.testUser.password, emulator.testUser.totpSecret]);
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const text = await response.clone().text();
    collectSecrets(text, secrets);
    return response;
  };
  const progress: string[] = [];
  const clock = new CompressedClock();
  const { onProgress, ...rest } = overrides;
  const report = await runSmoke({
    issuer: emulator.issuer(),
    targets,
    username: emulator.testUser.login,
    password: emulator.testUser.password,
    totpSecret: emulator.testUser.totpSecret,
    // What a stack's `oktaVerify` output says when the stack matches its org.
    oktaVerify: emulator.org.oktaVerify ?? "classic",
    codeSource: outboxCodeSource(emulator.outboxUrl, { fetch: recordingFetch }),
    clock,
    fetch: recordingFetch,
    onProgress: (event) => {
      progress.push(renderProgress(event));
      onProgress?.(event);
    },
    ...rest,
  });
  const output = [renderSmokeTable(report), renderSmokeJson(report), ...progress].join("\n");
  return { report, progress, secrets, clock, output };
}

function collectSecrets(text: string, into: Set<string>): void {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return;
  }
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) {
        if (SECRET_FIELDS.includes(key) && typeof v === "string" && v.length >= 4) into.add(v);
        else visit(v);
      }
    }
  };
  visit(body);
}

export function expectNoSecrets(output: string, secrets: Iterable<string>): void {
  for (const secret of secrets) expect(output.includes(secret), `a secret (${secret.length} chars) reached the output`).toBe(false);
  expect(output).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
}

export function resultOf(report: SmokeReport, variant: VariantId) {
  const result = report.results.find((r) => r.variant === variant);
  if (!result) throw new Error(`no result for ${variant}`);
  return result;
}
