import { describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { ExecFileFn, execFileWith, readStackOutputs, StackOutputError, targetsFromStack } from "../../src/smoke/stackOutputs";

const PASSWORD = "Gener4ted!Secret-pw";
const OUTPUTS = {
  issuer: "https://dev-1.okta.com",
  apps: [
    { name: "Direct Auth OTP", clientId: "0oaA", variants: ["otp"], grantTypes: ["authorization_code", GRANT.otp] },
    { name: "Direct Auth Phone", clientId: "0oaB", variants: ["oob-phone", "oob-email"], grantTypes: ["authorization_code", GRANT.oob] },
  ],
  testUserLogin: "t@example.com",
  testUserPassword: PASSWORD,
};

function exec(stdout: string, calls: unknown[] = []): ExecFileFn {
  return async (file, args) => {
    calls.push([file, args]);
    return { stdout, stderr: "" };
  };
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StackOutputError);
  return error as Error;
}

describe("stack outputs", () => {
  it("runs pulumi stack output with secrets shown and validates the outputs", async () => {
    const calls: unknown[] = [];
    const outputs = await readStackOutputs("dev", exec(JSON.stringify(OUTPUTS), calls));
    expect(calls).toEqual([["pulumi", ["stack", "output", "--json", "--show-secrets", "--stack", "dev"]]]);
    expect(outputs.testUserPassword).toBe(PASSWORD);
  });

  it("makes one target per app and variant, with the app's declared grants", () => {
    expect(targetsFromStack(OUTPUTS, "dev")).toEqual([
      { variant: "otp", app: "Direct Auth OTP", clientId: "0oaA", grantTypes: ["authorization_code", GRANT.otp] },
      { variant: "oob-phone", app: "Direct Auth Phone", clientId: "0oaB", grantTypes: ["authorization_code", GRANT.oob] },
      { variant: "oob-email", app: "Direct Auth Phone", clientId: "0oaB", grantTypes: ["authorization_code", GRANT.oob] },
    ]);
    expect(targetsFromStack(OUTPUTS, "dev", ["oob-email"]).map((t) => t.variant)).toEqual(["oob-email"]);
  });

  it("says which asked-for variants the stack does not configure", () => {
    expect(() => targetsFromStack(OUTPUTS, "dev", ["mfa-otp"])).toThrow(/stack dev does not configure mfa-otp \(it has otp, oob-phone, oob-email\)/);
  });

  it("names a variant the stack lists without the control characters it carries", () => {
    const odd = { ...OUTPUTS, apps: [{ ...OUTPUTS.apps[0], variants: ["otp\u001b[2J\r\u202e"] }] };
    expect(() => targetsFromStack(odd, "dev")).toThrow('stack dev lists variant "otp ", which this version does not know');
  });

  it("rejects outputs of another shape without printing them (they hold the password)", async () => {
    const error = await errorOf(readStackOutputs("dev", exec(JSON.stringify({ ...OUTPUTS, apps: [{ name: "x" }] }))));
    expect(error.message).toMatch(/does not have the outputs of this program .*apps\.0\.clientId/);
    expect(error.message).not.toContain(PASSWORD);
    const notJson = await errorOf(readStackOutputs("dev", exec(`oops ${PASSWORD}`)));
    expect(notJson.message).not.toContain(PASSWORD);
  });

  it("explains a missing pulumi CLI and pulumi's own errors", async () => {
    const missing: ExecFileFn = async () => {
      throw Object.assign(new Error("spawn pulumi ENOENT"), { code: "ENOENT" });
    };
    expect((await errorOf(readStackOutputs("dev", missing))).message).toMatch(/pulumi CLI is not on PATH/);
    const failing: ExecFileFn = async () => {
      throw Object.assign(new Error("exit 255"), { code: 255, stderr: "error: no stack named 'dev' found\n" });
    };
    expect((await errorOf(readStackOutputs("dev", failing))).message).toBe("pulumi stack output failed: error: no stack named 'dev' found");
  });
});

describe("stack outputs, every message", () => {
  const failingWith = (error: object): ExecFileFn => async () => {
    throw Object.assign(new Error("failed"), error);
  };

  it("names its errors as stack output errors", async () => {
    expect((await errorOf(readStackOutputs("dev", exec("not json")))).name).toBe("StackOutputError");
    expect((await errorOf(readStackOutputs("dev", exec("not json")))).message).toBe("pulumi stack output --stack dev did not print JSON");
  });

  it("says pulumi took too long, and quotes at most three of its error lines, trimmed, at most 400 characters", async () => {
    expect((await errorOf(readStackOutputs("dev", failingWith({ killed: true })))).message).toBe("pulumi did not answer within 120 s");
    const stderr = "\n  error: one  \n\n  error: two\nerror: three\nerror: four\n";
    expect((await errorOf(readStackOutputs("dev", failingWith({ code: 1, stderr })))).message).toBe("pulumi stack output failed: error: one error: two error: three");
    const long = "x".repeat(500);
    expect((await errorOf(readStackOutputs("dev", failingWith({ code: 1, stderr: long })))).message).toBe(`pulumi stack output failed: ${"x".repeat(400)}`);
    expect((await errorOf(readStackOutputs("dev", failingWith({ code: 1 })))).message).toBe("pulumi stack output failed");
  });

  it("lists at most five problems of outputs of another shape", async () => {
    const error = await errorOf(readStackOutputs("dev", exec(JSON.stringify({ apps: [] }))));
    expect(error.message).toMatch(/^stack dev does not have the outputs of this program \(run `pulumi up` first\?\): issuer: [^;]+; apps: [^;]+; testUserLogin: [^;]+$/);
    const many = await errorOf(readStackOutputs("dev", exec(JSON.stringify({ apps: [{}] }))));
    expect(many.message.split("; ")).toHaveLength(5);
    expect((await errorOf(readStackOutputs("dev", exec("[]")))).message).toMatch(/: \(document\): /);
  });

  it.each([
    [["sms"], true],
    [["voice"], true],
    [["sms", "voice"], true],
    [[], false],
    [["fax"], false],
  ])("takes phone channels %j: %s", async (phoneChannels, valid) => {
    const read = readStackOutputs("dev", exec(JSON.stringify({ ...OUTPUTS, phoneChannels })));
    if (valid) expect((await read).phoneChannels).toEqual(phoneChannels);
    else expect((await errorOf(read)).message).toMatch(/phoneChannels/);
  });

  it("names every asked-for variant the stack lacks", () => {
    expect(() => targetsFromStack(OUTPUTS, "dev", ["mfa-otp", "otp", "mfa-oob-email"])).toThrow(
      "stack dev does not configure mfa-otp, mfa-oob-email (it has otp, oob-phone, oob-email)",
    );
  });
});

describe("running pulumi", () => {
  it("runs the program with the given environment and hands back what it printed, or its error with stderr", async () => {
    const run = execFileWith({ ...process.env, SMOKE_TEST_VALUE: "from-env" });
    expect(await run(process.execPath, ["-e", "process.stdout.write(process.env.SMOKE_TEST_VALUE); process.stderr.write('note')"])).toEqual({
      stdout: "from-env",
      stderr: "note",
    });
    // Outputs of many apps run past Node's default 1 MiB: they must still be read whole.
    const big = await run(process.execPath, ["-e", "process.stdout.write('x'.repeat(2 * 1024 * 1024))"]);
    expect(big.stdout).toHaveLength(2 * 1024 * 1024);
    const failed = await run(process.execPath, ["-e", "process.stderr.write('error: no stack'); process.exit(3)"]).then(
      () => undefined,
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failed).toMatchObject({ code: 3, stderr: "error: no stack" });
  });
});
