import { execFile } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The plugins the program's packages ask the engine for, at the versions package-lock.json pins. */
const PLUGIN_PACKAGES = [
  { name: "okta", pkg: "@pulumi/okta" },
  { name: "random", pkg: "@pulumi/random" },
] as const;

export interface Engine {
  pulumiVersion: string;
}

/** What is missing, said as what to install; the e2e exits 2 with it. */
export class EngineMissing extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EngineMissing";
  }
}

type Exec = (file: string, args: readonly string[]) => Promise<string>;

const execText: Exec = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: 60_000, maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });

function onPath(name: string, path: string): boolean {
  return path.split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function pinnedVersion(repoDir: string, pkg: string): string {
  return (JSON.parse(readFileSync(join(repoDir, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * What the CLI ships beside itself and a Node.js program needs: the language host, and the
 * provider that runs dynamic resources (the org-settings resource). An install without them fails
 * only at the first preview, after minutes; said here instead.
 */
const BUNDLED = ["pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"];

export function missingBundledPart(path: string): string | undefined {
  const absent = BUNDLED.find((name) => !onPath(name, path));
  return absent && `npm run e2e needs ${absent}, which the Pulumi CLI installs beside pulumi: put that folder on PATH or reinstall the CLI`;
}

export interface InstalledPlugin {
  name: string;
  kind: string;
  version: string;
}

/** The first plugin the engine lacks, said as the command that installs it; undefined when both are there. */
export function missingPlugin(
  repoDir: string,
  installed: readonly InstalledPlugin[],
  path: string,
  ambient = !process.env.PULUMI_IGNORE_AMBIENT_PLUGINS,
): string | undefined {
  for (const { name, pkg } of PLUGIN_PACKAGES) {
    const version = pinnedVersion(repoDir, pkg);
    const found =
      installed.some((p) => p.kind === "resource" && p.name === name && p.version === version) ||
      (ambient && onPath(`pulumi-resource-${name}`, path));
    if (!found) return `npm run e2e needs the ${name} provider plugin ${version} (${pkg}): pulumi plugin install resource ${name} v${version}`;
  }
  return undefined;
}

/**
 * The user's own engine: `pulumi` on PATH, and the Okta and random provider plugins either
 * installed (`pulumi plugin ls`) at the versions the packages pin, or on PATH as Pulumi finds
 * ambient plugins (unless PULUMI_IGNORE_AMBIENT_PLUGINS tells it not to).
 */
export async function findEngine(repoDir: string, exec: Exec = execText, path = process.env.PATH ?? ""): Promise<Engine> {
  let pulumiVersion: string;
  try {
    pulumiVersion = (await exec("pulumi", ["version"])).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new EngineMissing("npm run e2e needs the Pulumi CLI on PATH: install it (https://www.pulumi.com/docs/install/) and run it again");
    }
    throw new EngineMissing(`pulumi version failed: ${(error as Error).message.split("\n")[0]}`);
  }
  let installed: InstalledPlugin[] = [];
  try {
    installed = JSON.parse(await exec("pulumi", ["plugin", "ls", "--json"])) ?? [];
  } catch {
    installed = [];
  }
  const missing = missingBundledPart(path) ?? missingPlugin(repoDir, installed, path);
  if (missing) throw new EngineMissing(missing);
  return { pulumiVersion };
}
