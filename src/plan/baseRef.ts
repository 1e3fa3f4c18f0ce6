import { execFile } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { stackFilePath } from "../config/stackFile";
import { Evaluation } from "../evaluate/evaluateProgram";

const run = promisify(execFile);

export class BaseRefError extends Error {
  /** True when the ref itself is wrong (a usage error), false when evaluating it failed. */
  constructor(message: string, readonly usage: boolean) {
    super(message);
    this.name = "BaseRefError";
  }
}

export interface BaseEvaluation {
  ref: string;
  commit: string;
  /** Undefined when the stack had no stack file at the ref: everything it declares now is new. */
  evaluation?: Evaluation;
}

const EVALUATOR = "src/evaluate/evaluateStack.ts";

/**
 * Evaluates `stack` as the program stood at git `ref`: a detached worktree of that commit, sharing
 * this checkout's node_modules, evaluated in a child process. The worktree is removed whatever
 * happens.
 */
export async function evaluateAtRef(ref: string, stack: string, projectDir: string): Promise<BaseEvaluation> {
  const repoRoot = await git(projectDir, ["rev-parse", "--show-toplevel"], `${projectDir} is not in a git repository`);
  const commit = await git(repoRoot, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], `unknown git ref "${ref}"`);
  const scratch = mkdtempSync(join(tmpdir(), "okta-direct-auth-base-"));
  const checkout = join(scratch, "checkout");
  const baseProject = join(checkout, relative(repoRoot, projectDir));
  const link = join(baseProject, "node_modules");
  try {
    await git(repoRoot, ["worktree", "add", "--detach", checkout, commit], `could not check out ${ref}`, false);
    if (!existsSync(stackFilePath(stack, baseProject))) return { ref, commit };
    if (!existsSync(join(baseProject, EVALUATOR))) {
      throw new BaseRefError(`${ref} has no ${EVALUATOR}: it predates offline evaluation, so there is nothing to compare with`, false);
    }
    symlinkSync(join(projectDir, "node_modules"), link, "dir");
    return { ref, commit, evaluation: await evaluateInChild(baseProject, stack, join(scratch, "evaluation.json"), ref) };
  } finally {
    // Unlinked first, so that nothing removing the worktree can reach into our node_modules.
    if (isSymlink(link)) unlinkSync(link);
    await removeWorktree(repoRoot, checkout);
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function evaluateInChild(projectDir: string, stack: string, outFile: string, ref: string): Promise<Evaluation> {
  const tsx = require.resolve("tsx/cli");
  try {
    await run(process.execPath, [tsx, join(__dirname, "evaluateCheckout.ts"), projectDir, stack, outFile], {
      cwd: projectDir,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = ((error as { stderr?: string }).stderr ?? "").trim();
    throw new BaseRefError(`could not evaluate stack "${stack}" at ${ref}:\n${stderr || (error as Error).message}`, false);
  }
  const evaluation = JSON.parse(readFileSync(outFile, "utf8")) as Evaluation;
  // Secret outputs never cross the process boundary (a Map serialises as {}).
  return { ...evaluation, secretOutputs: new Map() };
}

async function git(cwd: string, args: string[], failure: string, usage = true): Promise<string> {
  try {
    const { stdout } = await run("git", args, { cwd });
    return stdout.trim();
  } catch {
    throw new BaseRefError(failure, usage);
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** `--force` because the worktree may hold untracked files; prune covers a half-made worktree. */
async function removeWorktree(repoRoot: string, checkout: string): Promise<void> {
  await run("git", ["worktree", "remove", "--force", checkout], { cwd: repoRoot }).catch(() => undefined);
  rmSync(checkout, { recursive: true, force: true });
  await run("git", ["worktree", "prune"], { cwd: repoRoot }).catch(() => undefined);
}
