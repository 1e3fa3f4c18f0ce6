import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import {
  appSignInPolicyOptions,
  authenticatorOptions,
  catchAllRuleOptions,
  nativeAppOptions,
  orgSettingsOptions,
  setupOptions,
} from "../../src/model/resourceOptions";
import { defineDirectAuthProgram } from "../../src/program";
import { SECRET_MASK } from "../../src/evaluate/evaluateProgram";
import { declared } from "../helpers/declared";
import { mockedOrg } from "../helpers/mockedOrg";
import { TESTER, stackConfig } from "../helpers/stackConfig";
import { CATCH_ALL, DYNAMIC, OKTA, ORG_SETTINGS, tokenOf } from "../helpers/tokens";

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

  it("retains authenticators on delete, after what they depend on, under their component, ignoring what the provider never reads back", () => {
    const options = authenticatorOptions(parent, [dependency]);
    expect(options).toEqual({
      parent,
      dependsOn: [dependency],
      retainOnDelete: true,
      ignoreChanges: ["legacyIgnoreName", "providerHostname", "providerUserNameTemplate"],
    });
  });

  it("replaces the org settings delete-first, so the new record is the org as it really was", () => {
    expect(orgSettingsOptions(parent)).toEqual({ parent, deleteBeforeReplace: true, additionalSecretOutputs: ["connection"] });
  });

  it("ignores the app inputs Okta answers only for apps with the refresh_token grant", () => {
    expect(nativeAppOptions(parent)).toEqual({ parent, ignoreChanges: ["refreshTokenRotation", "refreshTokenLeeway"] });
  });

  it("never replaces an app sign-in policy for its catch-all: the policy's catchAll only seeds a new policy", () => {
    expect(appSignInPolicyOptions(parent)).toEqual({ parent, ignoreChanges: ["catchAll"] });
  });

  it("replaces a catch-all record delete-first, so the new record is the rule as it really was", () => {
    expect(catchAllRuleOptions(parent)).toEqual({ parent, deleteBeforeReplace: true, additionalSecretOutputs: ["connection"] });
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

  it("replace delete-first only the org-settings records: the org-wide settings and each policy's catch-all", async () => {
    const options = await optionsOf({ variants: ["otp", "mfa-otp"], testUser: TESTER });
    expect(options.filter((r) => r.deleteBeforeReplace).map((r) => r.type)).toEqual([DYNAMIC, DYNAMIC, DYNAMIC]);
  });

  it("replace nothing on a change of any input, and ignore the policies' catchAll, whatever the catch-all", async () => {
    for (const catchAll of ["ALLOW", "DENY"]) {
      const options = await optionsOf({ variants: ["otp", "mfa-otp"], testUser: TESTER, catchAll });
      expect(options.filter((r) => (r.replaceOnChanges ?? []).length > 0)).toEqual([]);
      expect(options.filter((r) => r.type === OKTA.appSignOnPolicy).map((r) => r.ignoreChanges)).toEqual([["catchAll"], ["catchAll"]]);
    }
  });
});

describe("the catch-all in the program", () => {
  it("is one record per app sign-in policy, under the policy's component, naming its policy and the stack's access", async () => {
    for (const [catchAll, access] of [["ALLOW", "ALLOW"], [undefined, "DENY"]]) {
      const stack = await declared({ variants: ["otp", "mfa-otp"], testUser: TESTER, ...(catchAll ? { catchAll } : {}) });
      const records = stack.all(CATCH_ALL);
      const policies = stack.all(OKTA.appSignOnPolicy);
      expect(records.map((r) => r.inputs.policyId).sort()).toEqual(policies.map((p) => p.id).sort());
      for (const r of records) expect(r.inputs).toMatchObject({ access, connection: SECRET_MASK });
      // A new policy still gets the catch-all from the provider at creation, so no app is ever on an ALLOW catch-all it did not ask for.
      for (const p of policies) expect(p.inputs.catchAll).toBe(access === "ALLOW");
      expect(stack.all(ORG_SETTINGS)).toHaveLength(1);
      expect(records.every((r) => tokenOf(r) === CATCH_ALL)).toBe(true);
    }
  });
});
