import { Org, GroupRule } from "../orgModel";

/** Okta's JSON for a group rule, `conditions` filled out as Okta stores them (empty exclusion lists included). */
export function groupRuleJson(org: Org, rule: GroupRule): Record<string, unknown> {
  return {
    type: "group_rule",
    id: rule.id,
    status: rule.status,
    name: rule.name,
    created: rule.created,
    lastUpdated: rule.lastUpdated,
    conditions: {
      people: { users: { exclude: rule.usersExcluded }, groups: { exclude: rule.groupsExcluded } },
      expression: { value: rule.expression.value, type: rule.expression.type },
    },
    actions: { assignUserToGroups: { groupIds: rule.groupIds } },
    allGroupsValid: rule.groupIds.every((id) => org.groups.has(id)),
  };
}
