import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args/usageError";
import { parseSmokeArgs } from "../../src/cli/smokeArgs";

const EXPLICIT = ["--issuer", "https://dev-1.okta.com/", "--client-id", "0oaX", "--variants", "otp,mfa-otp", "--username", "t@example.com"];
const TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** A project directory with stack files for `dev` and `qa` only. */
const project = mkdtempSync(join(tmpdir(), "smoke-args-"));
for (const stack of ["dev", "qa"]) writeFileSync(join(project, `Pulumi.${stack}.yaml`), "config: {}\n");
afterAll(() => rmSync(project, { recursive: true, force: true }));

function error(argv: string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    parseSmokeArgs(argv, env, project);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(argv)}`);
}

describe("smoke CLI arguments", () => {
  it("builds an explicit target, secrets from the environment only", () => {
    const parsed = parseSmokeArgs([...EXPLICIT, "--channel", "voice", "--json", "--timeout", "2.5", "--max-retries", "0"], {
      OKTA_SMOKE_PASSWORD: "pw",
      OKTA_SMOKE_TOTP_SECRET: TOTP,
    });
    expect(parsed).toEqual({
      target: { kind: "explicit", issuer: "https://dev-1.okta.com", clientId: "0oaX", app: "0oaX", variants: ["otp", "mfa-otp"], username: "t@example.com" },
      json: true,
      interactive: false,
      channel: "voice",
      scope: undefined,
      codeOutbox: undefined,
      enrollTotp: false,
      keepFactor: false,
      requestTimeoutMs: 2500,
      maxRetries: 0,
      password: "pw",
      totpSecret: TOTP,
    });
  });

  it("reads a stack target, optionally narrowed to some variants", () => {
    expect(parseSmokeArgs(["--stack", "qa", "--variants", "oob-email"], {}, project)).toMatchObject({
      target: { kind: "stack", stack: "qa", variants: ["oob-email"] },
    });
  });

  it("answers --help", () => {
    expect(parseSmokeArgs(["--help"], {})).toBe("help");
    expect(parseSmokeArgs(["-h"], {})).toBe("help");
  });

  it.each([
    [[], /give --stack NAME, or all of .*missing: --issuer, --client-id, --variants, --username/],
    [["--stack", "dev", "--issuer", "https://x.okta.com"], /--stack reads the target from the stack; drop --issuer/],
    [[...EXPLICIT.slice(0, 4), "--variants", "otp,oob-emial", "--username", "u"], /unknown variant "oob-emial"; did you mean "oob-email"\?/],
    [[...EXPLICIT.slice(0, 4), "--variants", "otp,otp", "--username", "u"], /lists a variant twice/],
    [[...EXPLICIT, "--channel", "email"], /--channel must be sms or voice/],
    [["--issuer", "http://dev-1.okta.com", ...EXPLICIT.slice(2)], /--issuer is refused: plain http .* use https/],
    [["--issuer", "dev-1", ...EXPLICIT.slice(2)], /--issuer is not a URL/],
    [[...EXPLICIT, "--interactive", "--code-outbox", "http://127.0.0.1:1/__emulator/outbox"], /choose one/],
    [[...EXPLICIT, "--timeout", "0"], /^--timeout must be a number of seconds from 1 to 600, e.g. 30$/],
    [[...EXPLICIT, "--timeout", "-5"], /^--timeout must be a number of seconds from 1 to 600/],
    [[...EXPLICIT, "--timeout", "NaN"], /^--timeout must be a number of seconds from 1 to 600/],
    [[...EXPLICIT, "--timeout", "1e12"], /^--timeout must be a number of seconds from 1 to 600/],
    [[...EXPLICIT, "--timeout", "2147484"], /^--timeout must be a number of seconds from 1 to 600/],
    [[...EXPLICIT, "--timeout", "601"], /^--timeout must be a number of seconds from 1 to 600/],
    [[...EXPLICIT, "--timeout", "0x10"], /^--timeout must be a number of seconds from 1 to 600/],
    [[...EXPLICIT, "--max-retries", "1.5"], /^--max-retries must be a whole number from 0 to 10/],
    [[...EXPLICIT, "--max-retries", "1e9"], /^--max-retries must be a whole number from 0 to 10/],
    [[...EXPLICIT, "--bogus"], /^unknown option --bogus$/],
    [[...EXPLICIT, "--timeout"], /^--timeout needs a value$/],
    [["--stack", "--json"], /^--stack needs a value$/],
    [[...EXPLICIT, "--json=yes"], /^--json takes no value$/],
    [[...EXPLICIT, "--channel", "sms", "--channel", "voice"], /^--channel is given twice/],
    [["--stack", "../dev"], /^--stack takes a stack name .*; stacks here: dev, qa$/],
    [["--stack", "a/b"], /^--stack takes a stack name/],
    [["--stack", ".."], /^--stack takes a stack name/],
    [["--stack", "prod"], /^--stack prod: there is no stack file .*Pulumi\.prod\.yaml; stacks here: dev, qa$/],
    [["--issuer", "https://dev-1.okta.com/oauth2/default?x=1", ...EXPLICIT.slice(2)], /^--issuer takes no query or fragment/],
    [["--issuer", "https://dev-1.okta.com#top", ...EXPLICIT.slice(2)], /^--issuer takes no query or fragment/],
    [["--issuer", "https://dev-1.okta.com/?", ...EXPLICIT.slice(2)], /^--issuer takes no query or fragment/],
  ])("rejects %j", (argv, message) => {
    expect(error(argv)).toMatch(message);
  });

  it("refuses secrets as flags without repeating them", () => {
    for (const flag of ["--password=hunter2-secret", "--totp-secret=JBSWY3DPEHPK3PXP", "--password"]) {
      const message = error([...EXPLICIT, flag, "hunter2-secret"]);
      expect(message).toMatch(/never taken from flags.*OKTA_SMOKE_PASSWORD/);
      expect(message).not.toContain("hunter2");
    }
  });

  it("does not echo a stray positional argument (it may be a pasted secret)", () => {
    const message = error([...EXPLICIT, "hunter2-secret"]);
    expect(message).toMatch(/positional arguments are not accepted/);
    expect(message).not.toContain("hunter2");
  });

  it("refuses credentials in a URL without repeating them", () => {
    for (const url of ["https://alice:s3cr3t-pw@dev-1.okta.com", "https://alice@dev-1.okta.com", "https://:s3cr3t-pw@dev-1.okta.com"]) {
      const message = error(["--issuer", url, ...EXPLICIT.slice(2)]);
      expect(message).toMatch(/^--issuer must not carry a user name or password/);
      expect(message).not.toMatch(/alice|s3cr3t/);
    }
    const outbox = error([...EXPLICIT, "--code-outbox", "http://alice:s3cr3t-pw@127.0.0.1:1/__emulator/outbox"]);
    expect(outbox).toMatch(/^--code-outbox must not carry a user name or password/);
    expect(outbox).not.toMatch(/alice|s3cr3t/);
  });

  it("takes the timeout bounds themselves", () => {
    const at = (seconds: string) => parseSmokeArgs([...EXPLICIT, "--timeout", seconds], {});
    expect(at("1")).toMatchObject({ requestTimeoutMs: 1000 });
    expect(at("600")).toMatchObject({ requestTimeoutMs: 600_000 });
  });

  it("validates the TOTP secret without repeating it", () => {
    const message = error(EXPLICIT, { OKTA_SMOKE_TOTP_SECRET: "not base32 at all: s3cr3t!" });
    expect(message).toMatch(/OKTA_SMOKE_TOTP_SECRET: the TOTP secret must be base32/);
    expect(message).not.toContain("s3cr3t");
  });
});
