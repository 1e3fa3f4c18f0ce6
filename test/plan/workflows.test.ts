import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const DIR = join(__dirname, "..", "..", ".github", "workflows");

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  uses?: string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  environment?: string;
  env?: Record<string, string>;
  steps?: Step[];
  outputs?: Record<string, string>;
  strategy?: { "fail-fast"?: boolean; matrix?: Record<string, unknown> };
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflows: Record<string, Workflow> = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f.endsWith(".yml"))
    .map((f) => [f, parse(readFileSync(join(DIR, f), "utf8")) as Workflow]),
);
const workflow = (file: string) => workflows[file] ?? expect.fail(`no .github/workflows/${file}`);
const allJobs = Object.entries(workflows).flatMap(([file, w]) => Object.entries(w.jobs).map(([name, job]) => ({ file, name, job })));
const stepsOf = (job: Job) => job.steps ?? [];
const runs = (job: Job) => stepsOf(job).map((s) => s.run ?? "").join("\n");
const pulumiSteps = (job: Job) => stepsOf(job).filter((s) => s.uses?.startsWith("pulumi/actions@"));
const commentsOnPullRequests = (job: Job) =>
  pulumiSteps(job).some((s) => s.with?.["comment-on-pr"] === true) ||
  stepsOf(job).some((s) => s.uses?.startsWith("actions/github-script@") && /createComment|updateComment/.test(String(s.with?.script)));
/** A job's effective permissions: its own, else the workflow's. */
const permissionsOf = (file: string, job: Job) => job.permissions ?? workflow(file).permissions;
const gatedOnCredentials = (job: Job) =>
  [job.needs].flat().includes("credentials") && /needs\.credentials\.outputs\.available == 'true'/.test(job.if ?? "");

describe("GitHub Actions workflows", () => {
  it("default every workflow to no more than read access to the contents", () => {
    for (const [file, w] of Object.entries(workflows)) {
      expect(w.permissions, file).toBeDefined();
      expect(Object.entries(w.permissions!).filter(([, access]) => access !== "read"), file).toEqual([]);
    }
  });

  it("grant pull-requests: write only to jobs that comment, and no other write at all", () => {
    for (const { file, name, job } of allJobs) {
      const writes = Object.entries(permissionsOf(file, job) ?? {}).filter(([, access]) => access === "write").map(([scope]) => scope);
      expect(writes, `${file} ${name}`).toEqual(commentsOnPullRequests(job) ? ["pull-requests"] : []);
    }
    expect(allJobs.filter(({ job }) => commentsOnPullRequests(job)).map(({ file, name }) => `${file} ${name}`).sort()).toEqual([
      "plan-comment.yml comment",
      "pull-request.yml preview",
    ]);
  });

  it("run everything that touches an org only when the Okta and Pulumi secrets are there", () => {
    const check = workflow("credentials.yml");
    expect(Object.keys(check.on)).toEqual(["workflow_call"]);
    expect(runs(check.jobs.check)).toMatch(/-n "\$PULUMI_ACCESS_TOKEN" \] && \[ -n "\$OKTA_API_TOKEN"/);
    // pulumi/actions without a command only installs the CLI (the e2e job, which needs no org).
    const credentialed = allJobs.filter(({ job }) => pulumiSteps(job).some((s) => s.with?.command !== undefined));
    expect(credentialed.length).toBeGreaterThanOrEqual(4);
    for (const { file, name, job } of credentialed) {
      expect(gatedOnCredentials(job), `${file} ${name}`).toBe(true);
      expect(workflow(file).jobs.credentials, file).toMatchObject({ uses: "./.github/workflows/credentials.yml", secrets: "inherit" });
    }
  });

  it("set up Node 20 with the npm cache and install with npm ci wherever they run project code", () => {
    for (const { file, name, job } of allJobs.filter(({ job }) => /\bnpm (run|test|start)\b/.test(runs(job)))) {
      const node = stepsOf(job).find((s) => s.uses?.startsWith("actions/setup-node@"));
      expect(node?.with, `${file} ${name}`).toMatchObject({ "node-version": 20, cache: "npm" });
      expect(stepsOf(job).some((s) => s.uses?.startsWith("actions/checkout@")), `${file} ${name}`).toBe(true);
      expect(runs(job), `${file} ${name}`).toMatch(/^npm ci$/m);
    }
  });

  it("on a pull request: tests and npm start, the offline plan against the base, Pulumi's preview with credentials", () => {
    const pr = workflow("pull-request.yml");
    expect(Object.keys(pr.on)).toEqual(["pull_request"]);
    expect(runs(pr.jobs.test)).toMatch(/npm test[\s\S]*npm start/);
    expect(pr.jobs.test.permissions).toBeUndefined();

    const plan = pr.jobs.plan;
    expect(stepsOf(plan)[0]).toMatchObject({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    expect(runs(plan)).toContain('npm run --silent plan -- --stack "$stack" --base "$BASE_SHA" --out "plan/$stack.md"');
    expect(runs(plan)).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(stepsOf(plan).find((s) => s.uses?.startsWith("actions/upload-artifact@"))).toMatchObject({ if: "always()", with: { name: "offline-plan" } });

    const preview = pr.jobs.preview;
    expect(preview.if).toContain("contains(fromJSON(needs.plan.outputs.stacks), 'dev')");
    expect(pulumiSteps(preview)).toEqual([
      expect.objectContaining({ uses: "pulumi/actions@v6", with: expect.objectContaining({ command: "preview", "stack-name": "dev", "comment-on-pr": true, "edit-pr-comment": true }) }),
    ]);
    expect(runs(preview)).toMatch(/pulumi preview --stack dev --json --show-sames > preview\.json[\s\S]*--from-preview preview\.json/);
  });

  it("on a pull request: npm run e2e for every stack with the real engine, installed by pulumi/actions, without secrets", () => {
    const pr = workflow("pull-request.yml");
    const e2e = pr.jobs.e2e;
    expect(e2e.needs).toBe("stacks");
    expect(e2e.strategy).toMatchObject({ "fail-fast": false, matrix: { stack: "${{ fromJSON(needs.stacks.outputs.all) }}" } });
    expect(runs(pr.jobs.stacks)).toContain("ls Pulumi.*.yaml");
    expect(pulumiSteps(e2e)).toEqual([{ uses: "pulumi/actions@v6", with: { "pulumi-version": "${{ steps.pinned.outputs.pulumi }}" } }]);
    expect(runs(e2e)).toMatch(/pulumi plugin install resource okta[\s\S]*pulumi plugin install resource random[\s\S]*npm run e2e -- --stack "\$\{\{ matrix.stack \}\}"/);
    expect(JSON.stringify(e2e)).not.toMatch(/secrets\./);
  });

  it("post the offline plan as one sticky comment per stack, found by its marker and updated in place", () => {
    const comment = workflow("plan-comment.yml");
    expect(comment.on).toEqual({ workflow_run: { workflows: [workflow("pull-request.yml").name], types: ["completed"] } });
    const job = comment.jobs.comment;
    expect(job.permissions).toEqual({ actions: "read", "pull-requests": "write" });
    expect(stepsOf(job).some((s) => s.uses?.startsWith("actions/checkout@"))).toBe(false);
    const script = String(stepsOf(job).find((s) => s.uses === "actions/github-script@v7")?.with?.script);
    expect(script).toContain("/^<!-- okta-direct-auth-plan:([A-Za-z0-9_.-]+) -->$/");
    expect(script).toMatch(/if \(existing\) await github\.rest\.issues\.updateComment[\s\S]*else await github\.rest\.issues\.createComment/);
    expect(script).toContain("pr.head.sha !== process.env.HEAD_SHA");
  });

  it("on a push to main: pulumi up for dev, then the smoke check", () => {
    const deploy = workflow("deploy.yml");
    expect(deploy.on).toEqual({ push: { branches: ["main"] } });
    const steps = stepsOf(deploy.jobs.up);
    const up = steps.findIndex((s) => s.uses === "pulumi/actions@v6" && s.with?.command === "up" && s.with?.["stack-name"] === "dev");
    const smoke = steps.findIndex((s) => s.run === "npm run smoke -- --stack dev");
    expect(up).toBeGreaterThan(0);
    expect(smoke).toBeGreaterThan(up);
  });

  it("destroy the test stack by hand or on a schedule, and no other stack", () => {
    const lifecycle = workflow("test-stack.yml");
    expect(Object.keys(lifecycle.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    const [pulumi] = pulumiSteps(lifecycle.jobs.lifecycle);
    expect(pulumi.with?.["stack-name"]).toBe("test");
    expect(lifecycle.jobs.lifecycle.env?.COMMAND).toBe("${{ inputs.command || 'destroy' }}");
    expect(pulumi.with?.command).toBe("${{ env.COMMAND }}");
    // Every Pulumi step that is not a preview or an up (that is, one that may destroy) is this one;
    // one without a command only installs the CLI (npm run e2e destroys only its emulated org's stacks).
    const mayDestroy = allJobs.flatMap(({ file, job }) =>
      pulumiSteps(job)
        .filter((s) => s.with?.command !== undefined && !["preview", "up"].includes(String(s.with?.command)))
        .map((s) => `${file} ${s.with?.["stack-name"]}`),
    );
    expect(mayDestroy).toEqual(["test-stack.yml test"]);
  });

  it("check drift on a schedule with a refreshed preview that expects no changes, and say what drifted", () => {
    const drift = workflow("drift.yml");
    expect(Object.keys(drift.on)).toContain("schedule");
    const job = drift.jobs.drift;
    const [preview] = pulumiSteps(job);
    expect(preview).toMatchObject({ id: "preview", with: { command: "preview", refresh: true, "expect-no-changes": true } });
    const report = stepsOf(job).find((s) => s.name === "Say what drifted")!;
    expect(report.if).toBe("failure() && steps.preview.outcome == 'failure'");
    expect(report.run).toMatch(/pulumi preview --stack "\$STACK" --refresh --json[\s\S]*--from-preview drift\.json[\s\S]*GITHUB_STEP_SUMMARY[\s\S]*::error/);
  });

  it("have shell steps bash can parse", () => {
    const scripts = allJobs.flatMap(({ job }) => stepsOf(job).flatMap((s) => (s.run ? [s.run] : [])));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      // bash -n exits non-zero on a syntax error.
      expect(() => execFileSync("bash", ["-n"], { input: script.replace(/\$\{\{[^}]*\}\}/g, "x") })).not.toThrow();
    }
  });
});

describe("the sticky comment script", () => {
  const script = String(stepsOf(workflow("plan-comment.yml").jobs.comment).find((s) => s.uses === "actions/github-script@v7")?.with?.script);
  const marker = (stack: string) => `<!-- okta-direct-auth-plan:${stack} -->`;

  /** Runs the script as actions/github-script would, against a pull request holding `comments`. */
  async function post(plans: Record<string, string>, comments: { id: number; body: string; login: string }[], headSha = "abc123") {
    const dir = mkdtempSync(join(tmpdir(), "okta-direct-auth-comment-"));
    mkdirSync(join(dir, "plan"));
    writeFileSync(join(dir, "plan", "pull-request-number"), "42\n");
    for (const [stack, body] of Object.entries(plans)) writeFileSync(join(dir, "plan", `${stack}.md`), body);
    const calls: string[] = [];
    const listComments = async () => comments;
    const github = {
      paginate: async (list: typeof listComments) =>
        (await list()).map((c) => ({ id: c.id, body: c.body, user: { login: c.login } })),
      rest: {
        pulls: { get: async () => ({ data: { head: { sha: "abc123" } } }) },
        issues: {
          listComments,
          updateComment: async (args: { comment_id: number; body: string }) => calls.push(`update ${args.comment_id}: ${args.body.split("\n")[0]} ${args.body.includes("no longer") ? "(stale)" : ""}`.trim()),
          createComment: async (args: { issue_number: number; body: string }) => calls.push(`create on #${args.issue_number}: ${args.body.split("\n")[0]}`),
        },
      },
    };
    const home = process.cwd();
    process.chdir(dir);
    process.env.HEAD_SHA = headSha;
    try {
      const run = new Function("github", "context", "core", "require", "process", `return (async () => {\n${script}\n})()`);
      await run(github, { repo: { owner: "o", repo: "r" } }, { notice: (m: string) => calls.push(`notice: ${m}`) }, require, process);
    } finally {
      process.chdir(home);
      delete process.env.HEAD_SHA;
      rmSync(dir, { recursive: true, force: true });
    }
    return calls;
  }

  it("creates a comment per stack the first time, and updates it (never a second one) afterwards", async () => {
    const plans = { dev: `${marker("dev")}\nplan of dev`, prod: `${marker("prod")}\nplan of prod` };
    expect(await post(plans, [])).toEqual([`create on #42: ${marker("dev")}`, `create on #42: ${marker("prod")}`]);
    expect(
      await post(plans, [
        { id: 1, body: "LGTM", login: "reviewer" },
        { id: 2, body: `${marker("dev")}\nolder plan`, login: "github-actions[bot]" },
        { id: 3, body: `${marker("prod")}\nquoted by someone`, login: "reviewer" },
      ]),
    ).toEqual([`update 2: ${marker("dev")}`, `create on #42: ${marker("prod")}`]);
  });

  it("marks the comment of a stack the pull request no longer affects instead of leaving a stale plan", async () => {
    const calls = await post({ dev: `${marker("dev")}\nplan` }, [{ id: 7, body: `${marker("prod")}\n> [!CAUTION]`, login: "github-actions[bot]" }]);
    expect(calls).toEqual([`create on #42: ${marker("dev")}`, `update 7: ${marker("prod")} (stale)`]);
  });

  it("posts nothing when the pull request has moved on, or when a file is not a plan", async () => {
    expect(await post({ dev: `${marker("dev")}\nplan` }, [], "older")).toEqual([expect.stringMatching(/^notice: Pull request #42 has moved on/)]);
    await expect(post({ dev: "<!-- something else -->\n" }, [])).rejects.toThrow("plan/dev.md is not a plan comment");
  });
});
