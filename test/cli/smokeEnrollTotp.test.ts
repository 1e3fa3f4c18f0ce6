import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { evaluateStack } from "../../src/evaluate/evaluateStack";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { emulatedOrgs } from "../helpers/orgs";

const root = join(__dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
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
  const evaluation = await evaluateStack("dev", root);
  emulator = await start({ evaluation, apiToken: API_TOKEN });
  client = new OktaManagementClient({ orgUrl: emulator.url, apiToken: API_TOKEN });
  userId = (await client.get<{ id: string }>(`/api/v1/users/${encodeURIComponent(emulator.testUser.login)}`)).id;
  for (const factor of await totpFactors()) await client.delete(`/api/v1/users/${userId}/factors/${factor.id}`);
  otpClientId = (evaluation.outputs.apps as { clientId: string; variants: string[] }[]).find((a) => a.variants.includes("otp"))!.clientId;
});

function smoke(env: Record<string, string>) {
  const args = ["src/cli/smoke.ts", "--issuer", emulator.url, "--client-id", otpClientId, "--variants", "otp"];
  args.push("--username", emulator.testUser.login, "--enroll-totp", "--json");
  return promisify(execFile)(tsx, args, { cwd: root, timeout: 60_000, env: { PATH: process.env.PATH!, ...env } });
}

describe("npm run smoke -- --enroll-totp", () => {
  it("enrolls a factor with the management credentials, passes the OTP variant, and removes the factor", async () => {
    const { stdout, stderr } = await smoke({ OKTA_HTTP_PROXY: emulator.url, OKTA_API_TOKEN: API_TOKEN });
    expect(JSON.parse(stdout).results).toEqual([expect.objectContaining({ variant: "otp", status: "pass" })]);
    expect(stderr).toContain("removed the enrolled factor");
    expect(stdout + stderr).not.toContain(API_TOKEN);
    expect(await totpFactors()).toEqual([]);
  }, 60_000);

  it("exits 2 and says which credentials are missing", async () => {
    await expect(smoke({ OKTA_HTTP_PROXY: emulator.url })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("okta:apiToken"),
    });
  }, 60_000);
});
