import { mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StateFileError, decodeState, encodeState, readStateFile, writeStateFile } from "../../src/emulator/stateFile";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "emulator-state-"));
}

const org = {
  groups: new Map([["00g1", { id: "00g1", name: "Everyone", userIds: new Set(["00u1", "00u2"]) }]]),
  apps: [{ id: "0oa1", grantTypes: ["authorization_code"], assignedGroupIds: new Set(["00g1"]) }],
  enrollment: { settings: new Map([["google_otp", "OPTIONAL"]]) },
};

describe("emulator state file", () => {
  it("gives back the org with its Maps and Sets", () => {
    const back = decodeState<typeof org>(encodeState(org), "state.json");
    expect(back).toEqual(org);
    expect(back.groups.get("00g1")?.userIds).toBeInstanceOf(Set);
    expect(back.enrollment.settings).toBeInstanceOf(Map);
  });

  it("writes atomically, owner-only, and leaves no temporary file behind", () => {
    const dir = tempDir();
    const path = join(dir, "org.json");
    writeStateFile(path, org);
    writeStateFile(path, { ...org, apps: [] });
    expect(readdirSync(dir)).toEqual(["org.json"]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readStateFile<typeof org>(path)?.apps).toEqual([]);
  });

  it("keeps the previous state when the new one cannot be written", () => {
    const dir = tempDir();
    const path = join(dir, "org.json");
    writeStateFile(path, org);
    const before = readFileSync(path, "utf8");
    expect(() => writeStateFile(path, { cyclic: BigInt(1) })).toThrow(StateFileError);
    expect(readFileSync(path, "utf8")).toBe(before);
    expect(readdirSync(dir)).toEqual(["org.json"]);
  });

  it("never writes through a link planted where the temporary file would go", () => {
    const dir = tempDir();
    const path = join(dir, "org.json");
    const victim = join(tempDir(), "victim.txt");
    writeFileSync(victim, "keep me", { mode: 0o644 });
    // The name a predictable writer would use.
    symlinkSync(victim, join(dir, `.org.json.${process.pid}.tmp`));
    writeStateFile(path, org);
    expect(readFileSync(victim, "utf8")).toBe("keep me");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readStateFile<typeof org>(path)?.apps).toEqual(org.apps);
  });

  it("reads a missing file as a first run", () => {
    expect(readStateFile(join(tempDir(), "absent.json"))).toBeUndefined();
  });

  it.each([
    ["truncated JSON", '{"format":"okta-direct-auth emulator state","version":1,"org":{', /corrupt/],
    ["another JSON document", '{"name":"okta-direct-auth"}', /not an emulator state file/],
    ["a newer format", '{"format":"okta-direct-auth emulator state","version":99,"org":{}}', /format 99/],
    ["no org", '{"format":"okta-direct-auth emulator state","version":1}', /holds no org/],
  ])("refuses %s with a clear error instead of starting a fresh org", (_what, text, message) => {
    const path = join(tempDir(), "org.json");
    writeFileSync(path, text);
    expect(() => readStateFile(path)).toThrow(StateFileError);
    expect(() => readStateFile(path)).toThrow(message);
  });

  it("says why a path cannot be read", () => {
    expect(() => readStateFile(tempDir())).toThrow(/cannot read .*EISDIR/);
  });
});
