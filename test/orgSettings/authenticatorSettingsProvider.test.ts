import * as pulumi from "@pulumi/pulumi";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { JWK } from "jose";
import { DEFAULT_BASELINE, RunningEmulator } from "../../src/emulator";
import { devEvaluation } from "../helpers/devStack";
import { SETTINGS_KIND } from "../../src/okta/declaration";
import {
  AuthenticatorSettingsInputs,
  AuthenticatorSettingsOutputs,
  authenticatorSettingsProvider,
} from "../../src/orgSettings/authenticatorSettingsProvider";
import { DesiredAuthenticator } from "../../src/orgSettings/authenticatorSettings";
import { API_TOKEN, clientFor, orgWithBaseline, snapshot } from "./support/orgUnderTest";

type Provider = typeof authenticatorSettingsProvider;

/**
 * Pulumi stores a dynamic provider as the text its closure serializer makes, and runs that text in
 * another process at create and delete time. This loads the text the same way (a module whose
 * `handler` returns the provider), so what runs here is what `pulumi destroy` would run.
 */
async function providerAsPulumiRunsIt(dir: string): Promise<Provider> {
  const { serializeFunction } = pulumi.runtime;
  const serialized = await serializeFunction(() => authenticatorSettingsProvider, { allowSecrets: true });
  const file = join(dir, "provider.js");
  writeFileSync(file, serialized.text);
  return (require(file) as { handler: () => Provider }).handler();
}

let emulator: RunningEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await orgWithBaseline(await devEvaluation());
  // Inside the project, so the serialized `require("jose")` resolves as it does from the state.
  dir = mkdtempSync(join(__dirname, ".serialized-"));
});

afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the org-settings dynamic provider", () => {
  it("runs from its serialized text: create applies the settings, delete restores the org", async () => {
    const provider = await providerAsPulumiRunsIt(dir);
    const client = clientFor(emulator);
    const before = await snapshot(client);
    const inputs: AuthenticatorSettingsInputs = {
      settingsKind: SETTINGS_KIND,
      connection: { orgUrl: emulator.url, apiToken: API_TOKEN },
      authenticators: [{ key: "okta_verify", name: "Okta Verify", methods: ["push"], enroll: "REQUIRED" }],
    };

    const created = await provider.create(inputs);
    const outs = created.outs!;
    expect((await snapshot(client)).authenticators.okta_verify.methods.push).toBe("ACTIVE");
    expect(outs.prior).toEqual([{ key: "okta_verify", status: "ACTIVE", methods: { push: "INACTIVE" }, enroll: "OPTIONAL" }]);

    await provider.delete!(created.id, outs);
    expect(await snapshot(client)).toEqual(before);
  });

  it("runs from its serialized text for oob-email: create makes Email usable for authentication, delete gives recovery back", async () => {
    const provider = await providerAsPulumiRunsIt(dir);
    const client = clientFor(emulator);
    const before = await snapshot(client);
    const created = await provider.create({
      settingsKind: SETTINGS_KIND,
      connection: { orgUrl: emulator.url, apiToken: API_TOKEN },
      authenticators: [{ key: "okta_email", name: "Email", methods: ["email"], enroll: "OPTIONAL", allowedFor: "any" }],
    });
    expect((await snapshot(client)).authenticators.okta_email.settings).toEqual({ allowedFor: "any", tokenLifetimeInMinutes: 5 });
    expect(created.outs!.prior).toEqual([
      { key: "okta_email", status: "ACTIVE", methods: { email: "ACTIVE" }, enroll: "REQUIRED", allowedFor: "recovery" },
    ]);

    await provider.delete!(created.id, created.outs!);
    expect(await snapshot(client)).toEqual(before);
    expect(before.authenticators.okta_email.settings?.allowedFor).toBe("recovery");
  });

  it("runs from its serialized text with service-app credentials, proving possession with DPoP", async () => {
    const appKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const scopes = ["okta.authenticators.manage", "okta.policies.manage"];
    const publicJwk = { ...(appKey.publicKey.export({ format: "jwk" }) as JWK), kid: "k1", alg: "RS256" };
    const org = await orgWithBaseline(await devEvaluation(), undefined, {
      serviceApps: [{ clientId: "0oaSettings", publicKeys: [publicJwk], scopes }],
    });
    try {
      const provider = await providerAsPulumiRunsIt(dir);
      const privateKey = appKey.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
      const created = await provider.create({
        settingsKind: SETTINGS_KIND,
        connection: { orgUrl: org.url, clientId: "0oaSettings", privateKey, privateKeyId: "k1", scopes },
        authenticators: [{ key: "okta_verify", name: "Okta Verify", methods: ["push"], enroll: "OPTIONAL" }],
      });
      await provider.delete!(created.id, created.outs!);
      expect(org.requests.filter((r) => r.status >= 400 && r.path !== "/oauth2/v1/token")).toEqual([]);
      expect((await snapshot(clientFor(org))).authenticators.okta_verify.methods.push).toBe("INACTIVE");
    } finally {
      await org.close();
    }
  });

  it("updates in place, never replaces, and treats a rotated credential as a change to store", async () => {
    const olds: AuthenticatorSettingsOutputs = {
      settingsKind: SETTINGS_KIND,
      connection: { orgUrl: "https://dev-1.okta.com", apiToken: "old" },
      authenticators: [{ key: "okta_email", name: "Email", methods: ["email"], enroll: "OPTIONAL" }],
      prior: [],
    };
    expect(await authenticatorSettingsProvider.diff!("id", olds, { ...olds })).toMatchObject({ changes: false });
    const rotated = await authenticatorSettingsProvider.diff!("id", olds, { ...olds, connection: { ...olds.connection, apiToken: "new" } });
    expect(rotated).toMatchObject({ changes: true, replaces: [] });
  });

  it("waits out Okta's rate limit and then carries on", async () => {
    const client = clientFor(emulator);
    emulator.injectFault({ kind: "rate-limit", path: "/api/v1/authenticators", times: 2, resetSeconds: 1 });
    const seenBefore = emulator.requests.length;
    await snapshot(client);
    const statuses = emulator.requests.slice(seenBefore).map((r) => r.status);
    expect(statuses.slice(0, 3)).toEqual([429, 429, 200]);
  });
});

/** Each test its own org: the provider's client waits out Okta's rate limits for real, and a shared org's are spent. */
describe("the org-settings provider as the engine calls it", () => {
  const PUSH: DesiredAuthenticator = { key: "okta_verify", name: "Okta Verify", methods: ["push"], enroll: "REQUIRED" };
  const SMS: DesiredAuthenticator = { key: "phone_number", name: "Phone", methods: ["sms"], enroll: "OPTIONAL" };

  it("creates, updates in place keeping the first record, and deletes back to the org as it was, sending only what is needed", async () => {
    const org = await orgWithBaseline(await devEvaluation());
    try {
      const client = clientFor(org);
      const before = await snapshot(client);
      const connection = { orgUrl: org.url, apiToken: API_TOKEN };
      const inputs: AuthenticatorSettingsInputs = { settingsKind: SETTINGS_KIND, connection, authenticators: [PUSH, SMS] };
      const seenBefore = org.requests.length;

      const created = await authenticatorSettingsProvider.create(inputs);
      // The engine refuses a create without an id; this one names the keys in the stack's state.
      expect(created.id).toBe("authenticator-settings-okta_verify-phone_number");
      const firstRecord = [
        { key: "okta_verify", status: "ACTIVE", methods: { push: "INACTIVE" }, enroll: "OPTIONAL" },
        { key: "phone_number", status: "INACTIVE", methods: { sms: "ACTIVE" }, enroll: "UNLISTED" },
      ];
      expect(created.outs).toEqual({ ...inputs, prior: firstRecord });
      // One read of the authenticators to check the org's kind, then the record, then the writes: no give-back on create.
      expect(org.requests.slice(seenBefore, seenBefore + 3).map((r) => `${r.method} ${r.path}`)).toEqual([
        "GET /api/v1/authenticators",
        "GET /api/v1/policies",
        "GET /api/v1/authenticators",
      ]);
      const during = await snapshot(client);
      expect(during.authenticators.okta_verify.methods.push).toBe("ACTIVE");
      expect(during.authenticators.phone_number).toMatchObject({ status: "ACTIVE", methods: { sms: "ACTIVE" } });

      const news: AuthenticatorSettingsInputs = { ...inputs, authenticators: [SMS] };
      const updated = await authenticatorSettingsProvider.update!(created.id, created.outs!, news);
      expect(updated.outs).toEqual({ ...news, prior: [firstRecord[1]] });
      const afterUpdate = await snapshot(client);
      expect(afterUpdate.authenticators.okta_verify).toEqual(before.authenticators.okta_verify);
      expect(afterUpdate.authenticators.phone_number).toMatchObject({ status: "ACTIVE", methods: { sms: "ACTIVE" } });

      await authenticatorSettingsProvider.delete!(created.id, updated.outs!);
      expect(await snapshot(client)).toEqual(before);
    } finally {
      await org.close();
    }
  });

  it("tells the engine, as a warning on stderr, what Okta refused to give back", async () => {
    const org = await orgWithBaseline(await devEvaluation(), {
      authenticators: [
        ...DEFAULT_BASELINE.authenticators,
        { key: "google_otp", name: "Google Authenticator", status: "INACTIVE", methods: { otp: "ACTIVE" }, usedByPolicies: ["Contractors MFA"] },
      ],
      enrollment: { ...DEFAULT_BASELINE.enrollment, google_otp: "NOT_ALLOWED" },
    });
    const warned = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const created = await authenticatorSettingsProvider.create({
        settingsKind: SETTINGS_KIND,
        connection: { orgUrl: org.url, apiToken: API_TOKEN },
        authenticators: [{ key: "google_otp", name: "Google Authenticator", methods: [], enroll: "OPTIONAL" }],
      });
      expect(warned).not.toHaveBeenCalled();
      await authenticatorSettingsProvider.delete!(created.id, created.outs!);
      expect(warned.mock.calls).toEqual([
        [
          "warning: okta-direct-auth org settings: could not deactivate authenticator google_otp: Okta answered 403 E0000148: " +
            "Cannot modify/disable this authenticator because it is enabled in one or more policies. To continue, disable the authenticator in these policies. " +
            "(Authentication Policies: Contractors MFA). Restore it by hand in the Admin Console once nothing uses it.",
        ],
      ]);
    } finally {
      warned.mockRestore();
      await org.close();
    }
  });

  it("sees a change in the authenticators or in the kind of org, and none between an old state without a kind and classic", async () => {
    const olds: AuthenticatorSettingsOutputs = {
      settingsKind: SETTINGS_KIND,
      connection: { orgUrl: "https://dev-1.okta.com", apiToken: "token" },
      authenticators: [SMS],
      prior: [],
    };
    const diff = (news: AuthenticatorSettingsInputs) => authenticatorSettingsProvider.diff!("id", olds, news);
    expect(await diff({ ...olds, authenticators: [SMS, PUSH] })).toMatchObject({ changes: true, replaces: [] });
    expect(await diff({ ...olds, authenticators: [{ ...SMS, enroll: "REQUIRED" }] })).toMatchObject({ changes: true, replaces: [] });
    expect(await diff({ ...olds, oktaVerify: "flexible" })).toMatchObject({ changes: true, replaces: [] });
    expect(await diff({ ...olds, oktaVerify: "classic" })).toMatchObject({ changes: false });
  });
});
