import { describe, expect, it } from "vitest";
import { parseSmokeArgs } from "../../src/smoke/cliArgs";

const EXPLICIT = ["--issuer", "https://dev-1.okta.com/", "--client-id", "0oaX", "--variants", "otp,mfa-otp", "--username", "t@example.com"];
const TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

function error(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const parsed = parseSmokeArgs(argv, env);
  expect(parsed.kind).toBe("error");
  return parsed.kind === "error" ? parsed.message : "";
}

describe("smoke CLI arguments", () => {
  it("builds an explicit target, secrets from the environment only", () => {
    const parsed = parseSmokeArgs([...EXPLICIT, "--channel", "voice", "--json", "--timeout", "2.5", "--max-retries", "0"], {
      OKTA_SMOKE_PASSWORD: "pw",
      OKTA_SMOKE_TOTP_SECRET: TOTP,
    });
    expect(parsed).toEqual({
      kind: "run",
      plan: {
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
      },
    });
  });

  it("reads a stack target, optionally narrowed to some variants", () => {
    expect(parseSmokeArgs(["--stack", "dev", "--variants", "oob-email"], {})).toMatchObject({
      kind: "run",
      plan: { target: { kind: "stack", stack: "dev", variants: ["oob-email"] } },
    });
  });

  it("answers --help", () => {
    expect(parseSmokeArgs(["--help"], {})).toEqual({ kind: "help" });
    expect(parseSmokeArgs(["-h"], {})).toEqual({ kind: "help" });
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
    [[...EXPLICIT, "--timeout", "0"], /--timeout must be a number of seconds > 0/],
    [[...EXPLICIT, "--max-retries", "1.5"], /--max-retries must be a whole number/],
    [[...EXPLICIT, "--bogus"], /Unknown option '--bogus'/],
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

  it("validates the TOTP secret without repeating it", () => {
    const message = error(EXPLICIT, { OKTA_SMOKE_TOTP_SECRET: "not base32 at all: s3cr3t!" });
    expect(message).toMatch(/OKTA_SMOKE_TOTP_SECRET: the TOTP secret must be base32/);
    expect(message).not.toContain("s3cr3t");
  });
});
