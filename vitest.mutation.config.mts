import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

// Stryker's vitest runner: only the tests of the folder being mutated (MUTATION_TESTS, set by
// stryker.config.mjs; replacing `include`, which mergeConfig would extend), and hooks given time on
// a machine busy running mutants side by side.
const tests: string[] | undefined = process.env.MUTATION_TESTS ? JSON.parse(process.env.MUTATION_TESTS) : undefined;

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: tests ?? base.test?.include,
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
