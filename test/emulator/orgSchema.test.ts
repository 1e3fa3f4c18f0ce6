import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { orgProblem } from "../../src/emulator/orgSchema";
import { StateFileError, encodeState, readStateFile } from "../../src/emulator/stateFile";
import { emulatedOrgs } from "../helpers/orgs";
import { devEvaluation } from "./support/evaluations";

const start = emulatedOrgs();
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await start({ evaluation: await devEvaluation() });
});

const ENVELOPE = '"format":"okta-direct-auth emulator state"';

function stateFileOf(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "emulator-org-")), "org.json");
  writeFileSync(path, text);
  return path;
}

/** The emulator's own saved org, re-encoded after `edit` changed it. */
function savedWith(edit: (org: Record<string, unknown>) => void): string {
  const org = JSON.parse(encodeState(emulator.org)).org as Record<string, unknown>;
  edit(org);
  return stateFileOf(`{${ENVELOPE},"version":1,"savedAt":"2026-01-01T00:00:00Z","org":${JSON.stringify(org)}}`);
}

describe("a saved org checked whole at start", () => {
  it("takes what the emulator itself saved", () => {
    const path = stateFileOf(encodeState(emulator.org));
    expect(readStateFile(path, orgProblem)).toBeDefined();
  });

  it.each([
    ["an empty org", () => stateFileOf(`{${ENVELOPE},"version":1,"org":{}}`), /org\.authenticators: .*expected array/],
    ["apps that are not a list", () => savedWith((org) => (org.apps = "x")), /org\.apps: .*expected array, received string/],
    ["no users", () => savedWith((org) => delete org.users), /org\.users: .*expected array, received undefined/],
    ["a user without a password", () => savedWith((org) => delete (org.users as Record<string, unknown>[])[0].password), /org\.users\.0\.password: /],
    ["a rule priority that is not a number", () => savedWith((org) => ((org.sessionPolicies as { rules: { priority: unknown }[] }[])[0].rules[0].priority = "x")), /org\.sessionPolicies\.0\.rules\.0\.priority: /],
    ["a format given as a string", () => stateFileOf(`{${ENVELOPE},"version":"1","org":{}}`), /has state format "1"; this emulator reads format 1 \(the number\)/],
    ["an org nested beyond any the API builds", () => stateFileOf(`{${ENVELOPE},"version":1,"org":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`), /nests deeper than 128 levels/],
  ])("refuses %s in one line naming what is wrong", (_what, path, message) => {
    const file = path();
    let thrown: unknown;
    try {
      readStateFile(file, orgProblem);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StateFileError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain("\n");
  });
});
