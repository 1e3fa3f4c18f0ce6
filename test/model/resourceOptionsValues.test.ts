import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { appSignInPolicyOptions, authenticatorOptions, orgSettingsOptions, setupOptions } from "../../src/model/resourceOptions";

/** The options as values, without a Pulumi runtime: parents and providers are only passed along. */
const parent = { name: "parent" } as unknown as pulumi.Resource;
const settings = { name: "settings" } as unknown as pulumi.Resource;
const provider = { name: "provider" } as unknown as pulumi.ProviderResource;

describe("resource options", () => {
  it("setup: protect as the stack says, and the provider only when one is given", () => {
    expect(setupOptions(true)).toEqual({ protect: true });
    expect(setupOptions(false, provider)).toEqual({ protect: false, provider });
  });

  it("authenticators: kept on delete, after the org settings that record them", () => {
    expect(authenticatorOptions(parent, [settings])).toEqual({ parent, dependsOn: [settings], retainOnDelete: true });
  });

  it("org settings: deleted before replaced, the connection a secret output", () => {
    expect(orgSettingsOptions(parent)).toEqual({ parent, deleteBeforeReplace: true, additionalSecretOutputs: ["connection"] });
  });

  it("app sign-in policy: a changed catchAll replaces it, deleting first", () => {
    expect(appSignInPolicyOptions(parent)).toEqual({ parent, replaceOnChanges: ["catchAll"], deleteBeforeReplace: true });
  });
});
