import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

// Stryker's vitest runner: only the tests of the folder being mutated (MUTATION_TESTS, set by
// stryker.config.mjs), as one project (the runner puts every file in one worker thread anyway),
// and hooks given time on a machine busy running mutants side by side.
const tests: string[] | undefined = process.env.MUTATION_TESTS ? JSON.parse(process.env.MUTATION_TESTS) : undefined;
const { projects: _projects, ...shared } = base.test ?? {};

export default defineConfig({
  ...base,
  test: {
    ...shared,
    include: tests ?? ["test/**/*.test.ts"],
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
