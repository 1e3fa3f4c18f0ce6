import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseE2eArgs } from "../../src/cli/e2e";
import { UsageError } from "../../src/cli/args/usageError";
import { EngineMissing, findEngine } from "../../src/e2e/engine";

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

/** A PATH folder holding these executables, as a Pulumi install puts them beside the CLI. */
function binDir(names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "e2e-bin-"));
  for (const name of names) {
    writeFileSync(join(dir, name), "#!/bin/sh\n");
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}
const BUNDLED = binDir(["pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"]);

describe("npm run e2e arguments", () => {
  it("runs every stack of the project with both kinds of credentials by default", () => {
    expect(parseE2eArgs([], ROOT)).toEqual({ stacks: ["dev", "prod", "test"], auths: ["token", "service-app"], json: false, keep: false });
  });

  it("takes --stack several times or comma-separated, --auth, --json and --keep", () => {
    expect(parseE2eArgs(["--stack", "dev", "--stack", "test,prod", "--auth", "token", "--json", "--keep"], ROOT)).toEqual({
      stacks: ["dev", "test", "prod"],
      auths: ["token"],
      json: true,
      keep: true,
    });
  });

  it("refuses an unknown stack, an unknown --auth and a --stack without a name", () => {
    expect(() => parseE2eArgs(["--stack", "staging"], ROOT)).toThrow(UsageError);
    expect(() => parseE2eArgs(["--auth", "password"], ROOT)).toThrow(/--auth must be token, service-app or both/);
    expect(() => parseE2eArgs(["--stack", "--json"], ROOT)).toThrow(/--stack needs a value/);
  });
});

describe("the engine npm run e2e needs", () => {
  it("without pulumi on PATH: one line saying what to install, exit 2", () => {
    const node = dirname(process.execPath);
    const run = spawnSync(TSX, ["src/cli/e2e.ts", "--stack", "dev"], { cwd: ROOT, env: { ...process.env, PATH: node }, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([
      "e2e: npm run e2e needs the Pulumi CLI on PATH: install it (https://www.pulumi.com/docs/install/) and run it again",
    ]);
  });

  it("without the Okta plugin at the version @pulumi/okta pins: names the plugin install command", async () => {
    const exec = async (_file: string, args: readonly string[]) =>
      args[0] === "version" ? "v3.248.0\n" : JSON.stringify([{ name: "random", kind: "resource", version: "4.21.2" }]);
    const found = findEngine(ROOT, exec, BUNDLED);
    await expect(found).rejects.toThrow(EngineMissing);
    await expect(found).rejects.toThrow("needs the okta provider plugin 7.0.0 (@pulumi/okta): pulumi plugin install resource okta v7.0.0");
  });

  it("without the language host or the dynamic resource provider the CLI ships beside itself: names it", async () => {
    const exec = async () => "v3.248.0\n";
    await expect(findEngine(ROOT, exec, binDir(["pulumi-resource-pulumi-nodejs"]))).rejects.toThrow(/needs pulumi-language-nodejs, which the Pulumi CLI installs/);
    await expect(findEngine(ROOT, exec, binDir(["pulumi-language-nodejs"]))).rejects.toThrow(/needs pulumi-resource-pulumi-nodejs/);
  });

  it("with both plugins installed at their pinned versions: the CLI's version", async () => {
    const plugins = [
      { name: "okta", kind: "resource", version: "7.0.0" },
      { name: "random", kind: "resource", version: "4.21.2" },
    ];
    const exec = async (_file: string, args: readonly string[]) => (args[0] === "version" ? "v3.248.0\n" : JSON.stringify(plugins));
    await expect(findEngine(ROOT, exec, BUNDLED)).resolves.toEqual({ pulumiVersion: "v3.248.0" });
  });
});
