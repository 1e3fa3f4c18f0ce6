import { describe, expect, it } from "vitest";
import { expectOktaError } from "./support/expectations";
import { bareOrgs } from "./support/ssws";

/** Bodies and expected answers from the provider's recordings TestAccResourceOktaPolicyDeviceAssurance{Android,IOS}_crud (oie-00). */
const org = bareOrgs();

const ANDROID = {
  diskEncryptionType: { include: ["FULL", "USER"] },
  jailbreak: false,
  name: "testAcc-525995444",
  osVersion: { minimum: "12" },
  platform: "ANDROID",
  screenLockType: { include: ["BIOMETRIC"] },
  secureHardwarePresent: true,
};

describe("device assurance policies", () => {
  it("creates a policy with its conditions, Okta's audit and resource fields, and a self link", async () => {
    const api = await org();
    const me = (await api.get("/api/v1/users/me")).body.id;
    const created = await api.post("/api/v1/device-assurances", ANDROID);
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    expect(created.body).toEqual({
      name: "testAcc-525995444",
      platform: "ANDROID",
      id: expect.stringMatching(/^dae[0-9A-Za-z]{17}$/),
      osVersion: { minimum: "12" },
      secureHardwarePresent: true,
      jailbreak: false,
      diskEncryptionType: { include: ["FULL", "USER"] },
      screenLockType: { include: ["BIOMETRIC"] },
      displayRemediationMode: "HIDE",
      createdDate: expect.any(String),
      createdBy: me,
      lastUpdate: expect.any(String),
      lastUpdatedBy: me,
      resourceId: id,
      resourceDisplayName: { value: "testAcc-525995444", sensitive: false },
      resourceType: "DeviceAssurancePolicyEntity",
      _links: { self: { href: `${api.emulator.url}/api/v1/device-assurances/${id}`, hints: { allow: ["GET", "PUT", "DELETE"] } } },
    });
  });

  it("replaces, lists and deletes a policy", async () => {
    const api = await org();
    const id = (await api.post("/api/v1/device-assurances", ANDROID)).body.id as string;
    const replaced = await api.put(`/api/v1/device-assurances/${id}`, { ...ANDROID, osVersion: { minimum: "13" } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.osVersion).toEqual({ minimum: "13" });
    expect(replaced.body).not.toHaveProperty("createdDate");
    expect((await api.get(`/api/v1/device-assurances/${id}`)).body).toMatchObject({ osVersion: { minimum: "13" }, createdDate: expect.any(String) });
    expect(((await api.get("/api/v1/device-assurances")).body as unknown as { id: string }[]).map((p) => p.id)).toEqual([id]);
    expect((await api.delete(`/api/v1/device-assurances/${id}`)).status).toBe(204);
    expectOktaError(await api.get(`/api/v1/device-assurances/${id}`), 404, "E0000007");
  });

  it("refuses a policy without a name or for a platform Okta does not know", async () => {
    const api = await org();
    expectOktaError(await api.post("/api/v1/device-assurances", { ...ANDROID, name: " " }), 400, "E0000001");
    expectOktaError(await api.post("/api/v1/device-assurances", { ...ANDROID, platform: "PALM_OS" }), 400, "E0000001");
  });
});
