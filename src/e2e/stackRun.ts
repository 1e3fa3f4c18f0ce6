import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseConfig } from "../config/parseConfig";
import { namespaceValues } from "../config/readStackConfig";
import { loadStackConfig } from "../config/stackFile";
import { RunningEmulator, startOktaEmulator } from "../emulator";
import { OktaConnection } from "../config/connection";
import { OktaManagementClient } from "../orgSettings/managementClient";
import { planFromPreview } from "../plan/fromPreview";
import { SetupPlan } from "../plan/planModel";
import { renderMarkdown } from "../plan/renderMarkdown";
import { changedStackConfig } from "./configChange";
import { CallCounts, countManagementCalls } from "./managementCalls";
import { compareOrgs, describeDifference } from "./orgComparison";
import { readOrgState } from "./orgState";
import { PulumiCli, PulumiResult, failureLines, pulumiEnv } from "./pulumiCli";
import { ServiceAppCredentials, createServiceApp } from "./serviceAppCredentials";
import { runSmokeCommand } from "./smokeCommand";
import { Workspace, createWorkspace } from "./workspace";

export type AuthMode = "token" | "service-app";

export interface StepResult {
  step: string;
  ok: boolean;
  ms: number;
  calls: CallCounts;
  /** One line: what was seen (counts, a failure in pulumi's words, differences left in the org). */
  detail?: string;
}

export interface StackRunResult {
  stack: string;
  auth: AuthMode;
  ok: boolean;
  steps: StepResult[];
  /** The plan rendered from the first `pulumi preview --json`. */
  plan?: string;
  /** Kept with --keep: the temporary project copy and backend. */
  workspace?: string;
}

export interface StackRunOptions {
  repoDir: string;
  stack: string;
  auth: AuthMode;
  keep: boolean;
  onProgress: (line: string) => void;
}

/** How often a long step says it is still running. */
const HEARTBEAT_MS = 30_000;

/** A step that did not hold; the run stops there (the next ones depend on it). */
class StepFailed extends Error {}

/**
 * One stack, end to end against a fresh emulated org with the user's own `pulumi`: preview, up,
 * smoke, no changes, a config change, drift, destroy and what the org holds afterwards.
 */
export async function runStack(options: StackRunOptions): Promise<StackRunResult> {
  const { stack, auth, repoDir } = options;
  const label = `${stack}/${auth}`;
  const result: StackRunResult = { stack, auth, ok: false, steps: [] };
  const apiToken = `00${randomBytes(30).toString("base64url")}`;
  const emulator = await startOktaEmulator({ apiToken, pollIntervalSeconds: 1, push: { outcome: "approve", afterPolls: 1, bindingMethod: "transfer" } });
  const workspace = createWorkspace(repoDir, stack);
  const admin = new OktaManagementClient({ orgUrl: emulator.url, apiToken });
  const config = parseConfig(namespaceValues(loadStackConfig(stack, repoDir)));
  const smokePassword = config.testUser.create ? undefined : `Aa1-${randomBytes(18).toString("base64url")}`;
  const pulumi = new PulumiCli(workspace.projectDir, pulumiEnv(workspace.backendUrl, randomBytes(24).toString("base64url")));
  let credentials: OktaConnection = { orgUrl: emulator.url, apiToken };

  const step = async (name: string, body: () => Promise<string | undefined>): Promise<void> => {
    options.onProgress(`[${label}] ${name} ...`);
    const from = emulator.requests.length;
    const started = Date.now();
    let ok = true;
    let detail: string | undefined;
    const heartbeat = setInterval(
      () => options.onProgress(`[${label}] ${name}: still running (${Math.round((Date.now() - started) / 1000)} s)`),
      HEARTBEAT_MS,
    );
    try {
      detail = await body();
    } catch (error) {
      ok = false;
      detail = error instanceof StepFailed ? error.message : `unexpected ${(error as Error).name}: ${(error as Error).message}`;
    } finally {
      clearInterval(heartbeat);
    }
    const outcome: StepResult = { step: name, ok, ms: Date.now() - started, calls: countManagementCalls(emulator.requests.slice(from)) };
    if (detail) outcome.detail = detail;
    result.steps.push(outcome);
    options.onProgress(`[${label}] ${name}: ${ok ? "ok" : "FAILED"} in ${(outcome.ms / 1000).toFixed(1)} s, ${outcome.calls.total} management calls${detail ? ` (${detail})` : ""}`);
    if (!ok) throw new StepFailed(detail);
  };
  const expectSuccess = (what: string, run: PulumiResult) => {
    if (run.code !== 0) throw new StepFailed(`${what} failed: ${failureLines(run)}`);
  };
  const smoke = () => runSmoke(workspace, pulumi.env, stack, emulator, credentials, smokePassword);

  try {
    let before = new Map<string, string>();
    await step("prepare", async () => {
      if (!config.testUser.create) await createExistingUser(admin, config.testUser.login, smokePassword!);
      if (config.authorizationServer.kind === "custom") await ensureAuthorizationServer(admin, config.authorizationServer.ref);
      if (auth === "service-app") credentials = serviceConnection(emulator.url, await createServiceApp(admin, emulator.url, `e2e ${stack}`));
      expectSuccess("pulumi stack init", await pulumi.run(["stack", "init", stack]));
      await setCredentials(pulumi, stack, emulator.url, credentials);
      return `fresh org ${emulator.url}; ${describeAuth(credentials)}`;
    });
    await step("org read before up", async () => {
      before = await readOrgState(admin);
      return `${before.size} objects and settings`;
    });
    await step("preview", async () => {
      const run = await pulumi.run(["preview", "--stack", stack, "--json"]);
      expectSuccess("pulumi preview --json", run);
      const plan = planFromPreview(run.stdout, stack);
      result.plan = renderMarkdown(plan);
      return countsOf(plan);
    });
    await step("up", async () => {
      const run = await pulumi.run(["up", "--stack", stack, "--yes", "--skip-preview"]);
      expectSuccess("pulumi up", run);
      return undefined;
    });
    await step("smoke", smoke);
    await step("preview --expect-no-changes", async () => {
      expectSuccess("pulumi preview --expect-no-changes", await pulumi.run(["preview", "--stack", stack, "--expect-no-changes"]));
      return undefined;
    });
    await step("refresh --expect-no-changes", async () => {
      expectSuccess("pulumi refresh --expect-no-changes", await pulumi.run(["refresh", "--stack", stack, "--yes", "--expect-no-changes"]));
      return undefined;
    });
    let summary = "";
    await step("up (changed config)", async () => {
      const file = join(workspace.projectDir, `Pulumi.${stack}.yaml`);
      const change = changedStackConfig(readFileSync(file, "utf8"));
      writeFileSync(file, change.text);
      summary = change.summary;
      expectSuccess("pulumi up", await pulumi.run(["up", "--stack", stack, "--yes", "--skip-preview"]));
      return summary;
    });
    await step("smoke (changed config)", smoke);
    await step("preview --expect-no-changes (changed config)", async () => {
      expectSuccess("pulumi preview --expect-no-changes", await pulumi.run(["preview", "--stack", stack, "--expect-no-changes"]));
      return undefined;
    });
    let changed = "";
    await step("drift: an app's grants changed through the API", async () => {
      changed = await driftOneApp(pulumi, admin, stack);
      return changed;
    });
    await step("drift: preview --refresh", async () => {
      const run = await pulumi.run(["preview", "--stack", stack, "--refresh", "--json"]);
      expectSuccess("pulumi preview --refresh --json", run);
      const changes = planFromPreview(run.stdout, stack).diff?.changes ?? [];
      const exact =
        changes.length === 1 &&
        changes[0].action === "update" &&
        changes[0].resource.type === "okta:app/oAuth:OAuth" &&
        changes[0].properties.length > 0 &&
        changes[0].properties.every((p) => p.path.startsWith("grantTypes"));
      const seen = changes.map((c) => `${c.action} ${c.resource.name} [${c.properties.map((p) => p.path).join(", ")}]`).join("; ");
      if (!exact) throw new StepFailed(`expected one update of ${changed}'s grantTypes, saw: ${seen || "no change"}`);
      return seen;
    });
    await step(config.protect ? "destroy (refused: protect)" : "destroy", async () => {
      const run = await pulumi.run(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
      if (config.protect) {
        if (run.code === 0) throw new StepFailed("pulumi destroy succeeded on a protected stack");
        if (!/protect/i.test(`${run.stdout}\n${run.stderr}`)) throw new StepFailed(`pulumi destroy failed, but not for protect: ${failureLines(run)}`);
        return "refused: the stack's resources are protected";
      }
      expectSuccess("pulumi destroy", run);
      return undefined;
    });
    if (!config.protect) {
      await step("org compared with before up", async () => {
        const differences = compareOrgs(before, await readOrgState(admin));
        if (differences.length > 0) throw new StepFailed(`the org differs from before up: ${differences.map(describeDifference).join("; ")}`);
        return "as before, apart from what Okta cannot delete";
      });
    }
    result.ok = true;
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
  } finally {
    await emulator.close();
    if (options.keep) result.workspace = workspace.root;
    else workspace.remove();
  }
  return result;
}

function countsOf(plan: SetupPlan): string {
  const c = plan.diff?.counts;
  return c ? `${c.add} to create, ${c.change} to update, ${c.replace} to replace, ${c.destroy} to delete` : "no changes";
}

function describeAuth(connection: OktaConnection): string {
  return connection.apiToken ? "SSWS API token" : `service app ${connection.clientId} (private_key_jwt, DPoP)`;
}

function serviceConnection(orgUrl: string, app: ServiceAppCredentials): OktaConnection {
  return { orgUrl, clientId: app.clientId, privateKey: app.privateKey, privateKeyId: app.privateKeyId, scopes: app.scopes };
}

/** okta:httpProxy and the credentials; secrets go through stdin, never the command line. */
async function setCredentials(pulumi: PulumiCli, stack: string, orgUrl: string, connection: OktaConnection): Promise<void> {
  const set = async (args: string[], input?: string) => {
    const run = await pulumi.run(["config", "set", "--stack", stack, ...args], input);
    if (run.code !== 0) throw new StepFailed(`pulumi config set ${args.filter((a) => a.startsWith("okta:"))[0]} failed: ${failureLines(run)}`);
  };
  await set(["okta:httpProxy", orgUrl]);
  if (connection.apiToken) {
    await set(["--secret", "okta:apiToken"], connection.apiToken);
    return;
  }
  await set(["okta:clientId", String(connection.clientId)]);
  await set(["okta:privateKeyId", String(connection.privateKeyId)]);
  await set(["--secret", "okta:privateKey"], connection.privateKey);
  for (const [i, scope] of (connection.scopes ?? []).entries()) await set(["--path", `okta:scopes[${i}]`, scope]);
}

/** A stack that looks its test user up expects the org to have it, as its real org would. */
async function createExistingUser(admin: OktaManagementClient, login: string, password: string): Promise<void> {
  await admin.post("/api/v1/users?activate=true", {
    profile: { login, email: login, firstName: "Direct", lastName: "Auth Monitor" },
    credentials: { password: { value: password } },
  });
}

async function ensureAuthorizationServer(admin: OktaManagementClient, ref: string): Promise<void> {
  const servers = await admin.getAll<{ id: string; name: string }>("/api/v1/authorizationServers");
  if (servers.some((s) => s.id === ref || s.name === ref)) return;
  await admin.post("/api/v1/authorizationServers", { name: ref, description: "The org's own authorization server", audiences: [`api://${ref}`] });
}

/** Drift made behind Pulumi's back: one direct-auth grant taken off the stack's first app. */
async function driftOneApp(pulumi: PulumiCli, admin: OktaManagementClient, stack: string): Promise<string> {
  const outputs = await pulumi.run(["stack", "output", "--stack", stack, "--json"]);
  if (outputs.code !== 0) throw new StepFailed(`pulumi stack output failed: ${failureLines(outputs)}`);
  const apps = (JSON.parse(outputs.stdout) as { apps: { name: string; clientId: string }[] }).apps;
  const target = apps[0];
  const app = await admin.get<Record<string, any>>(`/api/v1/apps/${target.clientId}`);
  const grants: string[] = app.settings.oauthClient.grant_types;
  const dropped = grants.filter((g) => g !== "authorization_code").pop();
  app.settings.oauthClient.grant_types = grants.filter((g) => g !== dropped);
  await admin.put(`/api/v1/apps/${app.id}`, app);
  return `${target.name} (grant ${dropped} removed through the API)`;
}

/** `npm run smoke -- --stack S --code-outbox URL --enroll-totp --json`, in the workspace, every variant `pass`. */
async function runSmoke(
  workspace: Workspace,
  env: NodeJS.ProcessEnv,
  stack: string,
  emulator: RunningEmulator,
  connection: OktaConnection,
  password: string | undefined,
): Promise<string> {
  const report = await runSmokeCommand(workspace.projectDir, env, stack, emulator.outboxUrl, connection, password);
  const notPassing = report.results.filter((r) => r.status !== "pass");
  if (notPassing.length > 0) {
    throw new StepFailed(notPassing.map((r) => `${r.variant} ${r.status}${r.diagnosis ? `: ${r.diagnosis}` : ""}`).join("; "));
  }
  return `${report.results.length} variants pass`;
}
