import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const REFERENCE = "docs/direct-auth-reference.md";
const SCANNED = ["src", "components", "test", "bench", "docs", "index.ts", "README.md"];

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((name) => filesUnder(join(path, name)));
}

const TEXT_FILES = SCANNED.flatMap(filesUnder).filter((file) => /\.(ts|mts|md)$/.test(file));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .replace(/ /g, "-");
}

const ANCHORS = new Set(
  readFileSync(join(ROOT, REFERENCE), "utf8")
    .split("\n")
    .filter((line) => line.startsWith("#"))
    .map((line) => anchorOf(line.replace(/^#+ /, ""))),
);

describe("the project's own reference", () => {
  it("is what the code cites: nothing points at a document outside the repository", () => {
    // Built from parts so this file does not match itself.
    const outside = new RegExp(["spec " + "§", "shared/" + "spec", "direct-auth-" + "guide"].join("|"));
    const citing = TEXT_FILES.filter((file) => outside.test(readFileSync(join(ROOT, file), "utf8")));
    expect(citing).toEqual([]);
  });

  it("has every section the code cites", () => {
    const cited = TEXT_FILES.flatMap((file) =>
      [...readFileSync(join(ROOT, file), "utf8").matchAll(/direct-auth-reference\.md#([a-z0-9-]+)/g)].map(
        (match) => `${relative(ROOT, join(ROOT, file))}: #${match[1]}`,
      ),
    );
    expect(cited.length).toBeGreaterThan(20);
    expect(cited.filter((citation) => !ANCHORS.has(citation.split("#")[1]))).toEqual([]);
  });
});
