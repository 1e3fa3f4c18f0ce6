import { spawn } from "node:child_process";

export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** One command may wait on the provider's retries; beyond this the run is stuck, not slow. */
const COMMAND_TIMEOUT_MS = 20 * 60_000;

/**
 * The user's own `pulumi`, run in the workspace's project against its local backend. Nothing of
 * the user's login, default backend or config passphrase is read or changed.
 */
export class PulumiCli {
  constructor(
    private readonly projectDir: string,
    /** The run's backend and passphrase; the smoke check reads the stack's outputs with them too. */
    readonly env: NodeJS.ProcessEnv,
  ) {}

  run(args: readonly string[], input?: string): Promise<PulumiResult> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const child = spawn("pulumi", [...args, "--non-interactive"], { cwd: this.projectDir, env: this.env, stdio: ["pipe", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      const timer = setTimeout(() => child.kill("SIGTERM"), COMMAND_TIMEOUT_MS);
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? 1, stdout, stderr, ms: Date.now() - started });
      });
      child.stdin.end(input ?? "");
    });
  }
}

/** The environment every pulumi command of a run gets: its own backend, passphrase and no update check. */
export function pulumiEnv(backendUrl: string, passphrase: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  // The user's Okta credentials must not reach the emulator run, nor the run's reach their org.
  for (const name of Object.keys(env)) if (name.startsWith("OKTA_") || name === "PULUMI_ACCESS_TOKEN") delete env[name];
  return {
    ...env,
    PULUMI_BACKEND_URL: backendUrl,
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
  };
}

/**
 * What pulumi said about a failure, as one line: its error lines (diagnostics go to stdout, which
 * shows secret outputs only as [secret]), else the last lines of stderr.
 */
export function failureLines(result: PulumiResult): string {
  const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);
  const errors = lines(`${result.stdout}\n${result.stderr}`).filter((l) => /\berror\b/i.test(l));
  const chosen = errors.length > 0 ? errors.slice(0, 4) : lines(result.stderr).slice(-4);
  return chosen.join(" ").slice(0, 600) || `exit ${result.code}`;
}
