import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineDirectAuthProgram } from "../../src/program";
import { BAD_CONFIGS, expectReported } from "../helpers/badConfigs";
import { TESTER, stackConfig } from "../helpers/stackConfig";
import { mockedOrg } from "../helpers/mockedOrg";

/**
 * The program itself, run the way the engine runs it (config and mocks set, program called), must
 * refuse a bad config before it registers anything: half a setup in a real org is worse than none.
 */
describe("the program with a bad config", () => {
  beforeEach(() => vi.stubEnv("OKTA_ORG_NAME", undefined));
  afterEach(() => vi.unstubAllEnvs());

  it.each(BAD_CONFIGS)("$case: explains it and registers no resource and looks nothing up", async (bad) => {
    const org = await mockedOrg(stackConfig(bad.values, bad.okta));
    let error: unknown;
    try {
      defineDirectAuthProgram();
    } catch (e) {
      error = e;
    }
    expectReported(error, bad);
    expect(await org.registered()).toEqual([]);
    expect(org.calls).toEqual([]);
  });

  it("registers resources with a good config under the same harness, so the empty records above mean something", async () => {
    const org = await mockedOrg(stackConfig({ variants: ["otp"], testUser: TESTER }));
    defineDirectAuthProgram();
    expect((await org.registered()).length).toBeGreaterThan(0);
    expect(org.calls.length).toBeGreaterThan(0);
  });
});
