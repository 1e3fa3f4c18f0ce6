import { Group } from "../orgModel";
import { link } from "./links";

/** Okta's group logos, the same for every group until one is uploaded (the emulator takes no uploads). */
const LOGOS = [
  { name: "medium", href: "https://op3static.oktacdn.com/assets/img/logos/groups/odyssey/okta-medium.30ce6d4085dff29412984e4c191bc874.png", type: "image/png" },
  { name: "large", href: "https://op3static.oktacdn.com/assets/img/logos/groups/odyssey/okta-large.c3cb8cda8ae0add1b4fe928f5844dbe3.png", type: "image/png" },
];

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
    _links: { logo: LOGOS, owners: link(`${self}/owners`), users: link(`${self}/users`), apps: link(`${self}/apps`) },
  };
}
