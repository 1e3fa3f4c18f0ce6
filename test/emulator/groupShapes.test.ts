import { describe, expect, it } from "vitest";
import { EVERYONE_GROUP_ID } from "../../src/okta/ids";
import { devOrgs } from "./support/devOrgs";
import { listOf } from "./support/managementApi";

/** Groups as a current Okta org answers them (recorded in 2026): links and list headers. */

const orgs = devOrgs();

type Json = Record<string, any>;

describe("groups: Okta's shape", () => {
  it("links every group's two logos, its owners, users and apps, Everyone's too", async () => {
    const { emulator, api } = await orgs.withApi();
    const created = (await api.post("/api/v1/groups", { profile: { name: "Linked", description: "" } })).body as Json;
    const everyone = listOf(await api.get("/api/v1/groups?q=Everyone"))[0] as Json;
    for (const group of [created, everyone]) {
      const self = `${emulator.url}/api/v1/groups/${group.id}`;
      expect(group._links).toEqual({
        logo: [
          { name: "medium", href: expect.stringMatching(/okta-medium\.\w+\.png$/), type: "image/png" },
          { name: "large", href: expect.stringMatching(/okta-large\.\w+\.png$/), type: "image/png" },
        ],
        owners: { href: `${self}/owners` },
        users: { href: `${self}/users` },
        apps: { href: `${self}/apps` },
      });
    }
  });

  it("sends Okta's Link header (rel=\"self\") with the group, member and app lists", async () => {
    const { emulator, api } = await orgs.withApi();
    const linkOf = async (path: string) => (await api.get(path)).headers.get("link");
    expect(await linkOf("/api/v1/groups?q=Everyone")).toBe(`<${emulator.url}/api/v1/groups?q=Everyone>; rel="self"`);
    const members = `/api/v1/groups/${EVERYONE_GROUP_ID}/users?limit=200`;
    expect(await linkOf(members)).toBe(`<${emulator.url}${members}>; rel="self"`);
    const apps = `/api/v1/groups/${EVERYONE_GROUP_ID}/apps`;
    expect(await linkOf(apps)).toBe(`<${emulator.url}${apps}>; rel="self"`);
  });
});
