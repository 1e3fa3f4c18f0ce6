import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../../src/config/configError";
import { describeFileError, readFileArg, writeFileArg } from "../../src/cli/args/fileArgs";
import { parseFlags } from "../../src/cli/args/parseFlags";
import { runCli } from "../../src/cli/args/runCli";
import { checkedStack, stacksIn } from "../../src/cli/args/stackName";
import { CliError, UsageError } from "../../src/cli/args/usageError";

const dir = mkdtempSync(join(tmpdir(), "cli-args-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FLAGS = { stack: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const;

function usageMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("no usage error");
}

async function failure(action: () => Promise<unknown>): Promise<CliError> {
  const error = await action().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe("parseFlags", () => {
  it("returns the values given, in either spelling", () => {
    expect(parseFlags(["--stack", "dev", "--json"], FLAGS)).toEqual({ stack: "dev", json: true });
    expect(parseFlags(["--stack=-odd"], FLAGS)).toEqual({ stack: "-odd" });
    expect(parseFlags(["-h"], FLAGS)).toEqual({ help: true });
  });

  it.each([
    [["--foo"], "unknown option --foo"],
    [["--foo=hunter2"], "unknown option --foo"],
    [["-x"], "unknown option -x"],
    [["--stack"], "--stack needs a value"],
    [["--stack", "--json"], "--stack needs a value"],
    [["--stack="], "--stack needs a value"],
    [["--stack", "  "], "--stack needs a value"],
    [["--json=true"], "--json takes no value"],
    [["--stack", "dev", "--stack", "prod"], "--stack is given twice; give it once"],
    [["hunter2"], "positional arguments are not accepted; every value goes after its flag"],
    [["--", "hunter2"], "positional arguments are not accepted; every value goes after its flag"],
  ])("%j: %s", (argv, message) => {
    expect(usageMessage(() => parseFlags(argv, FLAGS))).toBe(message);
  });

  it("does not take an inherited property for a flag", () => {
    expect(usageMessage(() => parseFlags(["--constructor"], FLAGS))).toBe("unknown option --constructor");
  });
});

describe("checkedStack", () => {
  const project = join(dir, "project");
  mkdirSync(join(project, "Pulumi.folder.yaml"), { recursive: true });
  for (const name of ["Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml", "Pulumi.bad name.yaml"]) writeFileSync(join(project, name), "config: {}\n");

  it("takes a stack whose stack file exists", () => {
    expect(checkedStack("prod", project)).toBe("prod");
  });

  it("lists the stacks a directory has a stack file for", () => {
    expect(stacksIn(project)).toEqual(["dev", "prod"]);
    expect(stacksIn(join(dir, "nowhere"))).toEqual([]);
  });

  it("names the file it looked for and the stacks that exist", () => {
    expect(usageMessage(() => checkedStack("staging", project))).toBe(
      `--stack staging: there is no stack file ${join(project, "Pulumi.staging.yaml")}; stacks here: dev, prod`,
    );
    expect(usageMessage(() => checkedStack("folder", project))).toMatch(/^--stack folder: there is no stack file .*Pulumi\.folder\.yaml/);
  });

  it.each(["../dev", "a/b", "a\\b", "..", "dev..x", "", "a".repeat(101), "dev\n", "dev yaml"])("refuses %j without repeating it", (name) => {
    const message = usageMessage(() => checkedStack(name, project));
    expect(message).toBe('--stack takes a stack name (letters, digits, "-", "_", "." and no ".."), e.g. dev; stacks here: dev, prod');
  });
});

describe("file arguments", () => {
  it("reads a file, and names the flag and path when it cannot", async () => {
    writeFileSync(join(dir, "in.json"), "{}");
    expect(await readFileArg("--in", join(dir, "in.json"))).toBe("{}");
    expect((await failure(() => readFileArg("--in", dir))).message).toBe(`--in ${dir} is a directory; give a file`);
    expect((await failure(() => readFileArg("--in", join(dir, "none.json")))).message).toBe(`--in ${join(dir, "none.json")} does not exist`);
  });

  it("stops reading past the size limit", async () => {
    writeFileSync(join(dir, "big.json"), "x".repeat(100));
    expect((await failure(() => readFileArg("--in", join(dir, "big.json"), 10))).message).toMatch(/^--in .*big\.json is larger than 10 bytes/);
  });

  it("writes a file, and names the flag and path when it cannot", () => {
    writeFileArg("--out", join(dir, "out.md"), "text");
    expect(readFileSync(join(dir, "out.md"), "utf8")).toBe("text");
    expect(() => writeFileArg("--out", dir, "text")).toThrow(new CliError(`--out ${dir} is a directory; give a file`));
    expect(() => writeFileArg("--out", join(dir, "no", "out.md"), "text")).toThrow(
      new CliError(`--out ${join(dir, "no", "out.md")} cannot be written: ${join(dir, "no")} does not exist`),
    );
  });

  it("words a permission error (root reads anything, so the error is built here)", () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/etc/x'"), { code: "EACCES", path: "/etc/x", syscall: "open" });
    expect(describeFileError(denied)).toBe("/etc/x cannot be read: permission denied");
    expect(describeFileError(new Error("no path"))).toBeUndefined();
    expect(describeFileError(null)).toBeUndefined();
  });
});

describe("runCli", () => {
  let stderr: string[];
  afterEach(() => vi.restoreAllMocks());

  async function run(body: () => Promise<number>): Promise<{ code: number; stderr: string }> {
    stderr = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
    const code = await runCli("tool", body);
    return { code, stderr: stderr.join("") };
  }

  it("passes the body's exit status through", async () => {
    expect(await run(async () => 1)).toEqual({ code: 1, stderr: "" });
  });

  it("prints a usage error as one line pointing at --help, exit 2", async () => {
    expect(await run(async () => Promise.reject(new UsageError("unknown option --foo")))).toEqual({
      code: 2,
      stderr: "tool: unknown option --foo (see --help)\n",
    });
  });

  it("keeps a message with control characters on one line", async () => {
    expect(await run(async () => Promise.reject(new CliError("--out a\nb\u001b[2J is a directory")))).toEqual({
      code: 2,
      stderr: "tool: --out a?b?[2J is a directory\n",
    });
  });

  it("prints a configuration error in its own words, exit 2", async () => {
    const error = new ConfigError([{ key: "okta:orgName", problem: "missing" }]);
    expect(await run(async () => Promise.reject(error))).toEqual({ code: 2, stderr: `${error.message}\n` });
  });

  it("words a file error the program did not expect, exit 2", async () => {
    const denied = Object.assign(new Error("EACCES"), { code: "EACCES", path: "Pulumi.dev.yaml", syscall: "open" });
    expect(await run(async () => Promise.reject(denied))).toEqual({ code: 2, stderr: "tool: Pulumi.dev.yaml cannot be read: permission denied\n" });
  });

  it("names an unexpected error without its message or stack, exit 1", async () => {
    const result = await run(async () => Promise.reject(new TypeError("token eyJhbGciOi.secret")));
    expect(result).toEqual({ code: 1, stderr: "tool: unexpected failure (TypeError); please report it\n" });
  });
});
