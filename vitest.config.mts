import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/hasAssertions.ts"],
    // Pulumi's runtime state (mocks, config) is process-global: one file per process.
    pool: "forks",
    testTimeout: 30_000,
  },
});
