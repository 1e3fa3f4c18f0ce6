import { describe, expect, it } from "vitest";
import { DeclaredApp } from "../../components/directAuthSetup";
import { declared } from "../helpers/declared";
import { TESTER } from "../helpers/stackConfig";
import { RULE_FOR } from "../helpers/spec";
import { CATCH_ALL, OKTA } from "../helpers/tokens";

// Each variant's own policy and rule are checked row by row in directAuthSetup.test.ts.
describe("app sign-in policies (reference: app sign-in policy)", () => {
  it("leave Okta's catch-all rule allowing only when the stack says ALLOW", async () => {
    const stack = await declared({ variants: ["otp"], testUser: TESTER, catchAll: "ALLOW" });
    expect(stack.one(OKTA.appSignOnPolicy).inputs.catchAll).toBe(true);
  });

  it("record the catch-all's declared access against the policy they create, the connection kept secret", async () => {
    const stack = await declared({ variants: ["otp"], testUser: TESTER, catchAll: "DENY" });
    expect(stack.one(CATCH_ALL).inputs).toEqual({
      settingsKind: "catch-all-rule",
      connection: "[secret]",
      policyId: stack.one(OKTA.appSignOnPolicy).id,
      access: "DENY",
    });
  });

  it("say which of the guide's pages they serve, one app's variants joined", async () => {
    const stack = await declared({ apps: [{ name: "Push or phone", variants: ["oob-okta-verify", "oob-phone"] }], testUser: TESTER });
    expect(stack.all(OKTA.appSignOnPolicy).map((p) => p.inputs.description)).toEqual([
      "Direct Authentication: Okta Verify Push (primary factor), Phone (primary factor)",
    ]);
  });

  it("get the app name appended only where two apps would share the guide's name", async () => {
    const stack = await declared({
      variants: ["oob-okta-verify", "oob-phone", "oob-email", "mfa-oob-okta-verify", "mfa-oob-phone", "mfa-otp"],
      testUser: TESTER,
    });
    const byApp = Object.fromEntries(
      (stack.outputs.apps as DeclaredApp[]).map(({ name, variants }) => [variants[0], stack.app(name).policy.inputs.name as string]),
    );
    expect(new Set(Object.values(byApp)).size).toBe(6);
    expect(byApp["oob-okta-verify"]).toMatch(/^Direct Auth OOB 1FA \(.+\)$/);
    expect(byApp["oob-phone"]).toMatch(/^Direct Auth OOB 1FA \(.+\)$/);
    expect(byApp["mfa-oob-okta-verify"]).toMatch(/^Direct Auth MFA OOB 2FA \(.+\)$/);
    expect(byApp["mfa-oob-phone"]).toMatch(/^Direct Auth MFA OOB 2FA \(.+\)$/);
    expect(byApp["oob-email"]).toBe("Direct Auth OOB Email 1FA");
    expect(byApp["mfa-otp"]).toBe("Direct Auth MFA OTP 2FA");
  });

  it("name a test user the stack creates by its id, with each app's factor mode", async () => {
    const stack = await declared({ variants: ["mfa-otp", "otp"], testUser: { ...TESTER, create: true } });
    const userId = stack.one(OKTA.user).id;
    expect(stack.app("Direct Auth MFA OTP").rules.map((r) => r.inputs)).toEqual([
      expect.objectContaining({ usersIncluded: [userId], ...RULE_FOR["Password + Another factor"] }),
    ]);
    expect(stack.app("Direct Auth OTP").rules.map((r) => r.inputs)).toEqual([
      expect.objectContaining({ usersIncluded: [userId], ...RULE_FOR["Any 1 factor type"] }),
    ]);
  });
});
