import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

// Stryker's vitest runner: only the tests of the folder being mutated (MUTATION_TESTS, set by
// stryker.config.mjs), as one project, and hooks given time on a machine busy running mutants side by side.
const tests: string[] | undefined = process.env.MUTATION_TESTS ? JSON.parse(process.env.MUTATION_TESTS) : undefined;
const { projects: _projects, ...shared } = base.test ?? {};

export default defineConfig({
  ...base,
  plugins: [
    {
      // The runner starts vitest with `pool: "threads"`, which vitest copies onto every project
      // over what a config file says. In a worker thread Pulumi cannot serialize a dynamic
      // provider (its closure serializer requires every Node built-in, and `trace_events` throws
      // ERR_TRACE_EVENTS_UNAVAILABLE there), so the registration never settles and the test hangs.
      // Each test file runs in a process of its own instead, as `npm test` runs the files that
      // change Pulumi's process-global mocks and config.
      name: "mutation:forks",
      configureVitest({ project }) {
        project.config.pool = "forks";
        project.config.isolate = true;
      },
    },
  ],
  test: {
    ...shared,
    include: tests ?? ["test/**/*.test.ts"],
    // A CLI run in a child process never sees the active mutant: it would only add time.
    exclude: [...configDefaults.exclude, "test/**/cli.test.ts"],
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
