import { closeSync, constants, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { StateFileError } from "./stateFile";

/**
 * One emulator per state file: two would overwrite each other's org silently. The lock is
 * `<state>.lock`, created exclusively (never through a link) with the holder's pid; a lock whose
 * process is gone (killed, crashed) is stale and taken over. Resolves to the release.
 */
export function lockStateFile(statePath: string, pid = process.pid): () => void {
  const lockPath = `${statePath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      writeSync(fd, `${pid}\n`);
      closeSync(fd);
      return () => releaseIfOurs(lockPath, pid);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new StateFileError(`cannot lock ${statePath} (${lockPath}): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }
    const holder = holderOf(lockPath);
    if (holder !== undefined && isAlive(holder)) {
      throw new StateFileError(
        `${statePath} is in use by another emulator (pid ${holder}); stop it or pass another --state`,
      );
    }
    rmSync(lockPath, { force: true });
  }
  throw new StateFileError(`cannot lock ${statePath}: ${lockPath} keeps reappearing; is another emulator starting?`);
}

function holderOf(lockPath: string): number | undefined {
  try {
    const text = readFileSync(lockPath, "utf8").trim();
    return /^\d{1,10}$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Signal 0 only asks whether the pid exists; EPERM means it does, owned by someone else. */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function releaseIfOurs(lockPath: string, pid: number): void {
  if (holderOf(lockPath) === pid) rmSync(lockPath, { force: true });
}
