import { spawn } from "node:child_process";
import { join } from "node:path";
import { OktaConnection } from "../config/connection";

export interface SmokeOutcome {
  results: { variant: string; status: string; diagnosis?: string }[];
}

/**
 * The smoke check as a user runs it after `pulumi up`, in the workspace (so `--stack` reads that
 * stack's outputs from its backend): codes from the emulator's outbox, a TOTP factor enrolled with
 * the stack's own management credentials (in the provider's env variables) and removed after.
 */
export function runSmokeCommand(
  projectDir: string,
  env: NodeJS.ProcessEnv,
  stack: string,
  outboxUrl: string,
  connection: OktaConnection,
  password: string | undefined,
): Promise<SmokeOutcome> {
  const tsx = join(projectDir, "node_modules", "tsx", "dist", "cli.mjs");
  const args = [tsx, join("src", "cli", "smoke.ts"), "--stack", stack, "--code-outbox", outboxUrl, "--enroll-totp", "--json"];
  const credentials: NodeJS.ProcessEnv = connection.apiToken
    ? { OKTA_API_TOKEN: connection.apiToken }
    : {
        OKTA_API_CLIENT_ID: connection.clientId,
        OKTA_API_PRIVATE_KEY: connection.privateKey,
        OKTA_API_PRIVATE_KEY_ID: connection.privateKeyId,
        OKTA_API_SCOPES: (connection.scopes ?? []).join(","),
      };
  const childEnv = { ...env, ...credentials, ...(password ? { OKTA_SMOKE_PASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectDir, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        resolve(JSON.parse(stdout) as SmokeOutcome);
      } catch {
        const said = stderr.split("\n").map((l) => l.trim()).filter(Boolean).slice(-3).join(" ");
        reject(new Error(`the smoke check exited ${code} without a report${said ? `: ${said.slice(0, 400)}` : ""}`));
      }
    });
  });
}
