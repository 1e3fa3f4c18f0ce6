import { describe, expect, it } from "vitest";
import { expectOktaError } from "./support/expectations";
import { bareOrgs } from "./support/ssws";

/**
 * Bodies and expected answers come from the Okta provider's recordings
 * TestAccResourceOktaNetworkZone_crud, _ipNormalization and _issue_2578 (oie-00).
 */
const org = bareOrgs();

const IP_ZONE = {
  gateways: [{ type: "RANGE", value: "2.3.4.5-2.3.4.15" }, { type: "CIDR", value: "1.2.3.4/24" }],
  name: "testAcc_2777345018",
  proxies: [{ type: "CIDR", value: "2.2.3.4/24" }, { type: "RANGE", value: "3.3.4.5-3.3.4.15" }],
  status: "ACTIVE",
  type: "IP",
  usage: "POLICY",
};

describe("network zones", () => {
  it("creates an IP zone as Okta answers it, with self and deactivate links", async () => {
    const api = await org();
    const created = await api.post("/api/v1/zones", IP_ZONE);
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    const self = `${api.emulator.url}/api/v1/zones/${id}`;
    expect(created.body).toEqual({
      type: "IP",
      id: expect.stringMatching(/^nzo[0-9A-Za-z]{17}$/),
      name: "testAcc_2777345018",
      status: "ACTIVE",
      usage: "POLICY",
      created: expect.any(String),
      lastUpdated: expect.any(String),
      system: false,
      gateways: IP_ZONE.gateways,
      proxies: IP_ZONE.proxies,
      _links: {
        self: { href: self, hints: { allow: ["GET", "PUT", "DELETE"] } },
        deactivate: { href: `${self}/lifecycle/deactivate`, hints: { allow: ["POST"] } },
      },
    });
    expect((await api.get(`/api/v1/zones/${id}`)).body).toEqual(created.body);
  });

  it("creates every zone ACTIVE, and stores a one-address range as a-a", async () => {
    const api = await org();
    const inactive = await api.post("/api/v1/zones", { ...IP_ZONE, status: "INACTIVE" });
    expect(inactive.body.status).toBe("ACTIVE");
    const single = await api.post("/api/v1/zones", {
      gateways: [{ type: "RANGE", value: "172.16.0.1-172.16.0.10" }, { type: "RANGE", value: "192.168.1.1" }, { type: "CIDR", value: "10.0.0.0/24" }],
      name: "testAcc_3440890524 Mixed",
      status: "ACTIVE",
      type: "IP",
      usage: "POLICY",
    });
    expect(single.body.gateways).toEqual([
      { type: "RANGE", value: "172.16.0.1-172.16.0.10" },
      { type: "RANGE", value: "192.168.1.1-192.168.1.1" },
      { type: "CIDR", value: "10.0.0.0/24" },
    ]);
    expect(single.body.proxies).toBeNull();
  });

  it("answers dynamic zones' locations with regions, and enhanced dynamic zones' include/exclude lists in full", async () => {
    const api = await org();
    const proxy = await api.post("/api/v1/zones", { name: "Dynamic Proxy", proxyType: "TorAnonymizer", status: "ACTIVE", type: "DYNAMIC", usage: "BLOCKLIST" });
    expect(proxy.body).toMatchObject({ type: "DYNAMIC", usage: "BLOCKLIST", locations: null, proxyType: "TorAnonymizer" });
    expect(proxy.body).not.toHaveProperty("asns");
    const located = await api.post("/api/v1/zones", {
      locations: [{ country: "US" }, { country: "AF", region: "AF-BGL" }],
      name: "Dynamic",
      proxyType: "",
      status: "ACTIVE",
      type: "DYNAMIC",
      usage: "POLICY",
    });
    expect(located.body.locations).toEqual(expect.arrayContaining([{ country: "AF", region: "AF-BGL" }, { country: "US", region: null }]));
    expect(located.body.proxyType).toBe("");
    const v2 = await api.post("/api/v1/zones", {
      asns: {},
      ipServiceCategories: { exclude: ["SURFSHARK_VPN"], include: ["ALL_IP_SERVICES"] },
      locations: { include: [{ country: "US" }, { country: "AF", region: "AF-BGL" }] },
      name: "Dynamic V2",
      status: "ACTIVE",
      type: "DYNAMIC_V2",
      usage: "POLICY",
    });
    expect(v2.body).toMatchObject({
      locations: { include: expect.arrayContaining([{ country: "US", region: null }]), exclude: [] },
      ipServiceCategories: { include: ["ALL_IP_SERVICES"], exclude: ["SURFSHARK_VPN"] },
      asns: { include: [], exclude: [] },
    });
  });

  it("replaces a zone with the status sent, answers lifecycle moves with the zone, and deletes it", async () => {
    const api = await org();
    const id = (await api.post("/api/v1/zones", IP_ZONE)).body.id as string;
    const replaced = await api.put(`/api/v1/zones/${id}`, {
      gateways: [{ type: "RANGE", value: "2.3.4.5-2.3.4.10" }, { type: "CIDR", value: "1.2.3.4/24" }],
      name: "testAcc_2777345018 Updated",
      status: "INACTIVE",
      type: "IP",
      usage: "BLOCKLIST",
    });
    expect(replaced.body).toMatchObject({ name: "testAcc_2777345018 Updated", status: "INACTIVE", usage: "BLOCKLIST", proxies: null });
    expect(Object.keys(replaced.body._links as object).sort()).toEqual(["activate", "self"]);
    const activated = await api.post(`/api/v1/zones/${id}/lifecycle/activate`);
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ id, status: "ACTIVE" });
    expect((await api.post(`/api/v1/zones/${id}/lifecycle/deactivate`)).body.status).toBe("INACTIVE");
    expect((await api.delete(`/api/v1/zones/${id}`)).status).toBe(204);
    expectOktaError(await api.get(`/api/v1/zones/${id}`), 404, "E0000007");
  });

  it("has Okta's system zones in a fresh org, listed and filtered by usage, and keeps them from deletion", async () => {
    const api = await org();
    const all = (await api.get("/api/v1/zones")).body as unknown as Record<string, unknown>[];
    expect(all.map((z) => [z.name, z.system, z.usage])).toEqual([
      ["LegacyIpZone", true, "POLICY"],
      ["BlockedIpZone", true, "BLOCKLIST"],
    ]);
    const blocklists = (await api.get(`/api/v1/zones?filter=${encodeURIComponent('usage eq "BLOCKLIST"')}`)).body as unknown as { name: string }[];
    expect(blocklists.map((z) => z.name)).toEqual(["BlockedIpZone"]);
    const blocked = all[1].id as string;
    expectOktaError(await api.delete(`/api/v1/zones/${blocked}`), 403, "E0000006");
    const edited = await api.put(`/api/v1/zones/${blocked}`, { name: "BlockedIpZone", type: "IP", usage: "BLOCKLIST", gateways: [{ type: "CIDR", value: "1.2.3.4/32" }] });
    expect(edited.body).toMatchObject({ system: true, gateways: [{ type: "CIDR", value: "1.2.3.4/32" }] });
  });

  it("refuses a zone without a name or of a type Okta does not have", async () => {
    const api = await org();
    expectOktaError(await api.post("/api/v1/zones", { ...IP_ZONE, name: "" }), 400, "E0000001");
    expectOktaError(await api.post("/api/v1/zones", { ...IP_ZONE, type: "MOAT" }), 400, "E0000001");
  });
});
