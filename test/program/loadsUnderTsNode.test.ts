import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");

/**
 * Pulumi's Node.js runtime registers ts-node (the project's own, type-checking) and `require`s
 * index.ts as CommonJS. This loads the program the same way in a fresh process, under mocks.
 */
const loader = `
const pulumi = require("@pulumi/pulumi");
require("ts-node").register({ project: "tsconfig.json", typeCheck: true });
const registered = [];
pulumi.runtime.setMocks({
  newResource: (a) => { registered.push(a.type); return { id: a.name + "-id", state: { ...a.inputs, clientId: "0oa" + a.name } }; },
  call: (a) => ({ id: "00g-everyone", login: "direct-auth-tester@example.com" }),
}, "okta-direct-auth", "dev");
pulumi.runtime.setAllConfig({
  "okta:orgName": "dev-1",
  "okta-direct-auth:variants": JSON.stringify(["otp", "mfa-oob-phone"]),
  "okta-direct-auth:testUser": JSON.stringify({ login: "direct-auth-tester@example.com" }),
});
const program = require("./index.ts");
program.issuer.apply((issuer) => {
  setTimeout(() => { console.log(JSON.stringify({ issuer, exports: Object.keys(program).sort(), count: registered.length })); }, 200);
});
`;

describe("index.ts", () => {
  it("loads through ts-node as CommonJS, with type-checking, the way `pulumi up` loads it", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", loader], { cwd: root, timeout: 60_000 });
    const result = JSON.parse(stdout.trim().split("\n").pop()!);
    expect(result.issuer).toBe("https://dev-1.okta.com");
    // The user is looked up, so there is no password output (not even an empty one).
    expect(result.exports).toEqual(["apps", "issuer", "phoneChannels", "testUserLogin"]);
    expect(result.count).toBeGreaterThan(10);
  }, 90_000);
});
