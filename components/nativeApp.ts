import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { nativeAppOptions } from "../src/model/resourceOptions";

export interface NativeAppArgs {
  label: string;
  grantTypes: readonly string[];
  redirectUri: string;
  authenticationPolicyId: pulumi.Input<string>;
  everyoneGroupId: pulumi.Input<string>;
}

/** Pulumi type token of this component: plans group its children under its guide step. */
export const NATIVE_APP_TYPE = "okta-direct-auth:apps:NativeApp";

/** Guide step "Set up your app": a native OIDC app integration, public client with PKCE, allowed to everyone. */
export class NativeApp extends pulumi.ComponentResource {
  readonly clientId: pulumi.Output<string>;
  readonly appId: pulumi.Output<string>;

  constructor(name: string, args: NativeAppArgs, opts?: pulumi.ComponentResourceOptions) {
    super(NATIVE_APP_TYPE, name, {}, opts);
    const app = new okta.app.OAuth(
      name,
      {
        label: args.label,
        type: "native",
        grantTypes: [...args.grantTypes],
        responseTypes: ["code"],
        redirectUris: [args.redirectUri],
        tokenEndpointAuthMethod: "none",
        pkceRequired: true,
        authenticationPolicy: args.authenticationPolicyId,
      },
      nativeAppOptions(this),
    );
    // "Allow everyone in your organization to access" is an Everyone group assignment;
    // implicitAssignment would mean Federation Broker Mode instead.
    new okta.app.GroupAssignment(`${name}-everyone`, { appId: app.id, groupId: args.everyoneGroupId }, { parent: this });
    this.clientId = app.clientId;
    this.appId = app.id;
    this.registerOutputs({ clientId: this.clientId, appId: this.appId });
  }
}
