import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InstalledPlugin, missingPlugin } from "../../src/e2e/engine";

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

/** Why the real engine cannot run here, or undefined when `pulumi` and both plugins are present. */
function engineAbsence(): string | undefined {
  const version = spawnSync("pulumi", ["version"], { encoding: "utf8" });
  if (version.error || version.status !== 0) return "no pulumi CLI on PATH";
  const listed = spawnSync("pulumi", ["plugin", "ls", "--json"], { encoding: "utf8" });
  let installed: InstalledPlugin[] = [];
  try {
    installed = JSON.parse(listed.stdout) ?? [];
  } catch {
    installed = [];
  }
  return missingPlugin(ROOT, installed, process.env.PATH ?? "");
}

const absence = engineAbsence();
if (absence) console.warn(`npm run e2e skipped: ${absence} (CI's e2e job runs it with Pulumi installed)`);

describe(absence ? `npm run e2e with the real engine: SKIPPED, ${absence}` : "npm run e2e with the real engine", () => {
  it.skipIf(absence !== undefined)(
    "drives the dev stack with a token and with a service app through every step",
    () => {
      const run = spawnSync(TSX, ["src/cli/e2e.ts", "--stack", "dev", "--json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      const report = JSON.parse(run.stdout) as { ok: boolean; runs: { auth: string; ok: boolean; steps: { step: string; ok: boolean; detail?: string }[] }[] };
      const failed = report.runs.flatMap((r) => r.steps.filter((s) => !s.ok).map((s) => `${r.auth} ${s.step}: ${s.detail}`));
      expect(failed).toEqual([]);
      expect(report.runs.map((r) => r.auth)).toEqual(["token", "service-app"]);
      expect(report.runs.every((r) => r.steps.some((s) => s.step === "destroy"))).toBe(true);
      expect(run.status).toBe(0);
    },
    60 * 60_000,
  );
});
