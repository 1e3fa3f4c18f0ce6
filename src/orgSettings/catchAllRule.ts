import { OktaApiError, OktaManagementClient } from "./managementClient";

export type CatchAllAccess = "ALLOW" | "DENY";

interface OktaPolicyRule {
  id: string;
  name: string;
  system?: boolean;
  actions?: { appSignOn?: { access?: string; [other: string]: unknown }; [other: string]: unknown };
  [other: string]: unknown;
}

/**
 * Okta gives every app sign-in policy a system rule, "Catch-all Rule", that can be edited but not
 * deleted. The Okta provider sets its access only when it creates the policy (a PUT of that rule
 * with `access` changed); these calls do the same on an existing policy, so `catchAll` is applied in
 * place and neither the policy nor its rules are ever recreated for it.
 */
async function catchAllRuleOf(client: OktaManagementClient, policyId: string): Promise<OktaPolicyRule> {
  const rules = await client.getAll<OktaPolicyRule>(`/api/v1/policies/${policyId}/rules`);
  // The provider finds it the same way: the rule marked system, whatever it is called.
  const rule = rules.find((r) => r.system === true);
  if (!rule) throw new Error(`app sign-in policy ${policyId} has no catch-all (system) rule`);
  return rule;
}

function accessOf(rule: OktaPolicyRule): CatchAllAccess {
  return rule.actions?.appSignOn?.access === "DENY" ? "DENY" : "ALLOW";
}

/** Sends the rule back as read with only its access changed, as the provider's own PUT does. */
async function putAccess(client: OktaManagementClient, policyId: string, rule: OktaPolicyRule, access: CatchAllAccess): Promise<void> {
  if (accessOf(rule) === access) return;
  const actions = rule.actions ?? {};
  await client.put(`/api/v1/policies/${policyId}/rules/${rule.id}`, {
    ...rule,
    actions: { ...actions, appSignOn: { ...actions.appSignOn, access } },
  });
}

/** Sets the catch-all's access and answers what it was before. */
export async function setCatchAllAccess(client: OktaManagementClient, policyId: string, access: CatchAllAccess): Promise<CatchAllAccess> {
  const rule = await catchAllRuleOf(client, policyId);
  const found = accessOf(rule);
  await putAccess(client, policyId, rule, access);
  return found;
}

/**
 * Gives the catch-all back the access it had before this stack. A policy that is gone (deleted with
 * the stack, or by hand) has nothing to give back.
 */
export async function restoreCatchAllAccess(client: OktaManagementClient, policyId: string, found: CatchAllAccess): Promise<void> {
  let rule: OktaPolicyRule;
  try {
    rule = await catchAllRuleOf(client, policyId);
  } catch (error) {
    if (error instanceof OktaApiError && error.status === 404) return;
    throw error;
  }
  await putAccess(client, policyId, rule, found);
}
