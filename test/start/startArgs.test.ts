import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args/usageError";
import { HELP, main, parseStartArgs } from "../../src/cli/start";
import { CommandRun, PROJECT_DIR, runCommand } from "../helpers/commandIo";

const root = PROJECT_DIR;

/** `npm start -- ...` run in this process, in the project's directory. */
function start(...argv: string[]): Promise<CommandRun> {
  return runCommand(main, argv);
}

describe("npm start arguments", () => {
  it("defaults to the dev stack and its own channel", () => {
    expect(parseStartArgs([], root)).toEqual({ stack: "dev", channel: undefined, oktaVerify: "classic", edition: "developer-free", json: false });
    expect(parseStartArgs(["--stack", "prod", "--channel", "voice", "--flexible-okta-verify", "--json"], root)).toEqual({
      stack: "prod",
      channel: "voice",
      oktaVerify: "flexible",
      edition: "developer-free",
      json: true,
    });
    expect(parseStartArgs(["--edition", "one-app"], root)).toMatchObject({ edition: "one-app" });
    expect(() => parseStartArgs(["--edition", "gold"], root)).toThrow(/--edition must be one of/);
  });

  it("answers --help on stdout, exit 0", async () => {
    expect(parseStartArgs(["-h"], root)).toBe("help");
    expect(await start("--help")).toEqual({ code: 0, stdout: HELP, stderr: "" });
  });

  it.each([
    [["--bogus"], "start: unknown option --bogus (see --help)"],
    [["--stack"], "start: --stack needs a value (see --help)"],
    [["--channel", "email"], "start: --channel must be sms or voice (see --help)"],
    [["--stack", "../../etc/passwd"], 'start: --stack takes a stack name (letters, digits, "-", "_", "." and no ".."), e.g. dev; stacks here: dev, prod, test (see --help)'],
    [["--stack", "nope"], `start: --stack nope: there is no stack file ${join(root, "Pulumi.nope.yaml")}; stacks here: dev, prod, test (see --help)`],
  ])("%j is one line on stderr, exit 2, before anything runs", async (argv, line) => {
    expect(await start(...argv)).toEqual({ code: 2, stdout: "", stderr: `${line}\n` });
  });

  it("refuses a bad value with the reason in the thrown error", () => {
    expect(() => parseStartArgs(["--json", "--json"], root)).toThrow(new UsageError("--json is given twice; give it once"));
  });
});
