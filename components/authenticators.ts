import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { OktaVerifyMode } from "../src/catalogue/oktaVerify";
import { AuthenticatorNeed } from "../src/model/authenticatorNeeds";
import { authenticatorOptions, orgSettingsOptions } from "../src/model/resourceOptions";
import { OktaConnection } from "../src/config/connection";
import { OrgAuthenticatorSettings } from "../src/orgSettings/orgAuthenticatorSettings";

export interface AuthenticatorsArgs {
  /** Each authenticator once, with the methods and enrollment setting its variants need. */
  needs: readonly AuthenticatorNeed[];
  /** Management API access for the org-wide settings the provider cannot manage. */
  connection: pulumi.Input<OktaConnection>;
  /** The kind of org the needs are keyed for; the org-settings resource checks it before any write. */
  oktaVerify: OktaVerifyMode;
}

/** Pulumi type token of this component: plans group its children under its guide step. */
export const AUTHENTICATORS_TYPE = "okta-direct-auth:authenticators:Authenticators";

/**
 * Guide step "Enable authenticators for your org": each authenticator ACTIVE, the methods the flows
 * use active, enrollable in the default enrollment policy, and Email used for authentication too. The org-wide settings resource runs
 * first so it records the org as it was before anything here changed it, and gives it back on destroy.
 */
export class Authenticators extends pulumi.ComponentResource {
  readonly authenticatorIds: pulumi.Output<Record<string, string>>;
  /**
   * Checks the org is of the kind the stack was written for before it writes anything: everything
   * else the setup writes depends on it, so a mismatch stops `pulumi up` before any change.
   */
  readonly orgSettings: pulumi.Resource;

  constructor(name: string, args: AuthenticatorsArgs, opts?: pulumi.ComponentResourceOptions) {
    super(AUTHENTICATORS_TYPE, name, {}, opts);
    const orgSettings = new OrgAuthenticatorSettings(
      `${name}-org-settings`,
      {
        connection: args.connection,
        oktaVerify: args.oktaVerify,
        authenticators: args.needs.map(({ key, name: label, methods, enroll, allowedFor }) => ({
          key,
          name: label,
          methods,
          enroll,
          ...(allowedFor ? { allowedFor } : {}),
        })),
      },
      orgSettingsOptions(this),
    );
    const authenticators = args.needs.map(
      (need) =>
        new okta.Authenticator(
          `${name}-${need.key.replace(/_/g, "-")}`,
          { key: need.key, name: need.name, status: "ACTIVE" },
          authenticatorOptions(this, [orgSettings]),
        ),
    );
    this.orgSettings = orgSettings;
    this.authenticatorIds = pulumi
      .all(authenticators.map((a) => pulumi.all([a.key, a.id])))
      .apply((pairs) => Object.fromEntries(pairs));
    this.registerOutputs({ authenticatorIds: this.authenticatorIds });
  }
}
