import { generateKeyPairSync } from "node:crypto";
import { JWK } from "jose";
import { describe, expect, it } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { exitCodeOf, renderSmokeJson, renderSmokeTable } from "../../src/smoke/report";
import { devStackOrgs } from "../helpers/orgs";
import { edited, SMOKE_ORG, smokeAgainst, targetsOf } from "./emulatorHarness";
import { MISCONFIGURATIONS } from "./misconfigurations";

/**
 * Okta's policy simulation against the emulator, whose simulation and flows share one matching:
 * on the dev stack every variant's policy is verified, and every misconfiguration the flows blame
 * on the authentication or session policy the simulation finds too, with the same guide step;
 * the others it leaves to the flows.
 */
const TOKEN = "policy-simulation-token";
/** The guide's heading for both the app sign-in policy and the global session policy. */
const POLICY_STEP = "Set up the authentication policy";
const ALL_EIGHT = ["otp", "mfa-otp", "oob-okta-verify", "mfa-oob-okta-verify", "oob-phone", "mfa-oob-phone", "oob-email", "mfa-oob-email"];

const { dev, orgFor } = devStackOrgs(SMOKE_ORG);

const management = (e: RunningEmulator) => new OktaManagementClient({ orgUrl: e.url, apiToken: TOKEN });

describe("the smoke check's policy line", () => {
  it("verifies every variant of the dev stack, in text and --json, without a human step", async () => {
    const emulator = await orgFor(dev(), { apiToken: TOKEN });
    const run = await smokeAgainst(emulator, targetsOf(dev()), { management: management(emulator), codeSource: undefined, totpSecret: undefined });
    expect(run.report.results.map((r) => [r.variant, r.status, r.policy?.text])).toEqual(
      ALL_EIGHT.map((v) => [v, "wired", "verified"]),
    );
    for (const v of ALL_EIGHT) expect(renderSmokeTable(run.report)).toContain(`  ${v} policy: verified`);
    const json = JSON.parse(renderSmokeJson(run.report)) as { results: { policy: string }[] };
    expect(json.results.map((r) => r.policy)).toEqual(ALL_EIGHT.map(() => "verified"));
    expect(exitCodeOf(run.report)).toBe(0);
    const simulations = emulator.requests.filter((r) => r.path === "/api/v1/policies/simulate");
    expect(simulations.map((r) => r.method)).toEqual(ALL_EIGHT.map(() => "POST"));
    expect(emulator.requests.filter((r) => r.path.startsWith("/api/") && r.method !== "GET" && r.path !== "/api/v1/policies/simulate")).toEqual([]);
  });

  it("needs only read-only scopes: a service app granted okta.policies.read okta.apps.read okta.users.read verifies every variant", async () => {
    const scopes = ["okta.policies.read", "okta.apps.read", "okta.users.read"];
    const key = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const publicJwk = { ...(key.publicKey.export({ format: "jwk" }) as JWK), kid: "k1", alg: "RS256" };
    const emulator = await orgFor(dev(), { serviceApps: [{ clientId: "0oaPolicyReader000001", publicKeys: [publicJwk], scopes }] });
    const readOnly = new OktaManagementClient({
      orgUrl: emulator.url,
      clientId: "0oaPolicyReader000001",
      privateKey: key.privateKey.export({ format: "pem", type: "pkcs1" }).toString(),
      privateKeyId: "k1",
      scopes,
    });
    const run = await smokeAgainst(emulator, targetsOf(dev()), { management: readOnly, codeSource: undefined, totpSecret: undefined });
    expect(run.report.results.map((r) => r.policy?.text)).toEqual(ALL_EIGHT.map(() => "verified"));
    expect(emulator.requests.filter((r) => r.path.startsWith("/api/") && r.status !== 200)).toEqual([]);
  });

  it("has no policy line without management credentials", async () => {
    const emulator = await orgFor(dev(), { apiToken: TOKEN });
    const run = await smokeAgainst(emulator, targetsOf(dev(), ["otp"]));
    expect(run.report.results[0].policy).toBeUndefined();
    expect(renderSmokeTable(run.report)).not.toContain("policy:");
  });

  it.each(MISCONFIGURATIONS)("agrees with the flows on: $case", async (m) => {
    const broken = m.edit ? edited(dev(), m.edit) : dev();
    const emulator = await orgFor(broken, { ...m.emulator, apiToken: TOKEN });
    const run = await smokeAgainst(emulator, targetsOf(broken, [m.variant]), { ...m.smoke?.(emulator), management: management(emulator) });
    const [result] = run.report.results;
    expect(result.status).toBe("fail");
    if (m.guideStep === POLICY_STEP) {
      expect(result.diagnosis).toContain(`guide step "${POLICY_STEP}"`);
      expect(result.policy).toMatchObject({ verified: false });
      expect(result.policy?.notSimulated).toBeFalsy();
      expect(result.policy?.text).toContain(`guide step "${POLICY_STEP}"`);
    } else {
      // Not a policy matter: the simulation finds the policies right, or cannot name the app or user.
      expect(result.policy === undefined || result.policy.verified || result.policy.notSimulated).toBe(true);
    }
  });

  it("names the policy and the rule it resolved to", async () => {
    const broken = edited(dev(), (rs) => rs.filter((r) => r.name !== "direct-auth-direct-auth-otp-policy-test-user-rule"));
    const emulator = await orgFor(broken, { apiToken: TOKEN });
    const run = await smokeAgainst(emulator, targetsOf(broken, ["otp"]), { management: management(emulator) });
    expect(run.report.results[0].policy?.text).toMatch(
      /^authentication policy "Direct Auth 1FA" of `Direct Auth OTP` resolves direct-auth-tester@example\.com to rule "Catch-all Rule", not a rule for the test user: add rule "1Factor" .*"Any 1 factor type" \(guide step "Set up the authentication policy"\)$/,
    );
  });
});
