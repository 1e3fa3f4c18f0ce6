import { describe, expect, it } from "vitest";
import { evaluateProgram } from "../../src/evaluate/evaluateProgram";
import { renderSetupText } from "../../src/plan/renderText";
import { defineDirectAuthProgram } from "../../src/program";
import { stackConfig } from "../helpers/stackConfig";

describe("renderSetupText", () => {
  it("lists the declared setup under the guide's steps, in the guide's order, secrets kept out", async () => {
    const evaluation = await evaluateProgram({
      stack: "dev",
      config: stackConfig({ variants: ["otp", "mfa-otp"], testUser: { login: "tester@example.com", create: true } }),
      program: defineDirectAuthProgram,
    });
    const text = renderSetupText(evaluation);
    const lines = text.split("\n");
    const steps = ["Test user", "Authenticators and enrollment", "Authorization server grants", "Native apps", "App sign-in policies", "Global session policy (primary-factor flows)"];

    expect(lines[0]).toMatch(/^Okta setup declared by stack dev \(\d+ resources\)$/);
    const positions = steps.map((step) => lines.indexOf(step));
    expect(positions.every((p, i) => p > 0 && (i === 0 || p > positions[i - 1]))).toBe(true);
    expect(lines[lines.indexOf("Authorization server grants") + 1]).toContain("nothing declared: org authorization server");
    expect(text).toMatch(/\n {2}native app "Direct Auth OTP" +grantTypes=\[authorization_code, urn:okta:params:oauth:grant-type:otp\]\n/);
    expect(text).toMatch(/\n {2}app sign-in policy rule "2 MFA OTP Factor" +factorMode=2FA usersIncluded=\[<user "tester@example.com">\]\n/);
    expect(text).not.toContain(evaluation.secretOutputs.get("testUserPassword") as string);
  });
});
