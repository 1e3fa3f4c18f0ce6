// Mutation testing (npm run mutation): small deliberate bugs in the product code that the tests
// must catch. One folder at a time with the tests that cover it (MUTATION_FOLDER=src/smoke), or
// every folder below when unset; the weekly workflow runs them folder by folder.

/**
 * Each mutated folder and the test files that judge it, emulator-backed ones and those that
 * evaluate the program included: vitest.mutation.config.mts runs each file in a process of its
 * own, and leaves out the tests that drive a CLI in a child process.
 */
const FOLDERS = {
  "src/smoke": ["test/smoke/*.test.ts"],
  // The two dynamic resources' inputs are judged where the components declare them, and the TOTP
  // code against RFC 6238's vectors beside the smoke check's.
  "src/orgSettings": [
    "test/orgSettings/*.test.ts",
    "test/components/appSignInPolicy.test.ts",
    "test/components/orgAuthenticatorSettings.test.ts",
    "test/smoke/totpRfc6238.test.ts",
  ],
  "src/config": ["test/config/*.test.ts"],
  "src/model": ["test/model/*.test.ts"],
  components: ["test/components/*.test.ts"],
};

const chosen = process.env.MUTATION_FOLDER;
if (chosen !== undefined && !(chosen in FOLDERS)) {
  throw new Error(`MUTATION_FOLDER must be one of ${Object.keys(FOLDERS).join(", ")}; got ${JSON.stringify(chosen)}`);
}
const folders = chosen ? [chosen] : Object.keys(FOLDERS);
// Read by vitest.mutation.config.mts in Stryker's test-runner processes, which inherit this environment.
process.env.MUTATION_TESTS = JSON.stringify([...new Set(folders.flatMap((f) => FOLDERS[f]))]);
const reportName = chosen ? chosen.replaceAll("/", "-") : "all";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.mts", related: false },
  mutate: folders.map((f) => `${f}/**/*.ts`),
  coverageAnalysis: "perTest",
  // The machine is shared: two runners at most (override with --concurrency).
  concurrency: 2,
  timeoutMS: 30_000,
  // The first run covers every test once, on a machine shared with other work.
  dryRunTimeoutMinutes: 60,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${reportName}.html` },
  jsonReporter: { fileName: `reports/mutation/${reportName}.json` },
  tempDirName: ".stryker-tmp",
  ignorePatterns: ["reports", ".stryker-tmp", ".pulumi"],
  thresholds: { high: 90, low: 85, break: 85 },
};
