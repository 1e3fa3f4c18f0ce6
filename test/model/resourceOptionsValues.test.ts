import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  appSignInPolicyOptions,
  authenticatorOptions,
  catchAllRuleOptions,
  nativeAppOptions,
  orgSettingsOptions,
  setupOptions,
} from "../../src/model/resourceOptions";

/** The options as values, without a Pulumi runtime: parents and providers are only passed along. */
const parent = { name: "parent" } as unknown as pulumi.Resource;
const settings = { name: "settings" } as unknown as pulumi.Resource;
const provider = { name: "provider" } as unknown as pulumi.ProviderResource;

describe("resource options", () => {
  it("setup: protect as the stack says, and the provider only when one is given", () => {
    expect(setupOptions(true)).toEqual({ protect: true });
    expect(setupOptions(false, provider)).toEqual({ protect: false, provider });
  });

  it("authenticators: kept on delete, after the org settings that record them, blind to fields Okta never reads back", () => {
    expect(authenticatorOptions(parent, [settings])).toEqual({
      parent,
      dependsOn: [settings],
      retainOnDelete: true,
      ignoreChanges: ["legacyIgnoreName", "providerHostname", "providerUserNameTemplate"],
    });
  });

  it("native apps: blind to the refresh-token settings Okta never reads back", () => {
    expect(nativeAppOptions(parent)).toEqual({ parent, ignoreChanges: ["refreshTokenRotation", "refreshTokenLeeway"] });
  });

  it("org settings and the catch-all rule: deleted before replaced, the connection a secret output", () => {
    const expected = { parent, deleteBeforeReplace: true, additionalSecretOutputs: ["connection"] };
    expect(orgSettingsOptions(parent)).toEqual(expected);
    expect(catchAllRuleOptions(parent)).toEqual(expected);
  });

  it("app sign-in policy: catchAll left to the catch-all rule's own resource", () => {
    expect(appSignInPolicyOptions(parent)).toEqual({ parent, ignoreChanges: ["catchAll"] });
  });
});
