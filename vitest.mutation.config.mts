import { configDefaults, defineConfig } from "vitest/config";
import base, { ISOLATED } from "./vitest.config.mts";

// Stryker's vitest runner: only the tests of the folder being mutated (MUTATION_TESTS, set by
// stryker.config.mjs), and hooks given time on a machine busy running mutants side by side.
const tests: string[] = process.env.MUTATION_TESTS ? JSON.parse(process.env.MUTATION_TESTS) : ["test/**/*.test.ts"];
const { projects: _projects, ...shared } = base.test ?? {};
// A CLI run in a child process never sees the active mutant: it would only add time.
const exclude = [...configDefaults.exclude, "test/**/cli.test.ts"];
const folderOf = (glob: string) => glob.slice(0, glob.lastIndexOf("/") + 1);
const isolated = ISOLATED.filter((file) => tests.some((glob) => file.startsWith(folderOf(glob))));

export default defineConfig({
  ...base,
  plugins: [
    {
      // The runner starts vitest with `pool: "threads"`, which vitest copies onto every project
      // over what a config file says. In a worker thread Pulumi cannot serialize a dynamic
      // provider (its closure serializer requires every Node built-in, and `trace_events` throws
      // ERR_TRACE_EVENTS_UNAVAILABLE there), so the registration never settles and the test hangs.
      // Forks again, and each project's isolation as `npm test` has it: the files that change
      // Pulumi's process-global mocks and config get a process of their own, the rest share one,
      // so a mutant's run does not pay a process and an import of Pulumi per file.
      name: "mutation:forks",
      configureVitest({ project }) {
        project.config.pool = "forks";
        project.config.isolate = project.config.name === "isolated";
      },
    },
  ],
  test: {
    ...shared,
    hookTimeout: 120_000,
    testTimeout: 120_000,
    projects: [
      ...(isolated.length > 0 ? [{ extends: true, test: { name: "isolated", include: isolated, exclude } }] : []),
      { extends: true, test: { name: "shared", include: tests, exclude: [...exclude, ...ISOLATED] } },
    ],
  },
});
