import { afterEach, describe, expect, it } from "vitest";
import { RunningEmulator, startOktaEmulator } from "../../src/emulator";
import { provisionSetup } from "../../src/provision/provisionSetup";
import { evaluateProgram } from "../../src/evaluate/evaluateProgram";
import { OktaApiError } from "../../src/orgSettings/managementClient";
import { defineDirectAuthProgram } from "../../src/program";
import { runOffline } from "../../src/start/offlineRun";
import { devEvaluation } from "../emulator/support/evaluations";
import { getJson } from "../emulator/support/http";
import { OKTA } from "../helpers/tokens";

const TOKEN = "provisioning-token";
let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function freshOrg() {
  emulator = await startOktaEmulator({ apiToken: TOKEN, rateLimits: "reported" });
  return emulator;
}

describe("applying the declared setup through the management API", () => {
  it("leaves a fresh org with each app as declared, assigned to Everyone, on its own sign-in policy", async () => {
    const evaluation = await devEvaluation();
    const org = await freshOrg();
    const provisioned = await provisionSetup(evaluation, { orgUrl: org.url, apiToken: TOKEN });

    const ssws = { authorization: `SSWS ${TOKEN}` };
    const apps = (await getJson(`${org.url}/api/v1/apps`, ssws)).body as unknown as {
      id: string;
      label: string;
      settings: { oauthClient: { grant_types: string[] } };
      _links: { accessPolicy: { href: string } };
    }[];
    const declared = evaluation.resources.filter((r) => r.type === OKTA.app);
    expect(apps.map((a) => a.label).sort()).toEqual(declared.map((r) => r.inputs.label).sort());
    for (const resource of declared) {
      const app = apps.find((a) => a.label === resource.inputs.label)!;
      expect(app.settings.oauthClient.grant_types).toEqual(resource.inputs.grantTypes);
      expect(app._links.accessPolicy.href).toContain(provisioned.ids.get(String(resource.inputs.authenticationPolicy)));
      const groups = (await getJson(`${org.url}/api/v1/apps/${app.id}/groups`, ssws)).body as unknown as { id: string }[];
      expect(groups).toHaveLength(1);
    }
    const outputApps = provisioned.outputs.apps as { clientId: string }[];
    expect(outputApps.every((a) => apps.some((app) => app.id === a.clientId))).toBe(true);
    expect(org.user(provisioned.testUser.login)?.password).toBe(provisioned.testUser.password);
  });

  it("gives the org what a stack only looks up (a named server, an existing user) and every flow passes", async () => {
    const evaluation = await evaluateProgram({
      stack: "named-server",
      program: defineDirectAuthProgram,
      config: {
        "okta:orgName": "dev-1",
        "okta-direct-auth:variants": JSON.stringify(["otp", "mfa-oob-phone"]),
        "okta-direct-auth:authorizationServer": "Direct Auth Server",
        "okta-direct-auth:testUser": JSON.stringify({ login: "existing@example.com" }),
      },
    });
    const report = await runOffline({ evaluation, pollIntervalSeconds: 1 });
    expect(report.issuer).toMatch(/\/oauth2\/[^/]+$/);
    expect(report.results.map((r) => [r.variant, r.status])).toEqual([
      ["otp", "pass"],
      ["mfa-oob-phone", "pass"],
    ]);
  }, 60_000);

  it("stops at Okta's refusal, naming it", async () => {
    const org = await freshOrg();
    const attempt = provisionSetup(await devEvaluation(), { orgUrl: org.url, apiToken: "not-the-token" });
    await expect(attempt).rejects.toThrow(OktaApiError);
    await expect(attempt).rejects.toThrow(/401 E0000011/);
  });
});
