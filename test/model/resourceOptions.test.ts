import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { appSignInPolicyOptions, authenticatorOptions, orgSettingsOptions, setupOptions } from "../../src/model/resourceOptions";
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

  it("replaces an app sign-in policy delete-first when its catch-all changes, which the provider applies only at creation", () => {
    expect(appSignInPolicyOptions(parent)).toEqual({ parent, replaceOnChanges: ["catchAll"], deleteBeforeReplace: true });
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

  it("replace delete-first only the org-wide settings and the app sign-in policies", async () => {
    const options = await optionsOf({ variants: ["otp", "mfa-otp"], testUser: TESTER });
    expect(options.filter((r) => r.deleteBeforeReplace).map((r) => r.type).sort()).toEqual(
      [DYNAMIC, OKTA.appSignOnPolicy, OKTA.appSignOnPolicy].sort(),
    );
  });

  it("replace every app sign-in policy, and nothing else, when the catch-all changes", async () => {
    const options = await optionsOf({ variants: ["otp", "mfa-otp"], testUser: TESTER, catchAll: "ALLOW" });
    const replacing = options.filter((r) => (r.replaceOnChanges ?? []).length > 0);
    expect(replacing.map((r) => [r.type, r.replaceOnChanges])).toEqual([
      [OKTA.appSignOnPolicy, ["catchAll"]],
      [OKTA.appSignOnPolicy, ["catchAll"]],
    ]);
  });
});
