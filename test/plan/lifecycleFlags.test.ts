import { describe, expect, it } from "vitest";
import { evaluateProgram } from "../../src/evaluate/evaluateProgram";
import { declaredSetup, snapshotOf } from "../../src/plan/declaredSetup";
import { planFromPreview } from "../../src/plan/fromPreview";
import { SetupPlan } from "../../src/plan/planModel";
import { renderPlanJson } from "../../src/plan/renderJson";
import { renderMarkdown } from "../../src/plan/renderMarkdown";
import { renderSetupText } from "../../src/plan/renderText";
import { defineDirectAuthProgram } from "../../src/program";
import { TESTER, stackConfig } from "../helpers/stackConfig";
import { OKTA } from "../helpers/tokens";

/** The options the plan shows are the ones the program registers (src/model/resourceOptions.ts). */
async function evaluated(protect: boolean) {
  const config = stackConfig({ variants: ["otp", "mfa-otp"], testUser: { ...TESTER, create: true }, protect });
  return evaluateProgram({ stack: "prod", config, program: defineDirectAuthProgram });
}

async function planOf(protect: boolean): Promise<SetupPlan> {
  return { stack: "prod", source: "offline", declared: declaredSetup(snapshotOf(await evaluated(protect))) };
}

describe("the offline plan shows how Pulumi treats each resource", () => {
  it("marks every object protected exactly when the stack sets protect", async () => {
    expect((await planOf(true)).declared.every((r) => r.protect === true)).toBe(true);
    expect((await planOf(false)).declared.some((r) => "protect" in r)).toBe(false);
  });

  it("marks exactly the authenticators retained on delete", async () => {
    const retained = (await planOf(false)).declared.filter((r) => r.retainOnDelete).map((r) => r.type);
    expect(retained).toEqual([OKTA.authenticator]);
  });

  it("says so in the terminal listing", async () => {
    const lines = renderSetupText(await evaluated(true)).split("\n").filter((line) => line.startsWith("  ") && !line.includes("nothing declared"));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/ \[protected\]/);
    expect(lines.find((line) => line.includes('authenticator "Google Authenticator"'))).toMatch(/\[protected\] \[retained on delete\]$/);
    expect(renderSetupText(await evaluated(false))).not.toContain("[protected]");
  });

  it("says so in Markdown and JSON", async () => {
    const plan = await planOf(true);
    const appLine = renderMarkdown(plan).split("\n").find((line) => line.includes('native app "Direct Auth OTP"'));
    expect(appLine).toBe('- native app "Direct Auth OTP" · `direct-auth-direct-auth-otp` · **protected**');
    const app = JSON.parse(renderPlanJson(plan)).declared.find((r: { type: string }) => r.type === OKTA.app);
    expect(app).toMatchObject({ protect: true });
  });

  it("reads the flags from a preview's states too", () => {
    const urn = "urn:pulumi:prod::okta-direct-auth::okta:app/oAuth:OAuth::direct-auth-direct-auth-otp";
    const state = { urn, type: OKTA.app, custom: true, inputs: { label: "Direct Auth OTP" }, protect: true, retainOnDelete: true };
    const plan = planFromPreview(JSON.stringify({ steps: [{ op: "same", urn, oldState: state, newState: state }] }));
    expect(plan.declared[0]).toMatchObject({ protect: true, retainOnDelete: true });
  });
});
