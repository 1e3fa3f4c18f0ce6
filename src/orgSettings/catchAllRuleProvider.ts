import type * as pulumi from "@pulumi/pulumi";
import { CATCH_ALL_KIND } from "../okta/declaration";
import { CatchAllAccess, restoreCatchAllAccess, setCatchAllAccess } from "./catchAllRule";
import { OktaConnection } from "../config/connection";
import { OktaManagementClient } from "./managementClient";


export interface CatchAllRuleInputs {
  settingsKind: typeof CATCH_ALL_KIND;
  connection: OktaConnection;
  policyId: string;
  access: CatchAllAccess;
}

export interface CatchAllRuleOutputs extends CatchAllRuleInputs {
  /** The catch-all's access before this stack set it; given back on delete. */
  found: CatchAllAccess;
}

/**
 * Owns the access of one app sign-in policy's catch-all rule: create records what the rule had and
 * sets it, update sets it in place, delete gives back what was recorded. Only another policy
 * replaces it, and then the old policy's record goes first (see `catchAllRuleOptions`).
 */
export const catchAllRuleProvider: pulumi.dynamic.ResourceProvider<CatchAllRuleInputs, CatchAllRuleOutputs> = {
  async create(inputs) {
    const found = await setCatchAllAccess(new OktaManagementClient(inputs.connection), inputs.policyId, inputs.access);
    return { id: `catch-all-${inputs.policyId}`, outs: { ...inputs, found } };
  },

  async diff(_id, olds, news) {
    const replaces = olds.policyId === news.policyId ? [] : ["policyId"];
    // A rotated credential only needs storing, so delete can still reach the org.
    const changes = olds.access !== news.access || JSON.stringify(olds.connection) !== JSON.stringify(news.connection);
    return { changes: changes || replaces.length > 0, replaces, deleteBeforeReplace: true };
  },

  async update(_id, olds, news) {
    await setCatchAllAccess(new OktaManagementClient(news.connection), news.policyId, news.access);
    return { outs: { ...news, found: olds.found } };
  },

  async delete(_id, olds) {
    await restoreCatchAllAccess(new OktaManagementClient(olds.connection), olds.policyId, olds.found);
  },
};
