import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OKTA } from "../helpers/tokens";
import { runPlan } from "./support/runCli";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "okta-direct-auth-plan-cli-"));
const home = process.cwd();

beforeAll(() => {
  process.chdir(dir);
  writeFileSync(
    "Pulumi.typo.yaml",
    "config:\n  okta:orgName: dev-1\n  okta-direct-auth:variants: [otp, mfa-otpp]\n  okta-direct-auth:testUser: {login: tester@example.com}\n",
  );
  writeFileSync(
    "preview.json",
    JSON.stringify({
      steps: [
        {
          op: "create",
          urn: `urn:pulumi:dev::okta-direct-auth::okta-direct-auth:index:DirectAuthSetup$okta-direct-auth:apps:NativeApp$${OKTA.app}::direct-auth-direct-auth-otp`,
          newState: { type: OKTA.app, custom: true, inputs: { label: "Direct Auth OTP" } },
        },
      ],
    }),
  );
});

afterAll(() => {
  process.chdir(home);
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run plan", () => {
  it("prints usage with --help", async () => {
    const { code, stdout } = await runPlan("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run plan -- \[--stack NAME\] \[--base GIT_REF\] \[--json\]/);
  });

  it.each([
    [["--bogus"], /^plan: unknown option --bogus \(see --help\)$/],
    [["--stack"], /^plan: --stack needs a value \(see --help\)$/],
    [["--stack", "dev; rm -rf /"], /^plan: --stack takes a stack name .*; stacks here: typo \(see --help\)$/],
    [["--stack", "../typo"], /^plan: --stack takes a stack name/],
    [["--from-preview", "preview.json", "--base", "main"], /^plan: --base compares offline evaluations/],
    [["--base=--output=x"], /^plan: --base takes a git ref, e.g. origin\/main \(see --help\)$/],
    [["--stack", "missing"], /^plan: --stack missing: there is no stack file .*Pulumi\.missing\.yaml; stacks here: typo \(see --help\)$/],
    [[], /^plan: --stack dev: there is no stack file .*Pulumi\.dev\.yaml; stacks here: typo/],
    [["--from-preview", "nowhere.json"], /^plan: --from-preview nowhere\.json does not exist$/],
    [["--from-preview", "."], /^plan: --from-preview \. is a directory; give a file$/],
    [["--from-preview", "Pulumi.typo.yaml"], /^plan: --from-preview Pulumi\.typo\.yaml: not JSON: .*; expected the output of `pulumi preview --json`$/],
    [["--from-preview", "preview.json", "--out", tmpdir()], /^plan: --out .* is a directory; give a file, e\.g\. plan\.md \(see --help\)$/],
    [["--from-preview", "preview.json", "--out", "no/such/dir/plan.md"], /^plan: --out no\/such\/dir\/plan\.md cannot be written: no\/such\/dir does not exist$/],
  ])("exits 2 with one line on stderr and nothing on stdout: %j", async (argv, message) => {
    const { code, stdout, stderr } = await runPlan(...argv);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^[^\n]*\n$/);
    expect(stderr.trimEnd()).toMatch(message);
  });

  it("prints a configuration error as ConfigError words it, and nothing else, and exits 2", async () => {
    // A process of its own: the Pulumi runtime's echo of the error must not reach the terminal either.
    const failure = run(process.execPath, [require.resolve("tsx/cli"), join(home, "src/cli/plan.ts"), "--stack", "typo"], { cwd: dir });
    await expect(failure).rejects.toMatchObject({ code: 2, stdout: "" });
    const { stderr } = (await failure.catch((error) => error)) as { stderr: string };
    expect(stderr).toMatch(/^Invalid stack configuration \(nothing was declared\):\n {2}- okta-direct-auth:variants\[1\]: unknown variant "mfa-otpp"; did you mean "mfa-otp"\?/);
    expect(stderr).not.toMatch(/\bat \S+ \(/);
  });

  it.each([
    ["list", "- okta:orgName: dev-1\n", "is a YAML list, not a stack file"],
    ["project", "name: okta-direct-auth\nruntime: nodejs\n", "is a project file (Pulumi.yaml, it has `runtime:`), not a stack file"],
    ["broken", "config:\n  okta:orgName: [dev-1\n", "is not valid YAML: "],
  ])("says in one line naming the file what is wrong with a %s stack file, and exits 2", async (stack, yaml, message) => {
    writeFileSync(`Pulumi.${stack}.yaml`, yaml);
    const { code, stdout, stderr } = await runPlan("--stack", stack);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toEqual([expect.stringContaining(`Pulumi.${stack}.yaml ${message}`)]);
  });

  it("renders a preview file to --out, as JSON with --json", async () => {
    expect((await runPlan("--from-preview", "preview.json", "--out", "preview.md")).code).toBe(0);
    expect(readFileSync("preview.md", "utf8")).toMatch(/^<!-- okta-direct-auth-preview:dev -->\n/);

    const { code, stdout } = await runPlan("--from-preview", "preview.json", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ source: "preview", diff: { counts: { add: 1 } } });
  });
});
