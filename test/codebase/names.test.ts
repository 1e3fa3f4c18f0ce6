import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");

function sources(path: string): string[] {
  if (!statSync(path).isDirectory()) return path.endsWith(".ts") ? [path] : [];
  return readdirSync(path).flatMap((name) => sources(join(path, name)));
}

/** Each command's entry point and help text: one meaning, one per command by design. */
const PER_COMMAND = new Set(["main", "HELP"]);

describe("names", () => {
  it("no two modules export the same name", () => {
    const byName = new Map<string, string[]>();
    for (const file of [...sources(join(ROOT, "src")), ...sources(join(ROOT, "components"))]) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/^export (?:async )?(?:class|interface|type|function|const|enum) ([A-Za-z0-9_]+)/gm)) {
        byName.set(match[1], [...(byName.get(match[1]) ?? []), relative(ROOT, file)]);
      }
    }
    const shared = [...byName].filter(([name, files]) => files.length > 1 && !PER_COMMAND.has(name));
    expect(Object.fromEntries(shared)).toEqual({});
  });
});
