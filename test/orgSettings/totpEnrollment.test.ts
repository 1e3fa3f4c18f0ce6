import { describe, expect, it } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { devStackOrgs } from "../helpers/orgs";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { TotpEnrollmentError, totpCode, withTemporaryTotpFactor } from "../../src/orgSettings/totpEnrollment";
import { json, localServer } from "../smoke/localServer";
import { API_TOKEN, clientFor } from "./support/orgUnderTest";

type Factor = { id: string; factorType: string; status: string };

const { orgFor } = devStackOrgs({ apiToken: API_TOKEN });
/** The running test's org, for what its test user holds. */
let emulator: RunningEmulator | undefined;

async function totpFactors(client: OktaManagementClient, login: string): Promise<Factor[]> {
  const user = await client.get<{ id: string }>(`/api/v1/users/${encodeURIComponent(login)}`);
  return (await client.get<Factor[]>(`/api/v1/users/${user.id}/factors`)).filter((f) => f.factorType === "token:software:totp");
}

/** The dev org's test user as a person who never set up Google Authenticator. */
async function userWithoutTotp(): Promise<{ client: OktaManagementClient; login: string }> {
  emulator = await orgFor();
  const client = clientFor(emulator);
  const login = emulator.testUser.login;
  const user = await client.get<{ id: string }>(`/api/v1/users/${encodeURIComponent(login)}`);
  for (const factor of await totpFactors(client, login)) await client.delete(`/api/v1/users/${user.id}/factors/${factor.id}`);
  return { client, login };
}

describe("temporary Google Authenticator factor for the smoke check", () => {
  it("enrolls and activates a factor whose secret yields accepted codes, then removes it", async () => {
    const { client, login } = await userWithoutTotp();
    const seen = await withTemporaryTotpFactor(client, login, false, async (secret) => {
      expect(await totpFactors(client, login)).toEqual([expect.objectContaining({ status: "ACTIVE" })]);
      expect(secret).toBe(emulator!.testUser.totpSecret);
      return totpCode(secret);
    });
    expect(seen).toMatch(/^\d{6}$/);
    expect(await totpFactors(client, login)).toEqual([]);
  });

  it("keeps the factor when asked, and removes it even when the run throws", async () => {
    const { client, login } = await userWithoutTotp();
    await withTemporaryTotpFactor(client, login, true, async () => undefined);
    expect(await totpFactors(client, login)).toHaveLength(1);

    const second = await userWithoutTotp();
    await expect(
      withTemporaryTotpFactor(second.client, second.login, false, async () => {
        throw new Error("smoke blew up");
      }),
    ).rejects.toThrow("smoke blew up");
    expect(await totpFactors(second.client, second.login)).toEqual([]);
  });

  it("hands back the run's result and says so when the factor cannot be removed afterwards", async () => {
    const { client, login } = await userWithoutTotp();
    const problems: TotpEnrollmentError[] = [];
    const result = await withTemporaryTotpFactor(
      client,
      login,
      false,
      async () => {
        const user = await client.get<{ id: string }>(`/api/v1/users/${encodeURIComponent(login)}`);
        for (const factor of await totpFactors(client, login)) await client.delete(`/api/v1/users/${user.id}/factors/${factor.id}`);
        return "report";
      },
      (problem) => problems.push(problem),
    );
    expect(result).toBe("report");
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/could not remove the enrolled factor .*404/)]);
  });

  it("explains, without any secret, why it cannot enroll a user who already has the factor", async () => {
    emulator = await orgFor();
    const attempt = withTemporaryTotpFactor(clientFor(emulator), emulator.testUser.login, false, async () => undefined);
    await expect(attempt).rejects.toThrow(TotpEnrollmentError);
    await expect(attempt).rejects.toThrow(/OKTA_SMOKE_TOTP_SECRET/);
  });
});

describe("enrollment against an org that misbehaves", () => {
  it("says in one sentence that the org did not answer in time", async () => {
    const org = await localServer(() => undefined);
    try {
      const client = new OktaManagementClient({ orgUrl: org.url, apiToken: API_TOKEN }, { requestTimeoutMs: 200 });
      const attempt = withTemporaryTotpFactor(client, "t@example.com", false, async () => undefined);
      await expect(attempt).rejects.toThrow(TotpEnrollmentError);
      await expect(attempt).rejects.toThrow(`could not look up t@example.com: GET /api/v1/users/t%40example.com on ${org.url} did not answer within 0.2 s`);
    } finally {
      await org.close();
    }
  });

  it("prints Okta's words and the login without terminal controls", async () => {
    const org = await localServer((_req, res) =>
      json(res, 404, { errorCode: "E0000007", errorSummary: "Not found: \u001b[2Jnobody\r\u202e", errorCauses: [] }),
    );
    try {
      const client = new OktaManagementClient({ orgUrl: org.url, apiToken: API_TOKEN });
      const attempt = withTemporaryTotpFactor(client, "t@example.com\u001b]0;x\u0007", false, async () => undefined);
      await expect(attempt).rejects.toThrow("could not look up t@example.com: Okta answered 404 E0000007: Not found: nobody ");
    } finally {
      await org.close();
    }
  });
});
