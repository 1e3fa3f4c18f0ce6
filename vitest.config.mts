import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Files that change process-wide state a later file would see (Pulumi mocks and config of their
 * own, spies, environment variables), and files that start child processes, which inherit the
 * environment an evaluation in the same process leaves behind (Pulumi keeps its config there).
 * Each runs in a fresh process, as every file used to.
 */
export const ISOLATED = [
  "test/components/directAuthSetup.test.ts",
  "test/components/orgAuthenticatorSettings.test.ts",
  "test/program/**/*.test.ts",
  "test/e2e/**/*.test.ts",
  "test/cli/args.test.ts",
  "test/cli/e2eCommand.test.ts",
  "test/cli/emulatorCommand.test.ts",
  "test/config/readStackConfig.test.ts",
  "test/config/rejectedConfig.test.ts",
  "test/emulator/standsAlone.test.ts",
  "test/emulator/stateLock.test.ts",
  "test/emulator/stateSaver.test.ts",
  "test/model/resourceOptions.test.ts",
  "test/plan/baseRef.test.ts",
  "test/plan/cli.test.ts",
  "test/plan/workflows.test.ts",
  "test/smoke/cli.test.ts",
  "test/start/offlineRun.test.ts",
];

export default defineConfig({
  test: {
    setupFiles: ["test/setup/hasAssertions.ts"],
    testTimeout: 30_000,
    // Hooks evaluate stacks and start orgs as tests do; with a worker per core they share the CPU.
    hookTimeout: 30_000,
    pool: "forks",
    // A worker per core. Vitest's default keeps one core for its main process (one worker on a
    // 2-core machine, so the suite ran file after file), but with forks that process only hands
    // out files, and much of the suite waits on sockets, timers and child processes anyway.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: "isolated", include: ISOLATED } },
      {
        extends: true,
        // The rest share a process per worker, so @pulumi/pulumi, jose and the emulator are
        // imported once per worker rather than once per file (a quarter of the suite's time).
        // Evaluating a stack re-creates Pulumi's mocks and config each time, as the bench does.
        test: { name: "shared", include: ["test/**/*.test.ts"], exclude: ISOLATED, isolate: false },
      },
    ],
  },
});
