import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { devEvaluation, edited, emulatorFor, smokeAgainst, targetsOf } from "./emulatorHarness";
import { MISCONFIGURATIONS } from "./misconfigurations";

/**
 * The diagnoses must hold on a real org, which explains nothing beyond its documented sentence:
 * every answer the emulator gives is cut to that sentence before the smoke check reads it (any
 * parenthesised code or explanation dropped), and each misconfiguration must still be told apart.
 */

let evaluation: Evaluation;
let emulator: RunningEmulator | undefined;
let rewritten = 0;

beforeAll(async () => {
  evaluation = await devEvaluation();
});

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** "The one-time passcode is invalid (direct_auth_invalid_otp)." becomes "The one-time passcode is invalid." */
function documentedSentence(description: string): string {
  return description.replace(/\s*\([^)]*\)/g, "");
}

const oktaWordsOnly: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!response.headers.get("content-type")?.startsWith("application/json")) return response;
  const body = (await response.json()) as Record<string, unknown>;
  if (typeof body.error_description === "string") {
    const cut = documentedSentence(body.error_description);
    if (cut !== body.error_description) rewritten++;
    body.error_description = cut;
  }
  return new Response(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers: response.headers });
};

describe("diagnoses on Okta's documented words only", () => {
  it("cuts an answer to its sentence", () => {
    expect(documentedSentence("The user rejected the push notification (direct_auth_oob_reject).")).toBe("The user rejected the push notification.");
    expect(documentedSentence("Policy evaluation failed for this request, please check the policy configurations.")).toBe(
      "Policy evaluation failed for this request, please check the policy configurations.",
    );
  });

  it.each(MISCONFIGURATIONS)("$case → still diagnosed", async (m) => {
    const broken = m.edit ? edited(evaluation, m.edit) : evaluation;
    emulator = await emulatorFor(broken, m.emulator);
    const run = await smokeAgainst(emulator, targetsOf(broken, [m.variant]), { ...m.smoke?.(emulator), fetch: oktaWordsOnly });
    const [result] = run.report.results;
    expect(result).toMatchObject({ variant: m.variant, status: "fail", step: m.step });
    expect(result.diagnosis).toMatch(m.diagnosis);
    if (m.guideStep) expect(result.diagnosis).toContain(`guide step "${m.guideStep}"`);
  });

  it("did cut some answers: the emulator still explains where Okta's wording is not pinned yet", () => {
    expect(rewritten).toBeGreaterThan(0);
  });
});
