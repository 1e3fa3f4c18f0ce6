import { runStack } from "./src/e2e/stackRun";
import { renderTable } from "./src/e2e/report";
(async () => {
  const r = await runStack({ repoDir: process.cwd(), stack: process.argv[2], auth: process.argv[3] as any, keep: true, onProgress: (l) => process.stderr.write(l + "\n") });
  process.stdout.write(renderTable([r]));
})();
