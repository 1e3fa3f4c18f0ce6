import { describe, expect, it } from "vitest";
import { SECRET_MASK } from "../../src/evaluate/evaluateProgram";
import { declared, only } from "../helpers/declared";
import { TESTER } from "../helpers/stackConfig";
import { DYNAMIC } from "../helpers/tokens";

async function orgSettingsFor(values: Record<string, unknown>) {
  const stack = await declared({ testUser: TESTER, ...values });
  return only(stack.all(DYNAMIC), "org-settings resource");
}

describe("org-wide authenticator settings (issue: org-wide settings without collateral damage)", () => {
  it.each([
    ["otp", [{ key: "google_otp", methods: [] }]],
    ["mfa-otp", [{ key: "google_otp", methods: [] }]],
    ["oob-okta-verify", [{ key: "okta_verify", methods: ["push"] }]],
    ["mfa-oob-okta-verify", [{ key: "okta_verify", methods: ["push"] }]],
    ["oob-phone", [{ key: "phone_number", methods: ["sms"] }]],
    ["mfa-oob-phone", [{ key: "phone_number", methods: ["sms"] }]],
    ["oob-email", [{ key: "okta_email", methods: ["email"] }]],
  ])("%s touches only its own authenticator and the methods its flow uses", async (id, expected) => {
    const settings = await orgSettingsFor({ variants: [id] });
    const authenticators = settings.inputs.authenticators as { key: string; methods: string[] }[];
    expect(authenticators.map(({ key, methods }) => ({ key, methods }))).toEqual(expected);
  });

  it("activates voice only when the stack asks for it", async () => {
    const settings = await orgSettingsFor({ variants: ["oob-phone"], phoneChannels: ["sms", "voice"] });
    expect((settings.inputs.authenticators as { methods: string[] }[])[0].methods).toEqual(["sms", "voice"]);
  });

  it("carries the management credentials only as a secret", async () => {
    const settings = await orgSettingsFor({ variants: ["otp"] });
    expect(settings.inputs.connection).toBe(SECRET_MASK);
    expect(settings.inputs.settingsKind).toBe("authenticator-settings");
  });
});
