import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { DIRECT_AUTH_SCOPES } from "../src/catalogue/grants";
import { issuerUrl } from "../src/okta/issuer";

export interface AuthorizationServerAccessArgs {
  /** Custom authorization server id (`aus...`, or `default`) or name. */
  serverRef: string;
  clientIds: pulumi.Input<string>[];
  grantTypes: readonly string[];
  /** Okta-side name of the access policy (see `orgNames`). */
  policyName: string;
  /** `https://{orgName}.{baseUrl}`, for the issuer of a server given by id. */
  orgUrl: string;
}

/** Okta ids are 20 characters starting with a type prefix; `default` is Okta's alias for the default server. */
export function isAuthorizationServerId(ref: string): boolean {
  return ref === "default" || /^aus[0-9A-Za-z]{17}$/.test(ref);
}

/** Pulumi type token of this component: plans group its children under its guide step. */
export const AUTHORIZATION_SERVER_ACCESS_TYPE = "okta-direct-auth:authorization:AuthorizationServerAccess";

/**
 * Guide step "Set up your authorization server" for a custom server. Instead of editing the
 * server's "Default Policy Rule" (no resource can), a policy assigned to our clients with one rule
 * allowing exactly their grants leaves the server's defaults alone and tears down cleanly.
 */
export class AuthorizationServerAccess extends pulumi.ComponentResource {
  readonly authServerId: pulumi.Output<string>;
  /** As Okta reports it for a looked-up server: a custom URL domain gives a different issuer. */
  readonly issuer: pulumi.Output<string>;

  constructor(name: string, args: AuthorizationServerAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    super(AUTHORIZATION_SERVER_ACCESS_TYPE, name, {}, opts);
    if (isAuthorizationServerId(args.serverRef)) {
      this.authServerId = pulumi.output(args.serverRef);
      this.issuer = pulumi.output(issuerUrl(args.orgUrl, args.serverRef));
    } else {
      const server = okta.auth.getServerOutput({ name: args.serverRef }, { parent: this });
      this.authServerId = server.id;
      this.issuer = server.issuer;
    }
    const policy = new okta.auth.ServerPolicy(
      name,
      {
        authServerId: this.authServerId,
        name: args.policyName,
        description: "Direct Authentication apps: allows the grant types their flows use",
        status: "ACTIVE",
        priority: 1,
        clientWhitelists: args.clientIds,
      },
      { parent: this },
    );
    new okta.auth.ServerPolicyRule(
      `${name}-rule`,
      {
        authServerId: this.authServerId,
        policyId: policy.id,
        name: "Direct Auth grants",
        status: "ACTIVE",
        priority: 1,
        grantTypeWhitelists: [...args.grantTypes],
        scopeWhitelists: [...DIRECT_AUTH_SCOPES],
        groupWhitelists: ["EVERYONE"],
      },
      { parent: this },
    );
    this.registerOutputs({ authServerId: this.authServerId, issuer: this.issuer });
  }
}
