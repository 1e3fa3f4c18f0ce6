import { ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { parseEmulatorArgs } from "../../src/cli/emulator";
import { CliError, UsageError } from "../../src/cli/args/usageError";

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

interface Served {
  child: ChildProcessWithoutNullStreams;
  first: { url: string; apiToken: string };
  lines: AsyncIterableIterator<string>;
  exit: Promise<number | null>;
  stderr: () => string;
}

/** Starts `npm run emulator -- ...` and resolves with its first stdout line; `lines` reads the next ones. */
async function serve(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Served> {
  const child = spawn(TSX, ["src/cli/emulator.ts", "--json", ...args], { cwd: ROOT, env });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await Promise.race([lines.next(), exit.then((code) => Promise.reject(new Error(`exited ${code}: ${stderr}`)))]);
  return { child, first: JSON.parse(first.value as string), lines, exit, stderr: () => stderr };
}

async function api(served: Served, method: string, path: string, body?: unknown) {
  const response = await fetch(`${served.first.url}${path}`, {
    method,
    headers: { authorization: `SSWS ${served.first.apiToken}`, accept: "application/json", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("npm run emulator", () => {
  it("serves a stack's setup on loopback, keeps the org in --state across runs, and stops on SIGTERM", async () => {
    const state = join(mkdtempSync(join(tmpdir(), "emulator-cli-")), "org.json");
    const first = await serve(["--state", state, "--setup", "prod", "--api-token", "first-token-123"]);
    expect(first.first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.first.apiToken).toBe("first-token-123");
    const apps = (await api(first, "GET", "/api/v1/apps")).body as { label: string }[];
    expect(apps.map((a) => a.label)).toEqual(["Direct Auth MFA"]);
    expect((await api(first, "POST", "/api/v1/groups", { profile: { name: "Kept across runs" } })).status).toBe(200);
    first.child.kill("SIGTERM");
    expect(await first.exit).toBe(0);

    const second = await serve(["--state", state]);
    const groups = (await api(second, "GET", "/api/v1/groups?q=Kept")).body as { profile: { name: string } }[];
    expect(groups.map((g) => g.profile.name)).toEqual(["Kept across runs"]);
    expect(((await api(second, "GET", "/api/v1/apps")).body as unknown[]).length).toBe(1);
    second.child.kill("SIGINT");
    expect(await second.exit).toBe(0);
  }, 60_000);

  it("keeps serving when the state cannot be saved, says so once, and saves once it can", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "emulator-cli-")), "state");
    mkdirSync(dir);
    const state = join(dir, "org.json");
    const served = await serve(["--state", state]);
    rmSync(dir, { recursive: true });
    expect((await api(served, "POST", "/api/v1/groups", { profile: { name: "Made while unsaved" } })).status).toBe(200);
    expect((await api(served, "POST", "/api/v1/groups", { profile: { name: "Made while unsaved 2" } })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await api(served, "GET", "/api/v1/groups?q=Made")).status).toBe(200);
    expect(served.stderr().trim().split("\n")).toEqual([expect.stringMatching(/cannot save the org to .*ENOENT.*still serving/)]);
    mkdirSync(dir);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(readFileSync(state, "utf8")).toContain("Made while unsaved 2");
    served.child.kill("SIGTERM");
    expect(await served.exit).toBe(0);
  }, 30_000);

  it("refuses to start a second emulator on the same state file", async () => {
    const state = join(mkdtempSync(join(tmpdir(), "emulator-cli-")), "org.json");
    const first = await serve(["--state", state]);
    const second = spawn(TSX, ["src/cli/emulator.ts", "--state", state], { cwd: ROOT });
    let stderr = "";
    second.stderr.on("data", (chunk) => (stderr += chunk));
    expect(await new Promise((resolve) => second.on("exit", resolve))).toBe(2);
    expect(stderr.trim()).toMatch(/^emulator: .*org\.json is in use by another emulator \(pid \d+\); stop it or pass another --state$/);
    first.child.kill("SIGTERM");
    expect(await first.exit).toBe(0);
  }, 30_000);

  it("refuses a corrupt state file in one line instead of starting a fresh org", async () => {
    const state = join(mkdtempSync(join(tmpdir(), "emulator-cli-")), "org.json");
    writeFileSync(state, "{not json");
    const child = spawn(TSX, ["src/cli/emulator.ts", "--state", state], { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^emulator: .*org\.json is corrupt .*move it away/)]);
  }, 30_000);
});

describe("npm run emulator with the smoke check", () => {
  it("serves a setup the smoke check gets through, given the stack's client ids and the password it chose", async () => {
    const password = "Emulated-Passw0rd!";
    const served = await serve(["--setup", "prod"], { ...process.env, OKTA_SMOKE_PASSWORD: password });
    const setup = JSON.parse((await served.lines.next()).value as string) as {
      issuer: string;
      testUser: string;
      apps: { clientId: string; variants: string[] }[];
    };
    expect(setup.issuer).toBe(`${served.first.url}/oauth2/default`);
    expect(JSON.stringify(setup)).not.toContain(password);

    const smoke = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(
        TSX,
        ["src/cli/smoke.ts", "--issuer", setup.issuer, "--client-id", setup.apps[0].clientId, "--variants", setup.apps[0].variants.join(","),
          "--username", setup.testUser, "--code-outbox", `${served.first.url}/__emulator/outbox`, "--enroll-totp", "--json"],
        { cwd: ROOT, env: { ...process.env, OKTA_SMOKE_PASSWORD: password, OKTA_API_TOKEN: served.first.apiToken } },
      );
      let stdout = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.on("exit", (code) => resolve({ code, stdout }));
    });
    served.child.kill("SIGTERM");
    expect(await served.exit).toBe(0);
    expect(smoke.code).toBe(0);
    // The push is approved by the simulated user. The test user, created through the API, has no
    // Google Authenticator factor until --enroll-totp enrolls one through the factors API, as on a
    // real org (issue 17, defect 4); then the OTP flow passes too.
    const report = JSON.parse(smoke.stdout) as { results: { variant: string; status: string }[] };
    expect(report.results.map((r) => [r.variant, r.status])).toEqual([
      ["mfa-otp", "pass"],
      ["mfa-oob-okta-verify", "pass"],
    ]);
  }, 90_000);
});

describe("npm run emulator arguments", () => {
  it("takes a port, a token and a stack that exists", () => {
    expect(parseEmulatorArgs(["--port", "8080", "--api-token", "abcdefgh", "--setup", "dev"], ROOT)).toMatchObject({
      port: 8080,
      apiToken: "abcdefgh",
      setup: "dev",
      edition: "developer-free",
    });
    expect(parseEmulatorArgs(["--edition", "enterprise"], ROOT)).toMatchObject({ edition: "enterprise" });
    expect((parseEmulatorArgs([], ROOT) as { apiToken: string }).apiToken).toMatch(/^00[\w-]{40}$/);
  });

  it.each(["Short1", "alllowercase1", "ALLUPPERCASE1", "NoDigitsHere"])(
    "refuses OKTA_SMOKE_PASSWORD %s for --setup, saying what Okta's password policy wants and not the password",
    (password) => {
      let error: unknown;
      try {
        parseEmulatorArgs(["--setup", "dev"], ROOT, { OKTA_SMOKE_PASSWORD: password });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CliError);
      const message = (error as Error).message;
      expect(message).toMatch(/^OKTA_SMOKE_PASSWORD does not meet Okta's password policy \(it lacks [^)]+\)\. Password requirements: at least 8 characters, a lowercase letter, an uppercase letter, a number, no parts of your username\./);
      expect(message).not.toContain(password);
    },
  );

  it("takes an OKTA_SMOKE_PASSWORD that meets the policy", () => {
    expect(parseEmulatorArgs(["--setup", "dev"], ROOT, { OKTA_SMOKE_PASSWORD: "Emulated-Passw0rd!" })).toMatchObject({ setup: "dev" });
  });

  it.each([
    [["--port", "70000"], /--port must be a whole number from 0 to 65535/],
    [["--port", "-1"], /--port/],
    [["--api-token", "short"], /--api-token must be 8 to 200 printable characters/],
    [["--setup", "nope"], /no stack file .*Pulumi\.nope\.yaml/],
    [["--what"], /unknown option --what/],
    [["--edition", "premium"], /--edition must be one of developer-free, one-app, enterprise, workforce-identity/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseEmulatorArgs(argv, ROOT)).toThrow(UsageError);
    expect(() => parseEmulatorArgs(argv, ROOT)).toThrow(message);
  });
});
