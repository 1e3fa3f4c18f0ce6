import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

export interface TestUserArgs {
  login: string;
  /** Create the user (throw-away test orgs) instead of looking up an existing one. */
  create: boolean;
  firstName: string;
  lastName: string;
}

/** Pulumi type token of this component: plans group its children under its guide step. */
export const TEST_USER_TYPE = "okta-direct-auth:users:TestUser";

/** The guide's "test user" named in the sign-in policy rule: looked up, or created with a generated password. */
export class TestUser extends pulumi.ComponentResource {
  readonly userId: pulumi.Output<string>;
  readonly login: pulumi.Output<string>;
  /** Set only when the user is created here; always a secret. */
  readonly password?: pulumi.Output<string>;

  constructor(name: string, args: TestUserArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TEST_USER_TYPE, name, {}, opts);
    if (args.create) {
      const password = new random.RandomPassword(
        `${name}-password`,
        { length: 24, special: true, minLower: 2, minUpper: 2, minNumeric: 2, minSpecial: 2, overrideSpecial: "!#%*-_=+" },
        { parent: this },
      );
      const user = new okta.user.User(
        name,
        {
          login: args.login,
          email: args.login,
          firstName: args.firstName,
          lastName: args.lastName,
          password: password.result,
        },
        { parent: this },
      );
      this.userId = user.id;
      this.login = user.login;
      this.password = pulumi.secret(password.result);
    } else {
      const found = okta.user.getUserOutput(
        { searches: [{ name: "profile.login", value: args.login }], skipGroups: true, skipRoles: true },
        { parent: this },
      );
      this.userId = found.id;
      this.login = found.login;
    }
    this.registerOutputs({ userId: this.userId, login: this.login });
  }
}
