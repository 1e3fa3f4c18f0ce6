import * as pulumi from "@pulumi/pulumi";
import { afterEach, describe, expect, it } from "vitest";
import { SECRET_MASK } from "../../src/evaluate/evaluateProgram";
import { defineDirectAuthProgram } from "../../src/program";
import { declared, only } from "../helpers/declared";
import { mockedOrg } from "../helpers/mockedOrg";
import { ORG_NAME, TESTER, stackConfig } from "../helpers/stackConfig";
import { ORG_SETTINGS, tokenOf } from "../helpers/tokens";

async function orgSettingsFor(values: Record<string, unknown>) {
  const stack = await declared({ testUser: TESTER, ...values });
  return only(stack.all(ORG_SETTINGS), "org-settings resource");
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

  it("asks Email to be used for authentication (allowedFor any) for oob-email, and no other authenticator", async () => {
    const settings = await orgSettingsFor({ variants: ["otp", "oob-okta-verify", "oob-phone", "oob-email"] });
    const authenticators = settings.inputs.authenticators as { key: string; allowedFor?: string }[];
    expect(authenticators.map(({ key, allowedFor }) => [key, allowedFor ?? null])).toEqual([
      ["google_otp", null],
      ["okta_verify", null],
      ["phone_number", null],
      ["okta_email", "any"],
    ]);
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

describe("the org-settings resource reaches the same org as the provider", () => {
  const envBefore = process.env.OKTA_HTTP_PROXY;
  afterEach(() => {
    if (envBefore === undefined) delete process.env.OKTA_HTTP_PROXY;
    else process.env.OKTA_HTTP_PROXY = envBefore;
  });

  /** The connection input as the engine receives it: a secret, whose value the mocks can read. */
  async function connectionOf(okta: Record<string, string>) {
    const org = await mockedOrg(stackConfig({ variants: ["otp"], testUser: TESTER }, okta));
    await pulumi.runtime.runInPulumiStack(async () => {
      defineDirectAuthProgram();
      return {};
    });
    const settings = only((await org.registered()).filter((r) => tokenOf(r) === ORG_SETTINGS), "org-settings resource");
    return (settings.inputs.connection as { value: { orgUrl: string; apiToken?: string } }).value;
  }

  it("sends to okta:httpProxy when the stack sets it, as the provider does", async () => {
    const connection = await connectionOf({ "okta:orgName": ORG_NAME, "okta:httpProxy": "http://127.0.0.1:8123", "okta:apiToken": "t0k" });
    expect(connection).toMatchObject({ orgUrl: "http://127.0.0.1:8123", apiToken: "t0k" });
  });

  it("sends to OKTA_HTTP_PROXY when only the environment sets it", async () => {
    process.env.OKTA_HTTP_PROXY = "http://127.0.0.1:8124";
    expect((await connectionOf({ "okta:orgName": ORG_NAME })).orgUrl).toBe("http://127.0.0.1:8124");
  });

  it("sends to the org itself otherwise", async () => {
    delete process.env.OKTA_HTTP_PROXY;
    expect((await connectionOf({ "okta:orgName": ORG_NAME })).orgUrl).toBe(`https://${ORG_NAME}.okta.com`);
  });
});
