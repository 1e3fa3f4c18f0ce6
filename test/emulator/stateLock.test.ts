import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StateFileError } from "../../src/emulator/stateFile";
import { lockStateFile } from "../../src/emulator/stateLock";

const statePath = () => join(mkdtempSync(join(tmpdir(), "emulator-lock-")), "org.json");

/** A pid that existed and is gone: a child that has already exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString());
}

describe("one emulator per state file", () => {
  it("refuses a second holder, naming the first one's pid, and frees the file on release", () => {
    const path = statePath();
    const release = lockStateFile(path);
    expect(readFileSync(`${path}.lock`, "utf8").trim()).toBe(String(process.pid));
    expect(() => lockStateFile(path)).toThrow(StateFileError);
    expect(() => lockStateFile(path)).toThrow(new RegExp(`in use by another emulator \\(pid ${process.pid}\\)`));
    release();
    expect(existsSync(`${path}.lock`)).toBe(false);
    lockStateFile(path)();
  });

  it("takes over the lock of a process that is gone", () => {
    const path = statePath();
    writeFileSync(`${path}.lock`, `${deadPid()}\n`);
    const release = lockStateFile(path);
    expect(readFileSync(`${path}.lock`, "utf8").trim()).toBe(String(process.pid));
    release();
  });

  it("does not write its pid through a link planted at the lock's name", () => {
    const path = statePath();
    const victim = join(mkdtempSync(join(tmpdir(), "emulator-victim-")), "victim.txt");
    writeFileSync(victim, "keep me");
    symlinkSync(victim, `${path}.lock`);
    lockStateFile(path)();
    expect(readFileSync(victim, "utf8")).toBe("keep me");
  });
});
