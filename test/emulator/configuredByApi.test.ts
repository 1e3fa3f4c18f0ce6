import { beforeAll, describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { EVERYONE_GROUP_ID } from "../../src/okta/ids";
import { emulatedOrgs } from "../helpers/orgs";
import { devEvaluation, without } from "./support/evaluations";
import { expectOAuthError, OKTA_SAYS } from "./support/expectations";
import { otpGrant } from "./support/flows";
import { listOf, orgWithApi } from "./support/managementApi";

let bare: Evaluation;
const start = emulatedOrgs();

beforeAll(async () => {
  // Nothing declared but the looked-up test user: the org is what a fresh Identity Engine org is.
  bare = without(await devEvaluation(), () => true);
});

type Json = Record<string, any>;

describe("an org set up for the OTP variant through the management API alone", () => {
  it("issues tokens once every step of the guide is done, and says which step is missing before", async () => {
    const { emulator, api, endpoints } = await orgWithApi(bare, start);
    const user = (await api.get(`/api/v1/users/${encodeURIComponent(emulator.testUser.login)}`)).body as Json;

    // Set up your app: a native public client with the OTP grant, for Everyone.
    const app = (
      await api.post("/api/v1/apps?activate=true", {
        name: "oidc_client",
        label: "Direct Auth OTP",
        credentials: { oauthClient: { token_endpoint_auth_method: "none", pkce_required: true } },
        settings: {
          oauthClient: { application_type: "native", grant_types: ["authorization_code", GRANT.otp], redirect_uris: ["com.example:/cb"], response_types: ["code"] },
        },
      })
    ).body as Json;
    await api.put(`/api/v1/apps/${app.id}/groups/${EVERYONE_GROUP_ID}`, {});
    const target = { emulator, endpoints, clientId: app.id as string };

    // Authentication policy: any one factor for the test user, nothing for anyone else.
    const policy = (await api.post("/api/v1/policies", { name: "Direct Auth OTP 1FA", type: "ACCESS_POLICY" })).body as Json;
    const [catchAll] = listOf(await api.get(`/api/v1/policies/${policy.id}/rules`));
    await api.put(`/api/v1/policies/${policy.id}/rules/${catchAll.id}`, {
      name: "Catch-all Rule",
      actions: { appSignOn: { access: "DENY", verificationMethod: { factorMode: "2FA", type: "ASSURANCE" } } },
    });
    await api.post(`/api/v1/policies/${policy.id}/rules`, {
      name: "1Factor",
      conditions: { people: { users: { include: [user.id] } } },
      actions: { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "1FA", type: "ASSURANCE" } } },
    });
    await api.put(`/api/v1/apps/${app.id}/policies/${policy.id}`, {});

    // Global session policy still starts sessions with the password only.
    expectOAuthError(await otpGrant(target), 403, "access_denied", OKTA_SAYS.policyDenied);
    const group = (await api.post("/api/v1/groups", { profile: { name: "Direct Auth testers" } })).body as Json;
    await api.put(`/api/v1/groups/${group.id}/users/${user.id}`, {});
    const session = (
      await api.post("/api/v1/policies", { name: "Direct Auth", type: "OKTA_SIGN_ON", priority: 1, conditions: { people: { groups: { include: [group.id] } } } })
    ).body as Json;
    await api.post(`/api/v1/policies/${session.id}/rules`, {
      name: "Any factor",
      type: "SIGN_ON",
      actions: { signon: { access: "ALLOW", primaryFactor: "PASSWORD_IDP_ANY_FACTOR" } },
    });

    // Enable authenticators: Google Authenticator was never added.
    expectOAuthError(await otpGrant(target), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    await api.post("/api/v1/authenticators", { key: "google_otp", name: "Google Authenticator" });
    expectOAuthError(await otpGrant(target), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    const [enrollment] = listOf(await api.get("/api/v1/policies?type=MFA_ENROLL")) as Json[];
    enrollment.settings.authenticators = enrollment.settings.authenticators.map((a: Json) =>
      a.key === "google_otp" ? { key: "google_otp", enroll: { self: "OPTIONAL" } } : a,
    );
    expect((await api.put(`/api/v1/policies/${enrollment.id}`, enrollment)).status).toBe(200);

    const tokens = await otpGrant(target);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: "Bearer", access_token: expect.any(String) });
  });
});
