import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BaseRefError, evaluateAtRef } from "../../src/plan/baseRef";
import { planStack } from "../../src/plan/planStack";
import { OKTA } from "../helpers/tokens";
import { runPlan } from "./support/runCli";
import { TempRepo } from "./support/tempRepo";

const home = process.cwd();

describe("plan --base against a git ref", () => {
  let repo: TempRepo;
  let base: string;

  beforeAll(() => {
    repo = new TempRepo();
    base = repo.git("rev-parse", "HEAD");
    // The change under review: the dev stack drops the OTP variant.
    const stackFile = repo.read("Pulumi.dev.yaml");
    expect(stackFile).toContain("    - otp\n");
    repo.write("Pulumi.dev.yaml", stackFile.replace("    - otp\n", ""));
  });

  afterAll(() => {
    process.chdir(home);
    repo.remove();
  });

  it("evaluates the stack at the base in a worktree and shows what the change deletes, then removes the worktree", async () => {
    process.chdir(repo.dir);
    const { code, stdout, stderr } = await runPlan("--stack", "dev", "--base", "HEAD", "--json");
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const plan = JSON.parse(stdout);

    expect(plan).toMatchObject({ format: "okta-direct-auth-plan", version: 1, stack: "dev", base: `HEAD (${base.slice(0, 7)})` });
    expect(plan.diff.counts).toMatchObject({ add: 0, replace: 0 });
    expect(plan.diff.counts.destroy).toBeGreaterThan(0);
    const app = plan.diff.changes.find((c: { resource: { type: string } }) => c.resource.type === OKTA.app);
    expect(app).toMatchObject({ action: "delete", resource: { displayName: "Direct Auth OTP" }, destructive: expect.stringContaining("client ID") });
    expect(repo.worktrees()).toEqual([`worktree ${repo.dir}`]);
  });

  it("treats a stack that did not exist at the base as all new", async () => {
    repo.write("Pulumi.extra.yaml", repo.read("Pulumi.prod.yaml"));
    const plan = await planStack({ stack: "extra", projectDir: repo.dir, base: base });

    expect(plan.diff!.note).toContain("no `Pulumi.extra.yaml` at");
    expect(plan.diff!.counts).toEqual({ add: plan.declared.length, change: 0, replace: 0, destroy: 0 });
    expect(repo.worktrees()).toHaveLength(1);
  });

  it("reports an unknown ref as a usage error and leaves nothing behind", async () => {
    const failure = evaluateAtRef("no-such-branch", "dev", repo.dir);
    await expect(failure).rejects.toThrow(BaseRefError);
    await expect(failure).rejects.toMatchObject({ usage: true, message: 'unknown git ref "no-such-branch"' });
    expect(repo.worktrees()).toHaveLength(1);
    expect(existsSync(join(repo.dir, "node_modules", "@pulumi", "pulumi"))).toBe(true);
  });
});
