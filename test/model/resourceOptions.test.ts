import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticatorOptions, orgSettingsOptions, setupOptions } from "../../src/model/resourceOptions";
import { defineDirectAuthProgram } from "../../src/program";
import { mockedOrg } from "../helpers/mockedOrg";
import { TESTER, stackConfig } from "../helpers/stackConfig";
import { DYNAMIC, OKTA } from "../helpers/tokens";

describe("resource options", () => {
  let parent: pulumi.ComponentResource;
  let dependency: pulumi.ComponentResource;
  beforeAll(async () => {
    await mockedOrg({});
    parent = new pulumi.ComponentResource("test:index:Parent", "parent");
    dependency = new pulumi.ComponentResource("test:index:Dependency", "dependency");
  });

  it("protects the whole setup exactly when the stack asks for it", () => {
    expect(setupOptions(true).protect).toBe(true);
    expect(setupOptions(false).protect).toBe(false);
  });

  it("passes an explicit provider to the setup, and no provider key otherwise", () => {
    const provider = new okta.Provider("org", { orgName: "dev-1" });
    expect(setupOptions(false, provider).provider).toBe(provider);
    expect(setupOptions(false)).not.toHaveProperty("provider");
  });

  it("retains authenticators on delete, after what they depend on, under their component", () => {
    const options = authenticatorOptions(parent, [dependency]);
    expect(options).toEqual({ parent, dependsOn: [dependency], retainOnDelete: true });
  });

  it("replaces the org settings delete-first, so the new record is the org as it really was", () => {
    expect(orgSettingsOptions(parent)).toEqual({ parent, deleteBeforeReplace: true, additionalSecretOutputs: ["connection"] });
  });
});

describe("resource options in the program", () => {
  async function optionsOf(values: Record<string, unknown>) {
    const org = await mockedOrg(stackConfig(values));
    await pulumi.runtime.runInPulumiStack(async () => {
      defineDirectAuthProgram();
      return {};
    });
    const registered = (await org.registered()).filter((r) => r.type !== "pulumi:pulumi:Stack");
    return registered.map((r) => ({ type: r.type, ...org.options.get(`${r.type}::${r.name}`) }));
  }

  it("protect every resource of the setup exactly when the stack sets protect", async () => {
    const protectedRun = await optionsOf({ variants: ["otp", "mfa-otp"], testUser: TESTER, protect: true });
    expect(protectedRun.length).toBeGreaterThan(0);
    for (const r of protectedRun) expect(r).toMatchObject({ protect: true });
    for (const r of await optionsOf({ variants: ["otp", "mfa-otp"], testUser: TESTER })) expect(r).toMatchObject({ protect: false });
  });

  it("retain exactly the authenticators on delete", async () => {
    const options = await optionsOf({ variants: ["otp", "oob-okta-verify"], testUser: TESTER });
    const retained = options.filter((r) => r.retainOnDelete).map((r) => r.type);
    expect(retained).toEqual([OKTA.authenticator, OKTA.authenticator]);
  });

  it("replace only the org-wide settings delete-first", async () => {
    const options = await optionsOf({ variants: ["otp", "oob-okta-verify"], testUser: TESTER });
    expect(options.filter((r) => r.deleteBeforeReplace).map((r) => r.type)).toEqual([DYNAMIC]);
  });
});
