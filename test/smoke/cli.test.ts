import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/smoke";
import { RunningEmulator } from "../../src/emulator";
import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { CommandRun, PROJECT_DIR, runCommand } from "../helpers/commandIo";
import { devEvaluation, emulatorFor, expectNoSecrets, targetsOf } from "./emulatorHarness";

/**
 * `npm run smoke` against an emulator in this process: once as a user runs it (`tsx
 * src/cli/smoke.ts`, its own process), the other runs through the same `main` in this process.
 * `--stack` goes through a stand-in `pulumi` on PATH that prints the stack's outputs.
 */
const TSX = join(PROJECT_DIR, "node_modules", ".bin", "tsx");

let evaluation: Evaluation;
let emulator: RunningEmulator;
let fakeBin: string;

beforeAll(async () => {
  evaluation = await devEvaluation();
  emulator = await emulatorFor(evaluation);
  fakeBin = mkdtempSync(join(tmpdir(), "smoke-cli-"));
  writeOutputs(emulator);
  const script = join(fakeBin, "pulumi");
  writeFileSync(
    script,
    `#!/bin/sh
if [ "$*" = "stack output --json --show-secrets --stack dev" ]; then cat "$(dirname "$0")/outputs.json"; exit 0; fi
echo "error: no stack named '$6' found" >&2; exit 255
`,
  );
  chmodSync(script, 0o755);
});

/** What the stand-in `pulumi stack output --stack dev` prints: the dev stack set up in `org`. */
function writeOutputs(org: RunningEmulator): void {
  writeFileSync(
    join(fakeBin, "outputs.json"),
    JSON.stringify({
      issuer: org.issuer(),
      apps: evaluation.outputs.apps,
      testUserLogin: org.testUser.login,
      testUserPassword: org.testUser.password,
    }),
  );
}

afterAll(async () => {
  await emulator?.close();
  rmSync(fakeBin, { recursive: true, force: true });
});

/** Environment of a run: the stand-in pulumi first on PATH, and no smoke variable of this shell. */
function envOf(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: `${fakeBin}${delimiter}${process.env.PATH}`, ...env };
}

/** `npm run smoke -- ...` through its real entry point, in a process of its own. */
function smokeSpawned(args: string[], env: Record<string, string> = {}): Promise<CommandRun> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ["src/cli/smoke.ts", ...args],
      {
        cwd: PROJECT_DIR,
        env: { ...process.env, OKTA_SMOKE_PASSWORD: "", OKTA_SMOKE_TOTP_SECRET: "", ...envOf(env) },
        timeout: 20_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The same command run in this process, with only the environment given. */
function smoke(args: string[], env: Record<string, string> = {}): Promise<CommandRun> {
  return runCommand(main, args, envOf(env));
}

function secretsNow(of = emulator): string[] {
  return [of.testUser.password, of.testUser.totpSecret];
}

async function outboxCodes(): Promise<string[]> {
  const codes: string[] = [];
  for (const channel of ["sms", "voice", "email"]) {
    const response = await fetch(`${emulator.outboxUrl}?login=${encodeURIComponent(emulator.testUser.login)}&channel=${channel}`);
    const body = (await response.json()) as { messages: { code: string }[] };
    codes.push(...body.messages.map((m) => m.code));
  }
  return codes;
}

function clientOf(variant: string): string {
  return targetsOf(evaluation).find((t) => t.variant === variant)!.clientId;
}

describe("npm run smoke", () => {
  it("--stack --json: one JSON document on stdout, progress on stderr, exit 0, no secret anywhere", async () => {
    const run = await smokeSpawned(
      ["--stack", "dev", "--variants", "otp,mfa-oob-okta-verify,oob-phone,mfa-oob-phone,oob-email", "--code-outbox", emulator.outboxUrl, "--json"],
      { OKTA_SMOKE_TOTP_SECRET: emulator.testUser.totpSecret },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.issuer).toBe(emulator.issuer());
    expect(document.results.map((r: { variant: string; status: string }) => `${r.variant}:${r.status}`)).toEqual([
      "otp:pass",
      "mfa-oob-okta-verify:pass",
      "oob-phone:pass",
      "mfa-oob-phone:pass",
      "oob-email:pass",
    ]);
    expect(run.stderr).toMatch(/^\[\*\] discovery: GET http:\/\/127\.0\.0\.1:\d+\/\.well-known\/openid-configuration$/m);
    expect(run.stderr).toMatch(/^\[mfa-oob-phone\] challenge: POST \/oauth2\/v1\/challenge channel_hint=sms$/m);
    const codes = await outboxCodes();
    expect(codes.length).toBeGreaterThanOrEqual(3);
    expectNoSecrets(run.stdout + run.stderr, [...secretsNow(), ...codes]);
  });

  it("--stack dev, non-interactive, with management credentials: every variant wired and its policy verified by Okta's simulation", async () => {
    // An org of its own that demands its API token, as a real org does; the stand-in pulumi names it.
    const token = "00policy-simulation-token";
    const org = await emulatorFor(evaluation, { apiToken: token });
    writeOutputs(org);
    let run: CommandRun;
    try {
      run = await smoke(["--stack", "dev"], { OKTA_API_TOKEN: token });
    } finally {
      writeOutputs(emulator);
      await org.close();
    }
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const variants = targetsOf(evaluation).map((t) => t.variant);
    expect(variants).toHaveLength(8);
    for (const v of variants) expect(run.stdout).toMatch(new RegExp(`^  ${v} policy: verified$`, "m"));
    expect(run.stdout).toMatch(/^8 variants: 0 pass, 8 wired, 0 fail, 0 skipped$/m);
    expect(run.stderr).toMatch(/^\[\*\] policy: POST \/api\/v1\/policies\/simulate/m);
    expect(run.stdout + run.stderr).not.toContain(token);
  });

  it("explicit target: a readable table, the diagnosis of a failed variant (exit 1); wired is not a failure (exit 0)", async () => {
    // An org of its own: the --stack run above spent this minute's TOTP steps on the shared one, and
    // Okta accepts each passcode once.
    const org = await emulatorFor(evaluation);
    try {
      const user = ["--username", org.testUser.login];
      const [failing, wired] = await Promise.all([
        smoke(
          ["--issuer", org.issuer(), "--client-id", clientOf("otp"), "--app", "Direct Auth OTP", "--variants", "otp,mfa-otp", ...user, "--code-outbox", org.outboxUrl],
          { OKTA_SMOKE_PASSWORD: org.testUser.password, OKTA_SMOKE_TOTP_SECRET: org.testUser.totpSecret },
        ),
        smoke(["--issuer", org.issuer(), "--client-id", clientOf("oob-okta-verify"), "--variants", "oob-okta-verify", ...user]),
      ]);
      expect(failing.code, failing.stdout + failing.stderr).toBe(1);
      expect(failing.stdout).toMatch(/^otp\s+Direct Auth OTP\s+pass\s+id-token\s+1\s+\d+ ms$/m);
      expect(failing.stdout).toMatch(/^mfa-otp\s+Direct Auth OTP\s+FAIL\s+password\s+1\s+\d+ ms$/m);
      expect(failing.stdout).toContain("mfa-otp (fail): the app `Direct Auth OTP` does not allow the `password` grant");
      expect(failing.stdout).toMatch(/2 variants: 1 pass, 0 wired, 1 fail, 0 skipped$/m);
      expectNoSecrets(failing.stdout + failing.stderr, secretsNow(org));

      expect(wired.code, wired.stdout + wired.stderr).toBe(0);
      expect(wired.stdout).toMatch(/^oob-okta-verify\s+\S+\s+wired\s+poll\s+2\s+/m);
    } finally {
      await org.close();
    }
  });

  it("exit 2 for usage and configuration errors: one line on stderr, no secret echoed", async () => {
    const [secretFlag, noStack, credentials] = await Promise.all([
      smoke(["--stack", "dev", "--password", "hunter2-on-the-command-line"]),
      smoke(["--stack", "prod"]),
      smoke(["--issuer", "https://alice:hunter2@dev-1.okta.com", "--client-id", "0oaX", "--variants", "otp", "--username", "u"]),
    ]);
    for (const run of [secretFlag, noStack, credentials]) {
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
      expect(run.stderr).toMatch(/^smoke: [^\n]+\n$/);
      expect(run.stderr).not.toMatch(/hunter2|alice/);
    }
    expect(secretFlag.stderr).toMatch(/never taken from flags/);
    expect(noStack.stderr).toMatch(/pulumi stack output failed: error: no stack named 'prod' found/);
    expect(credentials.stderr).toMatch(/--issuer must not carry a user name or password .*\(see --help\)\n$/);
  });
});
