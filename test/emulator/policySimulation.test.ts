import { describe, expect, it } from "vitest";
import { devOrgs } from "./support/devOrgs";
import { appOf } from "./support/evaluations";

/**
 * `POST /api/v1/policies/simulate` with Okta's request (a list of {appInstance, policyTypes,
 * policyContext}) and answer (one evaluation per policy type: status, policyType, result.policies
 * with their matched rules; expand=EVALUATED and expand=RULE add what did not match and the
 * conditions).
 */
const { dev, withApi } = devOrgs();

function body(appId: string, userId: string, policyTypes?: string[]) {
  return [{ appInstance: appId, ...(policyTypes ? { policyTypes } : {}), policyContext: { user: { id: userId }, groups: { ids: [] } } }];
}

describe("policy simulation", () => {
  it("names the app's policy and the test-user rule, and the session policy, as the flows apply them", async () => {
    const { emulator, api } = await withApi();
    const app = appOf(dev(), "oob-email");
    const user = await api.get(`/api/v1/users/${encodeURIComponent(emulator.testUser.login)}`);
    const answer = await api.post("/api/v1/policies/simulate?expand=EVALUATED&expand=RULE", body(app.clientId, String(user.body.id), ["ACCESS_POLICY", "OKTA_SIGN_ON"]));
    expect(answer.status).toBe(200);
    const [access, session] = answer.body as unknown as Record<string, any>[];
    expect(access).toMatchObject({
      status: "COMPLETED",
      policyType: ["ACCESS_POLICY"],
      result: { policies: [{ name: "Direct Auth OOB Email 1FA", status: "MATCH", rules: [{ name: "1Factor", status: "MATCH", conditions: [{ type: "people.users", status: "MATCH" }] }] }] },
      evaluated: { policies: [] },
      undefined: { policies: [] },
    });
    expect(session).toMatchObject({ policyType: ["OKTA_SIGN_ON"], result: { policies: [{ status: "MATCH", rules: [{ status: "MATCH" }] }] } });
    expect(session.result.policies[0].name).toMatch(/^Direct Auth/);
  });

  it("without expand leaves out what did not match and the conditions; with no policyTypes evaluates every type", async () => {
    const { emulator, api } = await withApi();
    const user = await api.get(`/api/v1/users/${encodeURIComponent(emulator.testUser.login)}`);
    const answer = await api.post("/api/v1/policies/simulate", body(appOf(dev(), "mfa-otp").clientId, String(user.body.id)));
    const evaluations = answer.body as unknown as Record<string, any>[];
    expect(evaluations.map((e) => e.policyType[0])).toEqual(["ACCESS_POLICY", "OKTA_SIGN_ON", "MFA_ENROLL", "PROFILE_ENROLLMENT", "POST_AUTH_SESSION", "ENTITY_RISK"]);
    expect(evaluations[0].evaluated).toBeUndefined();
    expect(evaluations[0].result.policies[0].rules[0]).toEqual({ id: expect.any(String), name: "2 MFA OTP Factor", status: "MATCH" });
  });

  it("lists the rules evaluated before the match (expand=EVALUATED): a user the test-user rule does not name falls to the catch-all", async () => {
    const { api } = await withApi();
    const other = await api.post("/api/v1/users?activate=true", { profile: { login: "other@example.com", email: "other@example.com", firstName: "O", lastName: "T" }, credentials: { password: { value: "Xy7-Secret-Pw9" } } });
    const answer = await api.post("/api/v1/policies/simulate?expand=EVALUATED&expand=RULE", body(appOf(dev(), "otp").clientId, String(other.body.id), ["ACCESS_POLICY"]));
    const [access] = answer.body as unknown as Record<string, any>[];
    expect(access.result.policies[0].rules).toEqual([{ id: expect.any(String), name: "Catch-all Rule", status: "MATCH", conditions: [] }]);
    expect(access.evaluated.policies[0].rules).toEqual([{ id: expect.any(String), name: "1Factor", status: "UNMATCHED", conditions: [{ type: "people.users", status: "UNMATCHED" }] }]);
  });

  it("answers Okta's errors: an unknown app or user 404, a body that is not a list 400", async () => {
    const { emulator, api } = await withApi();
    const user = await api.get(`/api/v1/users/${encodeURIComponent(emulator.testUser.login)}`);
    expect((await api.post("/api/v1/policies/simulate", body("0oaNOSUCHAPP00000000", String(user.body.id)))).status).toBe(404);
    expect((await api.post("/api/v1/policies/simulate", body(appOf(dev(), "otp").clientId, "00uNOSUCHUSER0000000"))).status).toBe(404);
    const notAList = await api.post("/api/v1/policies/simulate", { appInstance: "x" });
    expect(notAList.status).toBe(400);
    expect(notAList.body.errorCode).toBe("E0000001");
  });
});
