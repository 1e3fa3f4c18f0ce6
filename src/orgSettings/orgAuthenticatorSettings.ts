import * as pulumi from "@pulumi/pulumi";
import { OktaVerifyMode } from "../catalogue/oktaVerify";
import { DesiredAuthenticator, PriorAuthenticator } from "./authenticatorSettings";
import { SETTINGS_KIND } from "../okta/declaration";
import { authenticatorSettingsProvider } from "./authenticatorSettingsProvider";
import { OktaConnection } from "../config/connection";

export interface OrgAuthenticatorSettingsArgs {
  connection: pulumi.Input<OktaConnection>;
  oktaVerify: OktaVerifyMode;
  authenticators: DesiredAuthenticator[];
}

/** Org-wide authenticator status, methods and enrollment for our keys, restored on destroy. */
export class OrgAuthenticatorSettings extends pulumi.dynamic.Resource {
  declare readonly prior: pulumi.Output<PriorAuthenticator[]>;

  constructor(name: string, args: OrgAuthenticatorSettingsArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      authenticatorSettingsProvider,
      name,
      {
        settingsKind: SETTINGS_KIND,
        connection: pulumi.secret(args.connection),
        oktaVerify: args.oktaVerify,
        authenticators: args.authenticators,
        prior: undefined,
      },
      opts,
    );
  }
}
