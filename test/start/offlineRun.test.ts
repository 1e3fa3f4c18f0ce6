import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { evaluateStack } from "../../src/evaluate/evaluateStack";
import { main } from "../../src/cli/start";
import { emulatedIssuer, runOffline } from "../../src/start/offlineRun";
import { phoneEvaluation } from "../emulator/support/evaluations";
import { runCommand } from "../helpers/commandIo";

const root = join(__dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");

describe("emulatedIssuer", () => {
  const issuer = (id?: string) => (id ? `http://127.0.0.1:1/oauth2/${id}` : "http://127.0.0.1:1");

  it("maps the org authorization server to the emulator's URL", () => {
    expect(emulatedIssuer("https://dev-1.okta.com", issuer)).toBe("http://127.0.0.1:1");
  });

  it("keeps a custom authorization server's id", () => {
    expect(emulatedIssuer("https://dev-1.okta.com/oauth2/default", issuer)).toBe("http://127.0.0.1:1/oauth2/default");
  });
});

describe("the offline main job", () => {
  it.each(["dev", "test", "prod"])("passes every variant the %s stack configures", async (stack) => {
    const evaluation = await evaluateStack(stack, root);
    const report = await runOffline({ evaluation, pollIntervalSeconds: 1, rateLimits: "reported" });
    const configured = (evaluation.outputs.apps as { variants: string[] }[]).flatMap((a) => a.variants);
    expect(report.results.map((r) => r.variant).sort()).toEqual([...configured].sort());
    expect(report.results.filter((r) => r.status !== "pass")).toEqual([]);
  }, 60_000);

  it("uses the phone channel the stack activated, which the stack outputs say", async () => {
    const evaluation = await phoneEvaluation(["voice"]);
    expect(evaluation.outputs.phoneChannels).toEqual(["voice"]);
    const details: string[] = [];
    const report = await runOffline({ evaluation, pollIntervalSeconds: 1, rateLimits: "reported", onProgress: (e) => details.push(e.detail ?? "") });
    expect(report.results.map((r) => r.status)).toEqual(["pass", "pass"]);
    expect(details.filter((d) => /channel_hint=/.test(d))).toEqual([expect.stringContaining("channel_hint=voice"), expect.stringContaining("channel_hint=voice")]);
  }, 60_000);

  it("npm start --json prints one JSON document, no secret, and exits 0", async () => {
    // enterprise: the free edition's wait for the next minute (bench/rateLimitedSetup.ts measures it) would only slow the suite.
    const { code, stdout, stderr } = await runCommand(main, ["--json", "--edition", "enterprise"]);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout);
    const dev = await evaluateStack("dev");
    const declared = (dev.outputs.apps as { variants: string[] }[]).flatMap((a) => a.variants);
    expect(report.results.map((r: { variant: string }) => r.variant)).toEqual(declared);
    expect(report.results.every((r: { status: string }) => r.status === "pass")).toBe(true);
    expect(stdout + stderr).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  }, 90_000);

  // The one run through the real entry point, as `npm start` runs it: the exit status reaches the shell.
  it("exits 2 with one line naming the stack file that does not exist", async () => {
    const run = promisify(execFile)(tsx, ["src/cli/start.ts", "--stack", "nope"], { cwd: root, timeout: 60_000 });
    await expect(run).rejects.toMatchObject({
      code: 2,
      stdout: "",
      stderr: `start: --stack nope: there is no stack file ${join(root, "Pulumi.nope.yaml")}; stacks here: dev, prod, test (see --help)\n`,
    });
  }, 60_000);
});
