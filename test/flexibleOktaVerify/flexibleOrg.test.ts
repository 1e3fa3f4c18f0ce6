import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { adoptOrg } from "../../src/adopt/adoptOrg";
import { RunningEmulator, startOktaEmulator } from "../../src/emulator";
import { provisionSetup } from "../../src/provision/provisionSetup";
import { Evaluation, evaluateProgram } from "../../src/evaluate/evaluateProgram";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { OrgKindMismatchError } from "../../src/orgSettings/oktaVerifyCheck";
import { defineDirectAuthProgram } from "../../src/program";
import { runOffline } from "../../src/start/offlineRun";
import { getJson, sendJson } from "../emulator/support/http";

/**
 * Okta's Okta Verify integration guide, "Configure Okta Verify as standalone authenticators": with
 * Flexible Okta Verify on, Okta Verify is `okta_verify_totp`, `okta_verify_push` and
 * `okta_verify_fastpass`, and `okta_verify` is refused in authenticator writes and policy settings.
 */
const TOKEN = "flexible-okta-verify-token";
const SSWS = { authorization: `SSWS ${TOKEN}` };
const NO_LONGER_ACCEPTED = /okta_verify is no longer accepted\. Use okta_verify_totp, okta_verify_push, or okta_verify_fastpass instead/;
const ALL_EIGHT = ["otp", "mfa-otp", "oob-okta-verify", "mfa-oob-okta-verify", "oob-phone", "mfa-oob-phone", "oob-email", "mfa-oob-email"];

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

function stack(oktaVerify?: "classic" | "flexible", variants = ALL_EIGHT): Promise<Evaluation> {
  return evaluateProgram({
    stack: `flexible-${oktaVerify ?? "default"}`,
    program: defineDirectAuthProgram,
    config: {
      "okta:orgName": "dev-1",
      "okta-direct-auth:variants": JSON.stringify(variants),
      "okta-direct-auth:testUser": JSON.stringify({ login: "tester@example.com", create: true }),
      ...(oktaVerify ? { "okta-direct-auth:oktaVerify": oktaVerify } : {}),
    },
  });
}

const causes = (body: Record<string, unknown>) => (body.errorCauses as { errorSummary: string }[]).map((c) => c.errorSummary).join("\n");

describe("an emulated org with Flexible Okta Verify", () => {
  it("lists Okta Verify as one authenticator per method, and no okta_verify", async () => {
    emulator = await startOktaEmulator({ apiToken: TOKEN, oktaVerify: "flexible" });
    const keys = ((await getJson(`${emulator.url}/api/v1/authenticators`, SSWS)).body as unknown as { key: string }[]).map((a) => a.key);
    expect(keys).toEqual(expect.arrayContaining(["okta_verify_push", "okta_verify_totp", "okta_verify_fastpass"]));
    expect(keys).not.toContain("okta_verify");
  });

  it("refuses okta_verify where Okta does: authenticator create, enrollment policy entries, sign-in rule methods", async () => {
    emulator = await startOktaEmulator({ apiToken: TOKEN, oktaVerify: "flexible" });
    const api = (method: string, path: string, body: unknown) => sendJson(method, `${emulator!.url}${path}`, body, SSWS);

    const created = await api("POST", "/api/v1/authenticators", { key: "okta_verify", name: "Okta Verify" });
    expect(created.status).toBe(400);
    expect(created.body.errorCode).toBe("E0000001");
    expect(causes(created.body)).toMatch(NO_LONGER_ACCEPTED);

    const [enrollment] = ((await getJson(`${emulator.url}/api/v1/policies?type=MFA_ENROLL`, SSWS)).body as unknown as Record<string, any>[]).filter((p) => p.system);
    const withClassic = {
      ...enrollment,
      settings: { ...enrollment.settings, authenticators: [...enrollment.settings.authenticators, { key: "okta_verify", enroll: { self: "OPTIONAL" } }] },
    };
    const put = await api("PUT", `/api/v1/policies/${enrollment.id}`, withClassic);
    expect(put.status).toBe(400);
    expect(causes(put.body)).toMatch(NO_LONGER_ACCEPTED);

    const policy = await api("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "Needs push", status: "ACTIVE" });
    const rule = (key: string) => ({
      name: "push",
      actions: {
        appSignOn: {
          access: "ALLOW",
          verificationMethod: { factorMode: "2FA", type: "ASSURANCE", constraints: [{ possession: { authenticationMethods: [{ key, method: "push" }] } }] },
        },
      },
    });
    const refused = await api("POST", `/api/v1/policies/${policy.body.id}/rules`, rule("okta_verify"));
    expect(refused.status).toBe(400);
    expect(causes(refused.body)).toMatch(NO_LONGER_ACCEPTED);
    expect((await api("POST", `/api/v1/policies/${policy.body.id}/rules`, rule("okta_verify_push"))).status).toBe(200);
  });

  it("takes okta_verify in a classic org, and refuses the per-method keys there", async () => {
    emulator = await startOktaEmulator({ apiToken: TOKEN });
    const created = await sendJson("POST", `${emulator.url}/api/v1/authenticators`, { key: "okta_verify_push", name: "Okta Verify Push" }, SSWS);
    expect(created.status).toBe(400);
    expect(causes(created.body)).toMatch(/Unsupported authenticator key/);
  });
});

describe("the program in both kinds of org", () => {
  let classic: Evaluation;
  let flexible: Evaluation;
  beforeAll(async () => {
    classic = await stack();
    flexible = await stack("flexible");
  });

  it("declares okta_verify_push where the org has it and okta_verify elsewhere, in the authenticator and the org settings", () => {
    const keysOf = (e: Evaluation) => ({
      authenticators: e.resources.filter((r) => r.type === "okta:index/authenticator:Authenticator").map((r) => r.inputs.key),
      settings: (e.resources.find((r) => r.inputs.settingsKind)!.inputs.authenticators as { key: string }[]).map((a) => a.key),
    });
    expect(keysOf(classic)).toEqual({
      authenticators: ["google_otp", "okta_verify", "phone_number", "okta_email"],
      settings: ["google_otp", "okta_verify", "phone_number", "okta_email"],
    });
    expect(keysOf(flexible)).toEqual({
      authenticators: ["google_otp", "okta_verify_push", "phone_number", "okta_email"],
      settings: ["google_otp", "okta_verify_push", "phone_number", "okta_email"],
    });
    expect(flexible.outputs.oktaVerify).toBe("flexible");
    expect(classic.outputs.oktaVerify).toBe("classic");
  });

  it.each([
    ["classic", "classic"],
    ["flexible", "flexible"],
  ] as const)("a %s stack passes all eight variants on a %s org", async (kind, org) => {
    // Eight apps outrun the free edition's 20 app calls a minute; the limits are not what this judges.
    const report = await runOffline({ evaluation: kind === "classic" ? classic : flexible, oktaVerify: org, pollIntervalSeconds: 0.2, rateLimits: "reported" });
    expect(report.results.map((r) => [r.variant, r.status])).toEqual(ALL_EIGHT.map((v) => [v, "pass"]));
  }, 60_000);

  it.each([
    ["classic", "flexible", /oktaVerify is "classic", but this org has Flexible Okta Verify .*pulumi config set okta-direct-auth:oktaVerify flexible/],
    ["flexible", "classic", /oktaVerify is "flexible", but this org has one okta_verify authenticator .*pulumi config set okta-direct-auth:oktaVerify classic/],
  ] as const)("a %s stack on a %s org stops with one message naming the key and the fix, before any write", async (kind, org, message) => {
    emulator = await startOktaEmulator({ apiToken: TOKEN, oktaVerify: org });
    const attempt = provisionSetup(kind === "classic" ? classic : flexible, { orgUrl: emulator.url, apiToken: TOKEN });
    await expect(attempt).rejects.toThrow(OrgKindMismatchError);
    await expect(attempt).rejects.toThrow(message);
    expect(emulator.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("a stack without Okta Verify variants runs on either kind of org", async () => {
    const noPush = await stack(undefined, ["otp", "mfa-oob-phone"]);
    const report = await runOffline({ evaluation: noPush, oktaVerify: "flexible", pollIntervalSeconds: 0.2 });
    expect(report.results.map((r) => r.status)).toEqual(["pass", "pass"]);
    expect(noPush.outputs.oktaVerify).toBeUndefined();
  }, 60_000);

  it("npm run adopt reads the kind from the org and infers the push variants from okta_verify_push", async () => {
    // Eight apps outrun the free edition's 20 app calls a minute; the limits are not what this judges.
    emulator = await startOktaEmulator({ apiToken: TOKEN, oktaVerify: "flexible", rateLimits: "reported" });
    await provisionSetup(flexible, { orgUrl: emulator.url, apiToken: TOKEN });
    const client = new OktaManagementClient({ orgUrl: emulator.url, apiToken: TOKEN });
    const adopted = await adoptOrg(client, new URL(emulator.url), "flex");
    expect(adopted.config["okta-direct-auth:oktaVerify"]).toBe("flexible");
    expect(adopted.config["okta-direct-auth:variants"]).toEqual(ALL_EIGHT);
  });
});
