import { afterAll } from "vitest";
import { EmulatorOptions, RunningEmulator, startOktaEmulator } from "../../src/emulator";

/**
 * The one way a test file starts emulated orgs: registers the file's `afterAll`, which closes every
 * org started through the returned function. `defaults` apply to each start; a call's own options
 * override them.
 */
export function emulatedOrgs(defaults: EmulatorOptions = {}): (options?: EmulatorOptions) => Promise<RunningEmulator> {
  const running: RunningEmulator[] = [];
  afterAll(async () => {
    await Promise.all(running.splice(0).map((org) => org.close()));
  });
  return async (options = {}) => {
    const org = await startOktaEmulator({ ...defaults, ...options });
    running.push(org);
    return org;
  };
}
