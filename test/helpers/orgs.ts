import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { EmulatorOptions, RunningEmulator, startOktaEmulator } from "../../src/emulator";
import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { devEvaluation } from "./devStack";

/**
 * The one way a test file starts emulated orgs: registers the file's hooks, which close every org
 * started through the returned function when what started it ends: after the test that started it,
 * or at the end of the file for one a `beforeAll` started. `defaults` apply to each start; a call's
 * own options override them.
 */
export function emulatedOrgs(defaults: EmulatorOptions = {}): (options?: EmulatorOptions) => Promise<RunningEmulator> {
  const forFile: RunningEmulator[] = [];
  const forTest: RunningEmulator[] = [];
  let inTest = false;
  const close = (orgs: RunningEmulator[]) => Promise.all(orgs.splice(0).map((org) => org.close()));
  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    await close(forTest);
  });
  afterAll(async () => {
    await close(forFile);
  });
  return async (options = {}) => {
    const org = await startOktaEmulator({ ...defaults, ...options });
    (inTest ? forTest : forFile).push(org);
    return org;
  };
}

/**
 * For a file whose tests start orgs from the dev stack and only read the stack: `dev()` is its
 * evaluation (from `beforeAll` on), `orgFor` starts an org from an evaluation (the dev stack's
 * unless given), closed as `emulatedOrgs` closes them.
 */
export function devStackOrgs(defaults: EmulatorOptions = {}) {
  const start = emulatedOrgs(defaults);
  let evaluation: Evaluation | undefined;
  beforeAll(async () => {
    evaluation = await devEvaluation();
  });
  const dev = (): Evaluation => {
    if (!evaluation) throw new Error("devStackOrgs(): the dev evaluation is read before beforeAll ran");
    return evaluation;
  };
  return { dev, orgFor: (of: Evaluation = dev(), options: EmulatorOptions = {}) => start({ ...options, evaluation: of }) };
}
