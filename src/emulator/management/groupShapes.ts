import { Group } from "../orgModel";
import { link } from "./links";

/** Okta's JSON for a group: OKTA_GROUP, or BUILT_IN for Everyone. */
export function groupJson(url: string, group: Group): Record<string, unknown> {
  const self = `${url}/api/v1/groups/${group.id}`;
  const changed = group.lastUpdated ?? group.created ?? null;
  return {
    id: group.id,
    created: group.created ?? null,
    lastUpdated: changed,
    lastMembershipUpdated: changed,
    objectClass: ["okta:user_group"],
    type: group.type ?? "OKTA_GROUP",
    profile: { name: group.name, description: group.description ?? "" },
    _links: { users: link(`${self}/users`), apps: link(`${self}/apps`) },
  };
}
