import * as pulumi from "@pulumi/pulumi";
import { CatchAllAccess } from "./catchAllRule";
import { CATCH_ALL_KIND } from "../okta/declaration";
import { catchAllRuleProvider } from "./catchAllRuleProvider";
import { OktaConnection } from "../config/connection";

export interface PolicyCatchAllArgs {
  connection: pulumi.Input<OktaConnection>;
  policyId: pulumi.Input<string>;
  access: CatchAllAccess;
}

/** The access of one app sign-in policy's catch-all rule, set in place and given back on destroy. */
export class PolicyCatchAll extends pulumi.dynamic.Resource {
  declare readonly found: pulumi.Output<CatchAllAccess>;

  constructor(name: string, args: PolicyCatchAllArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      catchAllRuleProvider,
      name,
      {
        settingsKind: CATCH_ALL_KIND,
        connection: pulumi.secret(args.connection),
        policyId: args.policyId,
        access: args.access,
        found: undefined,
      },
      opts,
    );
  }
}
