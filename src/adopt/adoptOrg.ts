import { evaluateProgram } from "../evaluate/evaluateProgram";
import { OktaManagementClient } from "../orgSettings/managementClient";
import { defineDirectAuthProgram } from "../program";
import { FirstUpChange, describeFirstUpChange, firstUpChanges } from "./firstUpChanges";
import { ImportEntry, importPlan } from "./importDocument";
import { inferSetup } from "./inferSetup";
import { readOrgSnapshot } from "./orgSnapshot";
import { flatConfig, stackConfig, stackFileText } from "./stackConfig";

export interface AdoptResult {
  stack: string;
  config: Record<string, unknown>;
  stackFile: string;
  importDocument: { resources: ImportEntry[] };
  /** `type name` of what the first `pulumi up` after the import creates. */
  toCreate: string[];
  notes: string[];
  /** Inputs the first `pulumi up` after the import changes in place: where the org differs from the stack. */
  firstUpChanges: FirstUpChange[];
}

/**
 * Reads the org (GET requests only), infers the stack config that declares what it holds, and
 * pairs every resource the program then declares with the org's object for `pulumi import`.
 */
export async function adoptOrg(client: OktaManagementClient, orgUrl: URL, stack: string, now = new Date()): Promise<AdoptResult> {
  const snapshot = await readOrgSnapshot(client);
  const adoption = inferSetup(snapshot);
  const config = stackConfig(adoption.config, orgUrl);
  const evaluation = await evaluateProgram({ stack, config: flatConfig(config), program: defineDirectAuthProgram });
  const plan = importPlan(adoption, snapshot, evaluation);
  const changes = firstUpChanges(snapshot, plan.orgIds);
  return {
    stack,
    config,
    stackFile: stackFileText(config, orgUrl, adoption.notes, changes.map(describeFirstUpChange), now),
    importDocument: plan.document,
    toCreate: plan.toCreate.map((r) => `${r.type} ${r.name}`),
    notes: adoption.notes,
    firstUpChanges: changes,
  };
}
