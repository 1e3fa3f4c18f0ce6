import { createLocalJWKSet, jwtVerify } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { VariantId } from "../../src/catalogue/variants";
import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { DEFAULT_BASELINE } from "../../src/emulator";
import {
  appOf,
  customServerEvaluation,
  devEvaluation,
  found,
  resourcesOf,
  without,
  withInputs,
} from "./support/evaluations";
import { expectOAuthError, OKTA_SAYS } from "./support/expectations";
import {
  FlowTarget,
  challenge,
  endpointsOf,
  mfaOobFlow,
  mfaOtpFlow,
  mfaToken,
  oobFlow,
  otpGrant,
  passwordGrant,
  primaryAuthenticate,
} from "./support/flows";
import { getJson } from "./support/http";
import { DYNAMIC, OKTA } from "../helpers/tokens";
import { emulatedOrgs } from "../helpers/orgs";

/**
 * Each guide step left undone or done wrong (docs/direct-auth-reference.md#setup-steps), built by editing the
 * Evaluation of `Pulumi.dev.yaml` (or of a stack on a custom authorization server), must produce the error real
 * Okta gives (docs/direct-auth-reference.md#errors).
 */

let dev: Evaluation;
/** A stack on the `default` custom authorization server, one primary-factor and one MFA variant. */
let custom: Evaluation;
const start = emulatedOrgs();

beforeAll(async () => {
  dev = await devEvaluation();
  custom = await customServerEvaluation(["otp", "mfa-oob-okta-verify"]);
});

async function orgWith(evaluation: Evaluation, variantId: VariantId, authServerId?: string): Promise<FlowTarget> {
  const emulator = await start({ evaluation, pollIntervalSeconds: 0 });
  return { emulator, endpoints: await endpointsOf(emulator, authServerId), clientId: appOf(evaluation, variantId).clientId };
}

/** Neither the provider's default-policy resource nor the project's own settings resource. */
const withoutOrgWideSettings = (evaluation: Evaluation) =>
  without(evaluation, (r) => r.type === DYNAMIC);

const grantsOf = (inputs: Record<string, unknown>) => inputs.grantTypes as string[];
const accessRule = () => found(custom, "access policy rule", (r) => r.type === OKTA.serverPolicyRule);
const accessPolicy = () => found(custom, "access policy", (r) => r.type === OKTA.serverPolicy);

describe('guide step "Set up your app"', () => {
  it("no Everyone assignment: 400 access_denied, user not assigned", async () => {
    const { assignment } = resourcesOf(dev, "otp");
    const t = await orgWith(without(dev, (r) => r === assignment), "otp");
    expectOAuthError(await otpGrant(t), 400, "access_denied", /^User is not assigned to the client application\.$/);
  });

  it("the password grant missing on an MFA app: 400 unauthorized_client listing the configured grants", async () => {
    const { app } = resourcesOf(dev, "mfa-otp");
    const evaluation = withInputs(dev, app, (i) => ({ ...i, grantTypes: grantsOf(i).filter((g) => g !== GRANT.password) }));
    const t = await orgWith(evaluation, "mfa-otp");
    expectOAuthError(
      await passwordGrant(t),
      400,
      "unauthorized_client",
      /^The client is not authorized to use the provided grant type\. Configured grant types: \[authorization_code, http:\/\/auth0\.com\/oauth\/grant-type\/mfa-otp\]\.$/,
    );
  });

  it("the variant's own grant missing: 400 unauthorized_client (otp at /token, oob at /primary-authenticate)", async () => {
    const { app: otpApp } = resourcesOf(dev, "otp");
    const { app: pushApp } = resourcesOf(dev, "oob-okta-verify");
    const evaluation = withInputs(
      withInputs(dev, otpApp, (i) => ({ ...i, grantTypes: ["authorization_code"] })),
      pushApp,
      (i) => ({ ...i, grantTypes: ["authorization_code"] }),
    );
    const otp = await orgWith(evaluation, "otp");
    expectOAuthError(await otpGrant(otp), 400, "unauthorized_client");
    expectOAuthError(await primaryAuthenticate({ ...otp, clientId: appOf(dev, "oob-okta-verify").clientId }, "push"), 400, "unauthorized_client");
  });

  it("the MFA grant missing while the rule asks for a second factor: 403 access_denied, prompted grant disabled", async () => {
    const { app } = resourcesOf(dev, "mfa-otp");
    const evaluation = withInputs(dev, app, (i) => ({ ...i, grantTypes: grantsOf(i).filter((g) => g !== GRANT.mfaOtp) }));
    const t = await orgWith(evaluation, "mfa-otp");
    expectOAuthError(await passwordGrant(t), 403, "access_denied", OKTA_SAYS.additionalFactorUnreachable);
  });

  it("a confidential client (tokenEndpointAuthMethod left at its default) sending client_id only: 401 invalid_client", async () => {
    const { app } = resourcesOf(dev, "otp");
    const evaluation = withInputs(dev, app, ({ tokenEndpointAuthMethod: _, ...rest }) => rest);
    expectOAuthError(await otpGrant(await orgWith(evaluation, "otp")), 401, "invalid_client");
  });
});

describe('guide step "Set up the authentication policy"', () => {
  it("no rule for the test user, catch-all DENY only: 403 access_denied, policy denied", async () => {
    const { rule } = resourcesOf(dev, "otp");
    const t = await orgWith(without(dev, (r) => r === rule), "otp");
    expectOAuthError(await otpGrant(t), 403, "access_denied", OKTA_SAYS.policyDenied);
  });

  it("no rule for the test user, catch-all ALLOW (catchAll: true): its Any 2 factor types lets the MFA flow through; DENY (the default) does not", async () => {
    const { app, rule } = resourcesOf(dev, "mfa-otp");
    const policy = found(dev, "sign-in policy of mfa-otp", (r) => r.type === OKTA.appSignOnPolicy && r.id === app.inputs.authenticationPolicy);
    const evaluation = withInputs(
      without(dev, (r) => r === rule),
      policy,
      (i) => ({ ...i, catchAll: true }),
    );
    const t = await orgWith(evaluation, "mfa-otp");
    expect((await mfaOtpFlow(t)).body).toMatchObject({ token_type: "Bearer", id_token: expect.any(String) });
    const denied = await orgWith(without(dev, (r) => r === rule), "mfa-otp");
    expectOAuthError(await passwordGrant(denied), 403, "access_denied");
  });

  it("the rule names another user: 403 access_denied for the push start too", async () => {
    const { rule } = resourcesOf(dev, "oob-okta-verify");
    const evaluation = withInputs(dev, rule, (i) => ({ ...i, usersIncluded: ["00uSomebodyElse00000"] }));
    const t = await orgWith(evaluation, "oob-okta-verify");
    expectOAuthError(await primaryAuthenticate(t, "push"), 403, "access_denied", OKTA_SAYS.policyDenied);
  });

  it("a 2FA rule on a primary-factor app: the password-less grant cannot finish (prompted grant disabled)", async () => {
    const { rule } = resourcesOf(dev, "otp");
    const evaluation = withInputs(dev, rule, (i) => ({ ...i, factorMode: "2FA" }));
    expectOAuthError(await otpGrant(await orgWith(evaluation, "otp")), 403, "access_denied", OKTA_SAYS.additionalFactorUnreachable);
  });

  it("a 2FA rule on a primary-factor app that also has an MFA grant: 403 mfa_required with an mfa_token", async () => {
    const { rule, app } = resourcesOf(dev, "otp");
    const evaluation = withInputs(
      withInputs(dev, rule, (i) => ({ ...i, factorMode: "2FA" })),
      app,
      (i) => ({ ...i, grantTypes: [...grantsOf(i), GRANT.mfaOob] }),
    );
    const answer = await otpGrant(await orgWith(evaluation, "otp"));
    expectOAuthError(answer, 403, "mfa_required");
    expect(answer.body.mfa_token).toEqual(expect.any(String));
  });
});

describe("global session policy (primary-factor variants only)", () => {
  it("without the PASSWORD_IDP_ANY_FACTOR rule a primary-factor flow is denied, an MFA flow is not", async () => {
    const t = await orgWith(without(dev, (r) => r.type === OKTA.sessionPolicyRule), "otp");
    expectOAuthError(await otpGrant(t), 403, "access_denied", OKTA_SAYS.policyDenied);
    expect((await mfaOtpFlow({ ...t, clientId: appOf(dev, "mfa-otp").clientId })).status).toBe(200);
  });

  it("the test user outside the session policy's group: denied by the org's default rule", async () => {
    const t = await orgWith(without(dev, (r) => r.type === OKTA.groupMemberships), "oob-email");
    expectOAuthError(await primaryAuthenticate(t, "email"), 403, "access_denied", OKTA_SAYS.policyDenied);
  });
});

describe('guide step "Enable authenticators for your org"', () => {
  it("authenticators added but not made enrollable, push never activated: 403 access_denied per factor", async () => {
    const org = await orgWith(withoutOrgWideSettings(dev), "otp");
    const as = (variantId: VariantId) => ({ ...org, clientId: appOf(dev, variantId).clientId });
    expectOAuthError(await otpGrant(org), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    expectOAuthError(await otpGrant(org), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    expectOAuthError(await oobFlow(as("oob-okta-verify"), "push"), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    expectOAuthError(await mfaOobFlow(as("mfa-oob-okta-verify"), "push"), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    expectOAuthError(await oobFlow(as("oob-phone"), "sms"), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
    expectOAuthError(await oobFlow(as("oob-email"), "email"), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
  });

  it("Email left for recovery only, as a fresh org ships it: 403 access_denied for oob-email until it is allowed for authentication", async () => {
    const settings = found(dev, "org settings", (r) => r.type === DYNAMIC);
    const recoveryOnly = withInputs(dev, settings, (i) => ({
      ...i,
      authenticators: (i.authenticators as { key: string; allowedFor?: string }[]).map(({ allowedFor: _, ...a }) => a),
    }));
    const t = await orgWith(recoveryOnly, "oob-email");
    expectOAuthError(
      await primaryAuthenticate(t, "email"),
      403,
      "access_denied",
      OKTA_SAYS.authenticatorUnusable,
    );
    const declared = await orgWith(dev, "oob-email");
    expect((await oobFlow(declared, "email")).status).toBe(200);
  });

  it("an authenticator for recovery only is refused at /challenge too (Phone, for mfa-oob-phone)", async () => {
    const baseline = {
      ...DEFAULT_BASELINE,
      authenticators: DEFAULT_BASELINE.authenticators.map((a) => (a.key === "phone_number" ? { ...a, settings: { allowedFor: "recovery" } } : a)),
    };
    const emulator = await start({ evaluation: dev, baseline, pollIntervalSeconds: 0 });
    const t = { emulator, endpoints: await endpointsOf(emulator), clientId: appOf(dev, "mfa-oob-phone").clientId };
    expectOAuthError(await challenge(t, await mfaToken(t), "sms"), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
  });

  it("an authenticator left INACTIVE: 403 access_denied", async () => {
    const google = found(dev, "Google Authenticator", (r) => r.type === OKTA.authenticator && r.inputs.key === "google_otp");
    const evaluation = withInputs(withoutOrgWideSettings(dev), google, (i) => ({ ...i, status: "INACTIVE" }));
    const t = await orgWith(evaluation, "mfa-otp");
    expectOAuthError(await mfaOtpFlow(t), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
  });

  it("a channel whose method the stack did not activate (voice): 403 access_denied", async () => {
    const t = await orgWith(dev, "oob-phone");
    expectOAuthError(await primaryAuthenticate(t, "voice"), 403, "access_denied", OKTA_SAYS.authenticatorUnusable);
  });
});

describe('guide step "Set up your authorization server" (custom server): flows through it', () => {
  it("complete on /oauth2/default with ID tokens from that issuer and its own key", async () => {
    const t = await orgWith(custom, "otp", "default");
    expect(t.endpoints.issuer).toBe(`${t.emulator.url}/oauth2/default`);
    expect(t.endpoints.token).toBe(`${t.emulator.url}/oauth2/default/v1/token`);
    const answer = await otpGrant(t);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const jwks = createLocalJWKSet((await getJson(t.endpoints.jwks)).body as never);
    const { payload } = await jwtVerify(String(answer.body.id_token), jwks, { issuer: t.endpoints.issuer, audience: t.clientId });
    expect(payload.sub).toMatch(/^00u/);
    const orgJwks = createLocalJWKSet((await getJson(`${t.emulator.url}/oauth2/v1/keys`)).body as never);
    await expect(jwtVerify(String(answer.body.id_token), orgJwks)).rejects.toThrow();
    expect((await mfaOobFlow({ ...t, clientId: appOf(custom, "mfa-oob-okta-verify").clientId }, "push")).status).toBe(200);
  });

  it("complete on a server the program looked up by name", async () => {
    const named = await customServerEvaluation(["otp"], "Direct Auth Server");
    const authServerId = String(found(named, "access policy", (r) => r.type === OKTA.serverPolicy).inputs.authServerId);
    expect(authServerId).toMatch(/^aus/);
    const t = await orgWith(named, "otp", authServerId);
    expect((await otpGrant(t)).status).toBe(200);
  });

  it("keep every leg on one server: an mfa_token from the custom server is invalid on the org server", async () => {
    const t = await orgWith(custom, "mfa-oob-okta-verify", "default");
    const mfa = await mfaToken(t);
    const orgServer = await endpointsOf(t.emulator);
    expectOAuthError(await challenge({ ...t, endpoints: orgServer }, mfa, "push"), 400, "invalid_grant");
  });
});

describe('guide step "Set up your authorization server": an access policy that does not allow the flow', () => {
  it("no rule in the policy assigned to the client", async () => {
    const t = await orgWith(without(custom, (r) => r.type === OKTA.serverPolicyRule), "otp", "default");
    expectOAuthError(await otpGrant(t), 403, "access_denied", OKTA_SAYS.policyDenied);
  });

  it("no policy assigned to the client: the server's Default Policy Rule lacks the direct auth grants", async () => {
    const t = await orgWith(without(custom, (r) => r.type === OKTA.serverPolicy || r.type === OKTA.serverPolicyRule), "otp", "default");
    expectOAuthError(await otpGrant(t), 403, "access_denied", OKTA_SAYS.policyDenied);
  });

  it("the client left out of clientWhitelists", async () => {
    const edited = withInputs(custom, accessPolicy(), (i) => ({ ...i, clientWhitelists: [appOf(custom, "otp").clientId] }));
    const t = await orgWith(edited, "mfa-oob-okta-verify", "default");
    expectOAuthError(await passwordGrant(t), 403, "access_denied", OKTA_SAYS.policyDenied);
  });

  it("the rule without the variant's grant", async () => {
    const edited = withInputs(custom, accessRule(), (i) => ({
      ...i,
      grantTypeWhitelists: (i.grantTypeWhitelists as string[]).filter((g) => g !== GRANT.otp),
    }));
    expectOAuthError(await otpGrant(await orgWith(edited, "otp", "default")), 403, "access_denied", OKTA_SAYS.policyDenied);
  });

  it("the rule without groupWhitelists (nobody)", async () => {
    const edited = withInputs(custom, accessRule(), ({ groupWhitelists: _, ...i }) => i);
    expectOAuthError(await otpGrant(await orgWith(edited, "otp", "default")), 403, "access_denied", OKTA_SAYS.policyDenied);
  });

  it("the rule without a requested scope", async () => {
    const edited = withInputs(custom, accessRule(), (i) => ({ ...i, scopeWhitelists: ["openid"] }));
    expectOAuthError(await otpGrant(await orgWith(edited, "otp", "default")), 403, "access_denied", OKTA_SAYS.policyDenied);
  });
});
