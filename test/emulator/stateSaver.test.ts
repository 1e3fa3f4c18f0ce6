import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeStateFile } from "../../src/emulator/stateFile";
import { StateSaver } from "../../src/emulator/stateSaver";

afterEach(() => vi.useRealTimers());

describe("saving the org while serving", () => {
  it("keeps going when a save fails, says so once, and saves when the cause is gone", () => {
    vi.useFakeTimers();
    const dir = join(mkdtempSync(join(tmpdir(), "emulator-saver-")), "state");
    mkdirSync(dir);
    const path = join(dir, "org.json");
    let org = { apps: ["first"] };
    const lines: string[] = [];
    const saver = new StateSaver(() => writeStateFile(path, org), (line) => lines.push(line), path, { saveMs: 200, retryMs: 1000 });

    expect(saver.saveNow()).toBe(true);
    rmSync(dir, { recursive: true });
    org = { apps: ["first", "second"] };
    saver.changed();
    expect(() => vi.advanceTimersByTime(200)).not.toThrow();
    expect(() => vi.advanceTimersByTime(5000)).not.toThrow();
    expect(lines).toEqual([expect.stringMatching(/^cannot save the org to .*org\.json \(cannot write .*ENOENT\); still serving, retrying/)]);

    mkdirSync(dir);
    vi.advanceTimersByTime(1000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/saved to .*org\.json again/);
    expect(readFileSync(path, "utf8")).toContain('"second"');
    saver.stop();
  });

  it("reports at exit that the last changes were not saved", () => {
    const saver = new StateSaver(() => {
      throw new Error("disk full");
    }, () => undefined, "org.json");
    expect(saver.saveNow()).toBe(false);
    saver.stop();
  });
});
