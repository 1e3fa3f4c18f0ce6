import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");

/**
 * In a fresh process where any `require` of a Pulumi package throws, the emulator's entry point
 * loads, starts an org and answers discovery: nothing it imports reaches the program's side.
 */
const script = `
const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request.startsWith("@pulumi/")) throw new Error("the emulator loaded " + request);
  return resolve.call(this, request, ...rest);
};
require("tsx/cjs");
(async () => {
  const { startOktaEmulator } = require("./src/emulator/index.ts");
  const org = await startOktaEmulator({});
  const discovery = await (await fetch(org.issuer() + "/.well-known/openid-configuration")).json();
  await org.close();
  const loaded = Object.keys(require.cache).filter((path) => path.includes("node_modules/@pulumi/"));
  console.log(JSON.stringify({ issuer: discovery.issuer, url: org.url, loaded }));
})().catch((error) => console.log(JSON.stringify({ error: String(error.message).split("\\n")[0] })));
`;

describe("the emulator", () => {
  it("loads and serves without @pulumi/pulumi", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], { cwd: root, timeout: 60_000 });
    const result = JSON.parse(stdout.trim().split("\n").pop()!);
    expect(result.error).toBeUndefined();
    expect(result.issuer).toBe(result.url);
    expect(result.loaded).toEqual([]);
  }, 90_000);
});
