import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/smoke";
import { RunningEmulator } from "../../src/emulator";
import { devEvaluation } from "../helpers/devStack";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { runCommand } from "../helpers/commandIo";
import { emulatedOrgs } from "../helpers/orgs";

const API_TOKEN = "cli-test-token";

const start = emulatedOrgs();
let emulator: RunningEmulator;
let client: OktaManagementClient;
let userId: string;
let otpClientId: string;

const totpFactors = async () =>
  (await client.get<{ id: string; factorType: string }[]>(`/api/v1/users/${userId}/factors`)).filter(
    (f) => f.factorType === "token:software:totp",
  );

beforeAll(async () => {
  const evaluation = await devEvaluation();
  emulator = await start({ evaluation, apiToken: API_TOKEN });
  client = new OktaManagementClient({ orgUrl: emulator.url, apiToken: API_TOKEN });
  userId = (await client.get<{ id: string }>(`/api/v1/users/${encodeURIComponent(emulator.testUser.login)}`)).id;
  for (const factor of await totpFactors()) await client.delete(`/api/v1/users/${userId}/factors/${factor.id}`);
  otpClientId = (evaluation.outputs.apps as { clientId: string; variants: string[] }[]).find((a) => a.variants.includes("otp"))!.clientId;
});

/** `npm run smoke -- --enroll-totp` on the OTP variant, run in this process with only `env`. */
function smoke(env: Record<string, string>) {
  const args = ["--issuer", emulator.url, "--client-id", otpClientId, "--variants", "otp"];
  args.push("--username", emulator.testUser.login, "--enroll-totp", "--json");
  return runCommand(main, args, env);
}

describe("npm run smoke -- --enroll-totp", () => {
  it("enrolls a factor with the management credentials, passes the OTP variant, and removes the factor", async () => {
    const { code, stdout, stderr } = await smoke({ OKTA_HTTP_PROXY: emulator.url, OKTA_API_TOKEN: API_TOKEN });
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).results).toEqual([expect.objectContaining({ variant: "otp", status: "pass" })]);
    expect(stderr).toContain("removed the enrolled factor");
    expect(stdout + stderr).not.toContain(API_TOKEN);
    expect(await totpFactors()).toEqual([]);
  }, 60_000);

  it("exits 2 and says which credentials are missing", async () => {
    expect(await smoke({ OKTA_HTTP_PROXY: emulator.url })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("okta:apiToken"),
    });
  }, 60_000);
});
