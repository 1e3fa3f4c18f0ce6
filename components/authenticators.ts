import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { AUTHENTICATORS, AuthenticatorKey } from "../src/catalogue/authenticators";
import { authenticatorOptions, enrollmentPolicyOptions } from "../src/model/resourceOptions";

export type EnrollmentSetting = "OPTIONAL" | "REQUIRED";

export interface AuthenticatorsArgs {
  /** Each key once, however many variants use it. */
  keys: readonly AuthenticatorKey[];
  enrollment: EnrollmentSetting;
}

/** Guide step "Enable authenticators for your org": each authenticator ACTIVE and enrollable. */
export class Authenticators extends pulumi.ComponentResource {
  readonly authenticatorIds: pulumi.Output<Record<string, string>>;
  readonly authenticators: okta.Authenticator[];

  constructor(name: string, args: AuthenticatorsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("okta-direct-auth:authenticators:Authenticators", name, {}, opts);
    const keys = [...new Set(args.keys)];
    this.authenticators = keys.map(
      (key) =>
        new okta.Authenticator(
          `${name}-${key.replace(/_/g, "-")}`,
          { key, name: AUTHENTICATORS[key].name, status: "ACTIVE" },
          authenticatorOptions(this),
        ),
    );
    new okta.PolicyMfaDefault(
      `${name}-enrollment`,
      enrollmentSettings(keys, args.enrollment),
      enrollmentPolicyOptions(this, this.authenticators),
    );
    this.authenticatorIds = pulumi
      .all(this.authenticators.map((a) => pulumi.all([a.key, a.id])))
      .apply((pairs) => Object.fromEntries(pairs));
    this.registerOutputs({ authenticatorIds: this.authenticatorIds });
  }
}

/**
 * The provider's default enrollment policy replaces the whole list, so the password authenticator
 * is always listed REQUIRED (Okta insists) next to ours.
 */
export function enrollmentSettings(keys: readonly AuthenticatorKey[], enrollment: EnrollmentSetting): okta.PolicyMfaDefaultArgs {
  const settings: Record<string, unknown> = { isOie: true, oktaPassword: { enroll: "REQUIRED" } };
  for (const key of keys) settings[AUTHENTICATORS[key].enrollmentField] = { enroll: enrollment };
  return settings as okta.PolicyMfaDefaultArgs;
}
