import { describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { ExecFileFn, readStackOutputs, StackOutputError, targetsFromStack } from "../../src/smoke/stackOutputs";

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
