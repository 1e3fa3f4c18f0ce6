import type * as pulumi from "@pulumi/pulumi";
import { OktaVerifyMode } from "../catalogue/oktaVerify";
import { SETTINGS_KIND } from "../okta/declaration";
import { DesiredAuthenticator, PriorAuthenticator, reconcileAuthenticators, restoreAuthenticators } from "./authenticatorSettings";
import { OktaConnection } from "../config/connection";
import { OktaManagementClient } from "./managementClient";

export interface AuthenticatorSettingsInputs {
  settingsKind: typeof SETTINGS_KIND;
  connection: OktaConnection;
  /** Absent in the state of stacks from before Flexible Okta Verify existed: those were classic. */
  oktaVerify?: OktaVerifyMode;
  authenticators: DesiredAuthenticator[];
}

export interface AuthenticatorSettingsOutputs extends AuthenticatorSettingsInputs {
  prior: PriorAuthenticator[];
}

/**
 * Pulumi runs a dynamic provider in a plugin process with no engine connection (so `pulumi.log`
 * would fall back to the console anyway); the engine shows a plugin's stderr lines as diagnostics.
 */
function warn(messages: string[]): void {
  for (const message of messages) console.warn(`warning: okta-direct-auth org settings: ${message}`);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Dynamic provider for what `@pulumi/okta` cannot do safely: activate authenticator methods, set
 * only our keys in the default enrollment policy, and on delete restore exactly what it changed.
 */
export const authenticatorSettingsProvider: pulumi.dynamic.ResourceProvider<AuthenticatorSettingsInputs, AuthenticatorSettingsOutputs> = {
  async create(inputs) {
    const result = await reconcileAuthenticators(new OktaManagementClient(inputs.connection), inputs.authenticators, [], inputs.oktaVerify);
    warn(result.warnings);
    return { id: `authenticator-settings-${inputs.authenticators.map((a) => a.key).join("-")}`, outs: { ...inputs, prior: result.prior } };
  },

  async diff(_id, olds, news) {
    const settingsChanged = !sameJson(olds.authenticators, news.authenticators) || (olds.oktaVerify ?? "classic") !== (news.oktaVerify ?? "classic");
    // A rotated credential only needs storing, so destroy can still reach the org.
    const connectionChanged = !sameJson(olds.connection, news.connection);
    // Never a replacement of its own; a forced one (`--replace`) goes in the order `orgSettingsOptions` sets.
    return { changes: settingsChanged || connectionChanged, replaces: [] };
  },

  async update(_id, olds, news) {
    const result = await reconcileAuthenticators(new OktaManagementClient(news.connection), news.authenticators, olds.prior, news.oktaVerify);
    warn(result.warnings);
    return { outs: { ...news, prior: result.prior } };
  },

  async delete(_id, olds) {
    warn(await restoreAuthenticators(new OktaManagementClient(olds.connection), olds.prior));
  },
};
