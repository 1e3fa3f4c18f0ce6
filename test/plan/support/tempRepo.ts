import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";

export const PROJECT = join(__dirname, "..", "..", "..");
const LEFT_OUT = new Set(["node_modules", ".git", "coverage"]);

/** A throw-away git repository holding a copy of this project (node_modules linked, not copied). */
export class TempRepo {
  readonly dir = mkdtempSync(join(tmpdir(), "okta-direct-auth-plan-test-"));

  constructor() {
    cpSync(PROJECT, this.dir, {
      recursive: true,
      filter: (source) => !LEFT_OUT.has(relative(PROJECT, source).split(sep)[0]),
    });
    symlinkSync(join(PROJECT, "node_modules"), join(this.dir, "node_modules"), "dir");
    this.git("init", "--quiet");
    // The project's .gitignore names node_modules/ as a directory; the link is a file to git.
    appendFileSync(join(this.dir, ".git", "info", "exclude"), "node_modules\n");
    this.commit("copy of the project");
  }

  git(...args: string[]): string {
    return execFileSync("git", ["-c", "user.name=plan test", "-c", "user.email=plan@example.com", ...args], {
      cwd: this.dir,
      encoding: "utf8",
    }).trim();
  }

  commit(message: string): string {
    this.git("add", "--all");
    this.git("commit", "--quiet", "--allow-empty", "-m", message);
    return this.git("rev-parse", "HEAD");
  }

  read(file: string): string {
    return readFileSync(join(this.dir, file), "utf8");
  }

  write(file: string, text: string): void {
    writeFileSync(join(this.dir, file), text);
  }

  worktrees(): string[] {
    return this.git("worktree", "list", "--porcelain")
      .split("\n")
      .filter((line) => line.startsWith("worktree "));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
