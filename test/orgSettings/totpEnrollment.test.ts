import { afterEach, describe, expect, it, vi } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { devStackOrgs } from "../helpers/orgs";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { TotpEnrollmentError, totpCode, withTemporaryTotpFactor } from "../../src/orgSettings/totpEnrollment";
import { LocalServer, json, localServer } from "../smoke/localServer";
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

  it("keeps the factor when asked, even when the run throws, and otherwise removes it even then", async () => {
    const { client, login } = await userWithoutTotp();
    await withTemporaryTotpFactor(client, login, true, async () => undefined);
    expect(await totpFactors(client, login)).toHaveLength(1);

    const kept = await userWithoutTotp();
    await expect(
      withTemporaryTotpFactor(kept.client, kept.login, true, async () => {
        throw new Error("smoke blew up");
      }),
    ).rejects.toThrow("smoke blew up");
    expect(await totpFactors(kept.client, kept.login)).toEqual([expect.objectContaining({ status: "ACTIVE" })]);

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

  it("throws the clean-up's failure after a run that succeeded when nobody is there to be told", async () => {
    const { client, login } = await userWithoutTotp();
    const attempt = withTemporaryTotpFactor(client, login, false, async () => {
      const user = await client.get<{ id: string }>(`/api/v1/users/${encodeURIComponent(login)}`);
      for (const factor of await totpFactors(client, login)) await client.delete(`/api/v1/users/${user.id}/factors/${factor.id}`);
      return "report";
    });
    await expect(attempt).rejects.toThrow(TotpEnrollmentError);
    await expect(attempt).rejects.toThrow(`could not remove the enrolled factor (remove it from ${login} in the Admin Console): Okta answered 404`);
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
      await expect(attempt).rejects.toThrow(
        new TotpEnrollmentError("could not look up t@example.com: Okta answered 404 E0000007: Not found: nobody "),
      );
    } finally {
      await org.close();
    }
  });

  it("says a missing credential as it is, not as an enrollment failure", async () => {
    const org = await localServer((_req, res) => json(res, 200, {}));
    try {
      const client = new OktaManagementClient({ orgUrl: org.url });
      const failure = await withTemporaryTotpFactor(client, "t@example.com", false, async () => undefined).catch((error: unknown) => error);
      expect(failure).not.toBeInstanceOf(TotpEnrollmentError);
      expect((failure as Error).message).toBe(
        "no Okta management credentials: set okta:apiToken (pulumi config set --secret okta:apiToken ...), " +
          "or okta:clientId + okta:privateKey + okta:privateKeyId + okta:scopes, or the OKTA_API_TOKEN env variable",
      );
      expect(org.received).toEqual([]);
    } finally {
      await org.close();
    }
  });
});

/** RFC 6238 Appendix B's secret, the ASCII "12345678901234567890", in base32. */
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

type Step = "look up" | "enroll" | "activate" | "remove";

/**
 * An org that answers each enrollment step as Okta does for a user `00u1` enrolling factor `uft1`
 * with RFC 6238's secret, but for the steps given their own answer.
 */
async function orgAnswering(answers: Partial<Record<Step, [status: number, body: unknown]>> = {}): Promise<LocalServer> {
  const normal: Record<Step, [number, unknown]> = {
    "look up": [200, { id: "00u1", status: "ACTIVE" }],
    enroll: [200, { id: "uft1", factorType: "token:software:totp", provider: "GOOGLE", status: "PENDING_ACTIVATION", _embedded: { activation: { sharedSecret: RFC_SECRET } } }],
    activate: [200, { id: "uft1", factorType: "token:software:totp", provider: "GOOGLE", status: "ACTIVE" }],
    remove: [204, undefined],
  };
  const steps = new Map<string, Step>([
    ["GET /api/v1/users/t%40example.com", "look up"],
    ["POST /api/v1/users/00u1/factors", "enroll"],
    ["POST /api/v1/users/00u1/factors/uft1/lifecycle/activate", "activate"],
    ["DELETE /api/v1/users/00u1/factors/uft1", "remove"],
  ]);
  return localServer((req, res) => {
    const step = steps.get(`${req.method} ${req.url}`);
    if (!step) return json(res, 404, { errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${req.url} (Path)`, errorCauses: [] });
    const [status, body] = answers[step] ?? normal[step];
    if (body === undefined) {
      res.writeHead(status);
      res.end();
    } else json(res, status, body);
  });
}

const refusal = (status: number, errorCode: string, errorSummary: string, causes: string[] = []) =>
  [status, { errorCode, errorSummary, errorCauses: causes.map((errorSummary) => ({ errorSummary })) }] as [number, unknown];

describe("enrollment step by step against an org that answers as Okta does", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function enrollOn(org: LocalServer): Promise<unknown> {
    const client = new OktaManagementClient({ orgUrl: org.url, apiToken: API_TOKEN });
    return withTemporaryTotpFactor(client, "t@example.com", false, async (secret) => secret).catch((error: unknown) => error);
  }

  it("activates with the code of the step before the current one, leaving the current one to the flows", async () => {
    // 30 s after RFC 6238's 1234567890 s, whose code is 89005924: the step before is that one.
    vi.useFakeTimers({ toFake: ["Date"], now: 1_234_567_920_000 });
    const org = await orgAnswering();
    try {
      expect(await enrollOn(org)).toBe(RFC_SECRET);
      expect(org.received.map((r) => [r.method, r.path, r.body])).toEqual([
        ["GET", "/api/v1/users/t%40example.com", ""],
        ["POST", "/api/v1/users/00u1/factors", JSON.stringify({ factorType: "token:software:totp", provider: "GOOGLE" })],
        ["POST", "/api/v1/users/00u1/factors/uft1/lifecycle/activate", JSON.stringify({ passCode: "005924" })],
        ["DELETE", "/api/v1/users/00u1/factors/uft1", ""],
      ]);
    } finally {
      await org.close();
    }
  });

  it.each([
    ["no _embedded", { id: "uft1", status: "PENDING_ACTIVATION" }],
    ["an _embedded without activation", { id: "uft1", status: "PENDING_ACTIVATION", _embedded: {} }],
    ["an activation without a shared secret", { id: "uft1", status: "PENDING_ACTIVATION", _embedded: { activation: {} } }],
  ])("says the org gave no shared secret when the new factor comes with %s, and activates nothing", async (_, factor) => {
    const org = await orgAnswering({ enroll: [200, factor] });
    try {
      const failure = await enrollOn(org);
      expect(failure).toBeInstanceOf(TotpEnrollmentError);
      expect(failure).toMatchObject({ name: "TotpEnrollmentError", message: "Okta did not return the new factor's shared secret" });
      expect(org.received.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/v1/users/t%40example.com", "POST /api/v1/users/00u1/factors"]);
    } finally {
      await org.close();
    }
  });

  const HINT = "; if the user already has a Google Authenticator factor, set OKTA_SMOKE_TOTP_SECRET to its secret or reset the factor";
  it.each<[string, Partial<Record<Step, [number, unknown]>>, string]>([
    [
      "a 400 on enroll, with the hint about a factor already there",
      { enroll: refusal(400, "E0000001", "Api validation failed: factorType", ["factorType: A factor of this type is already set up."]) },
      "could not enroll Google Authenticator for t@example.com: Okta answered 400 E0000001: Api validation failed: factorType " +
        "(factorType: A factor of this type is already set up.)" +
        HINT,
    ],
    [
      "a 403 on enroll, without it",
      { enroll: refusal(403, "E0000006", "You do not have permission to perform the requested action") },
      "could not enroll Google Authenticator for t@example.com: Okta answered 403 E0000006: You do not have permission to perform the requested action",
    ],
    [
      "a 400 on activate, without it",
      { activate: refusal(400, "E0000001", "Api validation failed: passCode", ["passCode: The passcode is invalid."]) },
      "could not activate the new factor: Okta answered 400 E0000001: Api validation failed: passCode (passCode: The passcode is invalid.)",
    ],
    [
      "a wrong passcode on activate",
      { activate: refusal(403, "E0000068", "Invalid Passcode/Answer", ["Your passcode doesn't match our records. Please try again."]) },
      "could not activate the new factor: Okta answered 403 E0000068: Invalid Passcode/Answer (Your passcode doesn't match our records. Please try again.)",
    ],
  ])("names the step Okta refused: %s", async (_, answers, message) => {
    const org = await orgAnswering(answers);
    try {
      const failure = await enrollOn(org);
      expect(failure).toBeInstanceOf(TotpEnrollmentError);
      expect(failure).toMatchObject({ name: "TotpEnrollmentError", message });
    } finally {
      await org.close();
    }
  });
});
