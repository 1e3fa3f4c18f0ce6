import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What `pulumi` needs of the project to run the program; the repository's stack files are copied, never written. */
const PROJECT_FILES = ["Pulumi.yaml", "package.json", "tsconfig.json", "index.ts", "components", "src"];

/**
 * A throw-away copy of the project with its own local backend: `pulumi config set` writes the
 * copy's stack file, state goes to `backend/`, and the repository stays as committed.
 */
export interface Workspace {
  root: string;
  projectDir: string;
  backendUrl: string;
  remove(): void;
}

export function createWorkspace(repoDir: string, stack: string): Workspace {
  const root = mkdtempSync(join(tmpdir(), `okta-direct-auth-e2e-${stack}-`));
  const projectDir = join(root, "project");
  const backendDir = join(root, "backend");
  for (const file of [...PROJECT_FILES, `Pulumi.${stack}.yaml`]) {
    cpSync(join(repoDir, file), join(projectDir, file), { recursive: true });
  }
  mkdirSync(backendDir);
  symlinkSync(join(repoDir, "node_modules"), join(projectDir, "node_modules"), "dir");
  return {
    root,
    projectDir,
    backendUrl: `file://${backendDir}`,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
