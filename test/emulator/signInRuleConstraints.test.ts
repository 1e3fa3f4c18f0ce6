import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BASELINE } from "../../src/emulator";
import { applyDeclaredSetup, testUserOf } from "../../src/emulator/declaredOrg";
import { FactorKind } from "../../src/emulator/factors";
import { AppSignOnRule, RuleConstraint, baselineOrg } from "../../src/emulator/orgModel";
import { policySatisfied } from "../../src/emulator/policyChecks";
import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { devEvaluation, resourcesOf, withInputs } from "./support/evaluations";

/**
 * The app sign-in rule's constraints as the provider stores them (issue 10): a class without
 * `required` reaches Okta as `required: false`, which no longer demands that class.
 */

let dev: Evaluation;
beforeAll(async () => {
  dev = await devEvaluation();
});

/** The MFA OTP app's rule as the emulated org holds it once the evaluation is applied. */
function storedMfaRule(evaluation: Evaluation): AppSignOnRule {
  const now = new Date().toISOString();
  const org = baselineOrg(DEFAULT_BASELINE, testUserOf(evaluation, "pw", now), now);
  applyDeclaredSetup(org, evaluation);
  const policyId = resourcesOf(evaluation, "mfa-otp").rule.inputs.policyId;
  const rule = org.appSignOnPolicies.get(String(policyId))?.rules.find((r) => r.name !== "Catch-all Rule");
  if (!rule) throw new Error("the MFA OTP app's rule was not applied");
  return rule;
}

/** The program's rule as it was before issue 10: the password constraint without `required`. */
function withoutRequired(evaluation: Evaluation): Evaluation {
  return withInputs(evaluation, resourcesOf(evaluation, "mfa-otp").rule, (inputs) => ({
    ...inputs,
    constraints: [JSON.stringify({ knowledge: { types: ["password"] } })],
  }));
}

function rule(factorMode: "1FA" | "2FA", constraints: RuleConstraint[]): AppSignOnRule {
  return {
    id: "rul1",
    name: "r",
    priority: 1,
    status: "ACTIVE",
    access: "ALLOW",
    factorMode,
    constraints,
    usersIncluded: [],
    usersExcluded: [],
    groupsIncluded: [],
    groupsExcluded: [],
  };
}

describe("app sign-in rule constraints", () => {
  it("are stored with required: true for Password + Another factor, as the program declares it", () => {
    expect(storedMfaRule(dev).constraints).toEqual([{ knowledge: { types: ["password"], required: true } }]);
  });

  it("are stored with required: false when the declaration leaves required out, as the provider sends it", () => {
    expect(storedMfaRule(withoutRequired(dev)).constraints).toEqual([{ knowledge: { types: ["password"], required: false } }]);
  });

  it.each<[string, FactorKind[], boolean, boolean]>([
    ["password and an OTP", ["password", "otp"], true, true],
    ["an OTP alone", ["otp"], false, true],
    ["a push alone", ["push"], false, true],
  ])("demand the password only when required: %s", (_title, factors, withRequired, withoutIt) => {
    // Judged in a one-factor rule, where nothing but the constraint can demand the password.
    const alone = (stored: AppSignOnRule) => policySatisfied({ ...stored, factorMode: "1FA" }, factors);
    expect(alone(storedMfaRule(dev))).toBe(withRequired);
    expect(alone(storedMfaRule(withoutRequired(dev)))).toBe(withoutIt);
  });

  it("narrow the types only of a required class", () => {
    const phone = (required: boolean) => rule("2FA", [{ possession: { types: ["phone"], required } }]);
    expect(policySatisfied(phone(true), ["password", "otp"])).toBe(false);
    expect(policySatisfied(phone(true), ["password", "sms"])).toBe(true);
    expect(policySatisfied(phone(false), ["password", "otp"])).toBe(true);
  });

  it("still need two factor types for 2FA, whatever the constraint", () => {
    const optionalPassword = rule("2FA", [{ knowledge: { types: ["password"], required: false } }]);
    expect(policySatisfied(optionalPassword, ["otp", "push"])).toBe(false);
    expect(policySatisfied(optionalPassword, ["password", "push"])).toBe(true);
  });
});
