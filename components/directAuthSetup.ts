import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { DirectAuthConfig } from "../src/config/parseConfig";
import { authorizationServerGrantTypes } from "../src/model/apps";
import { authenticatorNeeds } from "../src/model/authenticatorNeeds";
import { OktaConnection } from "../src/config/connection";
import { orgNames } from "../src/model/orgNames";
import { issuerUrl } from "../src/okta/issuer";
import { AppSignInPolicy } from "./appSignInPolicy";
import { Authenticators } from "./authenticators";
import { AuthorizationServerAccess } from "./authorizationServerAccess";
import { NativeApp } from "./nativeApp";
import { TestUser } from "./testUser";
import { TestUserSessionPolicy } from "./testUserSessionPolicy";

export interface DirectAuthSetupArgs {
  config: DirectAuthConfig;
  /** `https://{orgName}.{baseUrl}` */
  orgUrl: string;
  stackName: string;
  /** Management API access for org-wide authenticator settings; a secret. */
  connection: pulumi.Input<OktaConnection>;
}

export interface DeclaredApp {
  name: string;
  clientId: string;
  variants: string[];
  grantTypes: string[];
}

/** Pulumi type token of the composite, which holds one component per guide step. */
export const DIRECT_AUTH_SETUP_TYPE = "okta-direct-auth:index:DirectAuthSetup";

/** The guide's whole Admin Console setup for the configured variants, one child component per step. */
export class DirectAuthSetup extends pulumi.ComponentResource {
  readonly issuer: pulumi.Output<string>;
  readonly apps: pulumi.Output<DeclaredApp[]>;
  readonly testUserLogin: pulumi.Output<string>;
  readonly testUserPassword?: pulumi.Output<string>;

  constructor(name: string, args: DirectAuthSetupArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DIRECT_AUTH_SETUP_TYPE, name, {}, opts);
    const { config } = args;
    const names = orgNames(config.names, args.stackName);
    const child = { parent: this };

    const authenticators = new Authenticators(
      `${name}-authenticators`,
      {
        needs: authenticatorNeeds(config.apps.flatMap((a) => a.variants), config.phoneChannels, config.enrollment, config.oktaVerify),
        connection: args.connection,
        oktaVerify: config.oktaVerify,
      },
      child,
    );
    // The org-settings resource checks the org is of the kind the stack was written for: nothing is
    // written before it has.
    const afterCheck = { parent: this, dependsOn: [authenticators.orgSettings] };
    const testUser = new TestUser(`${name}-test-user`, config.testUser, afterCheck);
    if (config.apps.some((a) => a.factorMode === "1FA")) {
      new TestUserSessionPolicy(
        `${name}-session`,
        { testUserId: testUser.userId, groupName: names.sessionGroup, policyName: names.sessionPolicy },
        afterCheck,
      );
    }

    const everyone = okta.group.getEveryoneGroupOutput({}, child);
    const apps = config.apps.map((spec) => {
      const policy = new AppSignInPolicy(
        `${name}-${spec.slug}-policy`,
        {
          policyName: spec.policyName,
          ruleName: spec.ruleName,
          factorMode: spec.factorMode,
          testUserId: testUser.userId,
          catchAll: config.catchAll,
          connection: args.connection,
          description: `Direct Authentication: ${spec.variants.map((v) => v.title).join(", ")}`,
        },
        afterCheck,
      );
      const app = new NativeApp(
        `${name}-${spec.slug}`,
        {
          label: spec.name,
          grantTypes: spec.grantTypes,
          redirectUri: config.redirectUri,
          authenticationPolicyId: policy.policyId,
          everyoneGroupId: everyone.id,
        },
        { parent: this, dependsOn: [authenticators] },
      );
      return { spec, app };
    });

    let customIssuer: pulumi.Output<string> | undefined;
    if (config.authorizationServer.kind === "custom") {
      const access = new AuthorizationServerAccess(
        `${name}-authorization-server`,
        {
          serverRef: config.authorizationServer.ref,
          clientIds: apps.map(({ app }) => app.clientId),
          grantTypes: authorizationServerGrantTypes(config.apps),
          policyName: names.authorizationServerPolicy,
          orgUrl: args.orgUrl,
        },
        afterCheck,
      );
      customIssuer = access.issuer;
    }

    this.issuer = customIssuer ?? pulumi.output(issuerUrl(args.orgUrl));
    this.apps = pulumi.all(
      apps.map(({ spec, app }) =>
        app.clientId.apply((clientId) => ({
          name: spec.name,
          clientId,
          variants: spec.variants.map((v) => v.id),
          grantTypes: [...spec.grantTypes],
        })),
      ),
    );
    this.testUserLogin = testUser.login;
    this.testUserPassword = testUser.password;
    this.registerOutputs({ issuer: this.issuer, apps: this.apps, testUserLogin: this.testUserLogin });
  }
}
