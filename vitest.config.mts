import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Pulumi's runtime state (mocks, config) is process-global: one file per process.
    pool: "forks",
    testTimeout: 30_000,
  },
});
