import { describe, expect, it } from "vitest";
import { expectOktaError } from "./support/expectations";
import { bareOrgs } from "./support/ssws";

/**
 * Bodies and expected answers come from the Okta provider's recordings
 * TestAccResourceOktaInlineHook_crud and _token_channeljson (oie-00).
 */
const org = bareOrgs();

const TELEPHONY_HOOK = {
  channel: {
    config: { authScheme: { key: "Authorization", type: "HEADER", value: "secret" }, method: "POST", uri: "https://example.com/test" },
    type: "HTTP",
    version: "1.0.0",
  },
  name: "twillio",
  status: "ACTIVE",
  type: "com.okta.telephony.provider",
  version: "1.0.0",
};

describe("inline hooks", () => {
  it("creates a hook as Okta answers it, without the channel's secret", async () => {
    const api = await org();
    const created = await api.post("/api/v1/inlineHooks", TELEPHONY_HOOK);
    expect(created.status).toBe(200);
    const self = `${api.emulator.url}/api/v1/inlineHooks/${created.body.id}`;
    expect(created.body).toEqual({
      id: expect.stringMatching(/^cal[0-9A-Za-z]{17}$/),
      status: "ACTIVE",
      name: "twillio",
      type: "com.okta.telephony.provider",
      version: "1.0.0",
      channel: {
        type: "HTTP",
        version: "1.0.0",
        config: { uri: "https://example.com/test", headers: [], method: "POST", authScheme: { type: "HEADER", key: "Authorization" } },
      },
      created: expect.any(String),
      lastUpdated: expect.any(String),
      _links: {
        self: { href: self },
        execute: { href: `${self}/execute`, hints: { allow: ["POST"] } },
        deactivate: { href: `${self}/lifecycle/deactivate`, hints: { allow: ["POST"] } },
      },
    });
    expect(JSON.stringify((await api.get(`/api/v1/inlineHooks/${created.body.id}`)).body)).not.toContain("secret");
  });

  it("creates every hook ACTIVE, keeps the status on replace, and moves it only by lifecycle calls", async () => {
    const api = await org();
    const created = await api.post("/api/v1/inlineHooks", {
      channel: { config: { headers: [{ key: "x-stuff-and-such", value: "yea boi" }], method: "POST", uri: "https://example.com/test1" }, type: "HTTP", version: "1.0.0" },
      name: "testAcc_893678766",
      status: "INACTIVE",
      type: "com.okta.import.transform",
      version: "1.0.2",
    });
    expect(created.body.status).toBe("ACTIVE");
    expect((created.body.channel as { config: unknown }).config).toEqual({
      uri: "https://example.com/test1",
      headers: [{ key: "x-stuff-and-such", value: "yea boi" }],
      method: "POST",
      authScheme: null,
    });
    const id = created.body.id as string;
    const deactivated = await api.post(`/api/v1/inlineHooks/${id}/lifecycle/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.status).toBe("INACTIVE");
    expect(Object.keys(deactivated.body._links as object).sort()).toEqual(["activate", "delete", "self"]);
    const replaced = await api.put(`/api/v1/inlineHooks/${id}`, {
      channel: { config: { method: "POST", uri: "https://example.com/test1" }, type: "HTTP", version: "1.0.0" },
      name: "testAcc_893678766",
      status: "ACTIVE",
      type: "com.okta.import.transform",
      version: "1.0.2",
    });
    expect(replaced.body).toMatchObject({ status: "INACTIVE", channel: { config: { headers: [] } } });
    expect((await api.post(`/api/v1/inlineHooks/${id}/lifecycle/activate`)).body.status).toBe("ACTIVE");
    expect(((await api.get("/api/v1/inlineHooks?type=com.okta.import.transform")).body as unknown as unknown[]).length).toBe(1);
    expect(((await api.get("/api/v1/inlineHooks?type=com.okta.telephony.provider")).body as unknown as unknown[]).length).toBe(0);
    await api.post(`/api/v1/inlineHooks/${id}/lifecycle/deactivate`);
    expect((await api.delete(`/api/v1/inlineHooks/${id}`)).status).toBe(204);
    expectOktaError(await api.get(`/api/v1/inlineHooks/${id}`), 404, "E0000007");
  });

  it("refuses a hook without a name or a channel uri", async () => {
    const api = await org();
    expectOktaError(await api.post("/api/v1/inlineHooks", { ...TELEPHONY_HOOK, name: "" }), 400, "E0000001");
    expectOktaError(await api.post("/api/v1/inlineHooks", { ...TELEPHONY_HOOK, channel: { type: "HTTP", version: "1.0.0", config: {} } }), 400, "E0000001");
  });
});
