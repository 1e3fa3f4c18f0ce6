import { execFile } from "node:child_process";
import { z } from "zod";
import { OKTA_VERIFY_MODES } from "../catalogue/oktaVerify";
import { isVariantId, VariantId } from "../catalogue/variants";
import { printable } from "../http/printable";
import { SmokeTarget } from "./types";

/** The outputs `index.ts` exports; `testUserPassword` only when the stack created the user. */
export const stackOutputsSchema = z.object({
  issuer: z.url(),
  apps: z
    .array(
      z.object({
        name: z.string().min(1),
        clientId: z.string().min(1),
        variants: z.array(z.string()),
        grantTypes: z.array(z.string()),
      }),
    )
    .min(1),
  testUserLogin: z.string().min(1),
  testUserPassword: z.string().min(1).optional(),
  phoneChannels: z.array(z.enum(["sms", "voice"])).min(1).optional(),
  oktaVerify: z.enum(OKTA_VERIFY_MODES).optional(),
});

export type StackOutputs = z.infer<typeof stackOutputsSchema>;

export type ExecFileFn = (file: string, args: readonly string[]) => Promise<{ stdout: string; stderr: string }>;

/**
 * A problem with the stack or the pulumi CLI: a usage/config error (exit 2). Never holds secret
 * output values; names and pulumi's own words it may quote are made printable.
 */
export class StackOutputError extends Error {
  constructor(message: string) {
    super(printable(message));
    this.name = "StackOutputError";
  }
}

const PULUMI_TIMEOUT_MS = 120_000;

/** Runs a program found on `env`'s PATH, with `env`: pulumi reads its backend and login from it. */
export function execFileWith(env: NodeJS.ProcessEnv): ExecFileFn {
  return (file, args) =>
    new Promise((resolve, reject) => {
      execFile(file, [...args], { env, maxBuffer: 16 * 1024 * 1024, timeout: PULUMI_TIMEOUT_MS }, (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr }));
        else resolve({ stdout, stderr });
      });
    });
}

/** pulumi's own error lines say what is wrong (no such stack, not logged in); its stdout may hold the password. */
function pulumiError(error: unknown): string {
  const e = error as { code?: string | number; stderr?: string; killed?: boolean };
  if (e.code === "ENOENT") return "the pulumi CLI is not on PATH: install it, or target the org with --issuer/--client-id/--variants/--username";
  if (e.killed) return `pulumi did not answer within ${PULUMI_TIMEOUT_MS / 1000} s`;
  const lines = (e.stderr ?? "").split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 3).join(" ");
  return `pulumi stack output failed${lines ? `: ${lines.slice(0, 400)}` : ""}`;
}

export async function readStackOutputs(stack: string, exec: ExecFileFn = execFileWith(process.env)): Promise<StackOutputs> {
  let stdout: string;
  try {
    ({ stdout } = await exec("pulumi", ["stack", "output", "--json", "--show-secrets", "--stack", stack]));
  } catch (error) {
    throw new StackOutputError(pulumiError(error));
  }
  let document: unknown;
  try {
    document = JSON.parse(stdout);
  } catch {
    throw new StackOutputError(`pulumi stack output --stack ${stack} did not print JSON`);
  }
  const parsed = stackOutputsSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(document)"}: ${issue.message}`);
    throw new StackOutputError(
      `stack ${stack} does not have the outputs of this program (run \`pulumi up\` first?): ${problems.slice(0, 5).join("; ")}`,
    );
  }
  return parsed.data;
}

/** One target per (app, variant); `only` narrows them to the variants asked for. */
export function targetsFromStack(outputs: StackOutputs, stack: string, only?: readonly VariantId[]): SmokeTarget[] {
  const targets: SmokeTarget[] = [];
  for (const app of outputs.apps) {
    for (const id of app.variants) {
      if (!isVariantId(id)) throw new StackOutputError(`stack ${stack} lists variant "${id}", which this version does not know`);
      targets.push({ variant: id, app: app.name, clientId: app.clientId, grantTypes: [...app.grantTypes] });
    }
  }
  if (!only) return targets;
  const missing = only.filter((id) => !targets.some((t) => t.variant === id));
  if (missing.length > 0) {
    throw new StackOutputError(
      `stack ${stack} does not configure ${missing.join(", ")} (it has ${targets.map((t) => t.variant).join(", ")})`,
    );
  }
  return targets.filter((t) => only.includes(t.variant));
}
