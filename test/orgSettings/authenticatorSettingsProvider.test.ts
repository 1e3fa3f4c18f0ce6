import * as pulumi from "@pulumi/pulumi";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JWK } from "jose";
import { RunningEmulator } from "../../src/emulator";
import { devEvaluation } from "../helpers/devStack";
import { SETTINGS_KIND } from "../../src/okta/declaration";
import {
  AuthenticatorSettingsInputs,
  AuthenticatorSettingsOutputs,
  authenticatorSettingsProvider,
} from "../../src/orgSettings/authenticatorSettingsProvider";
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
