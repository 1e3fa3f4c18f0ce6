import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadStackConfig } from "../../src/config/stackFile";
import { evaluateStack } from "../../src/evaluate/evaluateStack";
import { OKTA } from "../helpers/tokens";

const PROJECT = `${__dirname}/../..`;
const stacks = readdirSync(PROJECT)
  .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
  .filter((stack): stack is string => stack !== undefined);

describe("stack files", () => {
  it("include the dev, test and prod stacks", () => {
    expect(stacks).toEqual(expect.arrayContaining(["dev", "test", "prod"]));
  });

  it.each(stacks)("Pulumi.%s.yaml evaluates without error and declares apps", async (stack) => {
    const evaluation = await evaluateStack(stack, PROJECT);
    expect(evaluation.resources.filter((r) => r.type === OKTA.app).length).toBeGreaterThan(0);
  });

  it("test is a throw-away org: it creates its own user and protects nothing", async () => {
    const config = loadStackConfig("test", PROJECT);
    expect(JSON.parse(config["okta-direct-auth:testUser"]).create).toBe(true);
    expect(config["okta-direct-auth:protect"] ?? "false").toBe("false");
    const evaluation = await evaluateStack("test", PROJECT);
    expect(evaluation.resources.filter((r) => r.type === OKTA.user)).toHaveLength(1);
  });

  it("prod protects everything, uses an existing user and the custom authorization server", async () => {
    const config = loadStackConfig("prod", PROJECT);
    expect(config["okta-direct-auth:protect"]).toBe("true");
    expect(config["okta-direct-auth:authorizationServer"]).toBe("default");
    const evaluation = await evaluateStack("prod", PROJECT);
    expect(evaluation.resources.filter((r) => r.type === OKTA.user)).toEqual([]);
    expect(evaluation.resources.find((r) => r.type === OKTA.serverPolicy)?.inputs.authServerId).toBe("default");
  });
});
