import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { FactorMode } from "../src/catalogue/variants";
import { constraintsJson, ruleRequirement } from "../src/model/constraints";
import { appSignInPolicyOptions, catchAllRuleOptions } from "../src/model/resourceOptions";
import { OktaConnection } from "../src/config/connection";
import { PolicyCatchAll } from "../src/orgSettings/policyCatchAll";

export interface AppSignInPolicyArgs {
  policyName: string;
  ruleName: string;
  factorMode: FactorMode;
  testUserId: pulumi.Input<string>;
  /** Access of Okta's own "Catch-all Rule"; DENY means only the test-user rule grants access. */
  catchAll: "DENY" | "ALLOW";
  description: string;
  /** Management API access for the catch-all rule, which the provider sets only at creation; a secret. */
  connection: pulumi.Input<OktaConnection>;
}

/** Pulumi type token of this component: plans group its children under its guide step. */
export const APP_SIGN_IN_POLICY_TYPE = "okta-direct-auth:policies:AppSignInPolicy";

/**
 * Guide step "Set up the authentication policy": the cloned app sign-in policy and its rule for the
 * test user. Okta has no clone API; a new policy starts with Okta's catch-all rule only, whose
 * access the provider sets at creation and a record of ours keeps as declared afterwards.
 */
export class AppSignInPolicy extends pulumi.ComponentResource {
  readonly policyId: pulumi.Output<string>;

  constructor(name: string, args: AppSignInPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
    super(APP_SIGN_IN_POLICY_TYPE, name, {}, opts);
    const policy = new okta.AppSignonPolicy(
      name,
      { name: args.policyName, description: args.description, catchAll: args.catchAll === "ALLOW" },
      appSignInPolicyOptions(this),
    );
    new PolicyCatchAll(`${name}-catch-all`, { connection: args.connection, policyId: policy.id, access: args.catchAll }, catchAllRuleOptions(this));
    const requirement = ruleRequirement(args.factorMode);
    new okta.AppSignonPolicyRule(
      `${name}-test-user-rule`,
      {
        policyId: policy.id,
        name: args.ruleName,
        priority: 1,
        status: "ACTIVE",
        access: "ALLOW",
        usersIncluded: [args.testUserId],
        factorMode: requirement.factorMode,
        constraints: constraintsJson(requirement.constraints),
      },
      { parent: this },
    );
    this.policyId = policy.id;
    this.registerOutputs({ policyId: this.policyId });
  }
}
