import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";

export interface TestUserSessionPolicyArgs {
  testUserId: pulumi.Input<string>;
  /** Okta-side names (see `orgNames`). */
  groupName: string;
  policyName: string;
}

/** Pulumi type token of this component: plans group its children under its guide step. */
export const TEST_USER_SESSION_POLICY_TYPE = "okta-direct-auth:policies:TestUserSessionPolicy";

/**
 * Primary-factor flows need a global session policy that lets a session start with any factor
 * (docs/direct-auth-reference.md#variants). The guide edits the org's default rule, which changes every user's
 * sign-in; this scopes a policy of its own to a group holding only the test user instead.
 */
export class TestUserSessionPolicy extends pulumi.ComponentResource {
  readonly groupId: pulumi.Output<string>;
  readonly policyId: pulumi.Output<string>;

  constructor(name: string, args: TestUserSessionPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TEST_USER_SESSION_POLICY_TYPE, name, {}, opts);
    const group = new okta.group.Group(
      `${name}-group`,
      {
        name: args.groupName,
        description: "Users whose sessions may start with any one factor, for Direct Authentication primary-factor flows",
      },
      { parent: this },
    );
    new okta.GroupMemberships(`${name}-members`, { groupId: group.id, users: [args.testUserId] }, { parent: this });
    const policy = new okta.policy.Signon(
      name,
      {
        name: args.policyName,
        description: "Lets the Direct Authentication test user establish a session with any one factor",
        status: "ACTIVE",
        priority: 1,
        groupsIncluded: [group.id],
      },
      { parent: this },
    );
    new okta.policy.RuleSignon(
      `${name}-any-factor-rule`,
      {
        policyId: policy.id,
        name: "Any factor session",
        status: "ACTIVE",
        priority: 1,
        access: "ALLOW",
        primaryFactor: "PASSWORD_IDP_ANY_FACTOR",
        mfaRequired: false,
      },
      { parent: this },
    );
    this.groupId = group.id;
    this.policyId = policy.id;
    this.registerOutputs({ groupId: this.groupId, policyId: this.policyId });
  }
}
