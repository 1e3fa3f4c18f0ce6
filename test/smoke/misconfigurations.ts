import { GRANT } from "../../src/catalogue/grants";
import { VariantId } from "../../src/catalogue/variants";
import { EmulatorOptions, RunningEmulator } from "../../src/emulator";
import { DeclaredResource } from "../../src/evaluate/evaluateProgram";
import { SmokeOptions } from "../../src/smoke/types";
import { managementEvidence, resourceNamed } from "./emulatorHarness";

const APP = (slug: string) => `direct-auth-direct-auth-${slug}`;
const RULE = (slug: string) => `direct-auth-direct-auth-${slug}-policy-test-user-rule`;
const SETTINGS = "direct-auth-authenticators-org-settings";

function withoutGrant(resources: DeclaredResource[], app: string, grant: string): void {
  const r = resourceNamed(resources, app);
  r.inputs.grantTypes = (r.inputs.grantTypes as string[]).filter((g) => g !== grant);
}

function authenticatorSettings(resources: DeclaredResource[]): { key: string; methods: string[]; allowedFor?: string }[] {
  return resourceNamed(resources, SETTINGS).inputs.authenticators as { key: string; methods: string[]; allowedFor?: string }[];
}

export interface Misconfiguration {
  case: string;
  variant: VariantId;
  /** Breaks the declared setup before the emulator starts. */
  edit?: (resources: DeclaredResource[]) => DeclaredResource[] | void;
  emulator?: Partial<EmulatorOptions>;
  /** Breaks what the smoke check is told instead (wrong client, password, ...). */
  smoke?: (emulator: RunningEmulator) => Partial<SmokeOptions>;
  step: string;
  guideStep?: string;
  diagnosis: RegExp;
}

/**
 * Every failure of docs/direct-auth-reference.md#errors the emulator can be configured into, and what the smoke must
 * say.
 */
export const MISCONFIGURATIONS: Misconfiguration[] = [
  {
    case: "MFA app without the password grant",
    variant: "mfa-otp",
    edit: (rs) => withoutGrant(rs, APP("mfa-otp"), GRANT.password),
    step: "password",
    guideStep: "Set up your app",
    diagnosis: /the app `Direct Auth MFA OTP` does not allow the `password` grant: the stack declares it, so the org has drifted/,
  },
  {
    case: "OTP app without the otp grant",
    variant: "otp",
    edit: (rs) => withoutGrant(rs, APP("otp"), GRANT.otp),
    step: "otp",
    guideStep: "Set up your app",
    diagnosis: /does not allow the `urn:okta:params:oauth:grant-type:otp` grant/,
  },
  {
    case: "push app without the oob grant",
    variant: "oob-okta-verify",
    edit: (rs) => withoutGrant(rs, APP("okta-verify-push"), GRANT.oob),
    step: "primary-authenticate",
    guideStep: "Set up your app",
    diagnosis: /does not allow the `urn:okta:params:oauth:grant-type:oob` grant/,
  },
  {
    case: "MFA phone app without the mfa-oob grant (its 2FA policy needs one)",
    variant: "mfa-oob-phone",
    edit: (rs) => withoutGrant(rs, APP("mfa-phone"), GRANT.mfaOob),
    step: "password",
    guideStep: "Set up the authentication policy",
    diagnosis: /asks for a factor whose grant type the app does not allow/,
  },
  {
    case: "app not assigned to Everyone",
    variant: "oob-email",
    edit: (rs) => rs.filter((r) => r.name !== `${APP("email")}-everyone`),
    step: "primary-authenticate",
    guideStep: "Set up your app",
    diagnosis: /is not assigned to the app `Direct Auth Email`: select "Allow everyone/,
  },
  {
    case: "no rule for the test user (catch-all DENY)",
    variant: "otp",
    edit: (rs) => rs.filter((r) => r.name !== RULE("otp")),
    step: "otp",
    guideStep: "Set up the authentication policy",
    diagnosis: /no policy rule lets `direct-auth-tester@example.com` use the `urn:okta:params:oauth:grant-type:otp` grant on `Direct Auth OTP`: make rule `1Factor`.*let the global session policy start a session with any factor/,
  },
  {
    case: "no rule for the test user, with management reads: the session policy allows it, so the app sign-in policy",
    variant: "otp",
    edit: (rs) => rs.filter((r) => r.name !== RULE("otp")),
    smoke: (e) => ({ evidence: managementEvidence(e) }),
    step: "otp",
    guideStep: "Set up the authentication policy",
    diagnosis: /no policy rule lets .* \(management API reads find no refusal by the global session policy, so the app sign-in policy refuses\): make rule `1Factor`/,
  },
  {
    case: "1FA rule on an MFA app",
    variant: "mfa-oob-okta-verify",
    edit: (rs) => {
      const rule = resourceNamed(rs, RULE("mfa-okta-verify-push"));
      rule.inputs.factorMode = "1FA";
      rule.inputs.constraints = [];
    },
    step: "password",
    guideStep: "Set up the authentication policy",
    diagnosis: /password alone signed .* so its rule never asks for the second factor: make rule `2 MFA OOB Factor` ask for "Password \+ Another factor"/,
  },
  {
    case: "2FA rule on a primary-factor app that also has an MFA grant",
    variant: "oob-phone",
    edit: (rs) => {
      const rule = resourceNamed(rs, RULE("phone"));
      rule.inputs.factorMode = "2FA";
      const app = resourceNamed(rs, APP("phone"));
      app.inputs.grantTypes = [...(app.inputs.grantTypes as string[]), GRANT.mfaOob];
    },
    step: "token",
    guideStep: "Set up the authentication policy",
    diagnosis: /`oob-phone` is a primary-factor flow but `Direct Auth Phone` asks for a second factor/,
  },
  {
    case: "Google Authenticator never added to the org",
    variant: "otp",
    edit: (rs) => {
      const settings = resourceNamed(rs, SETTINGS);
      settings.inputs.authenticators = authenticatorSettings(rs).filter((a) => a.key !== "google_otp");
      return rs.filter((r) => r.name !== "direct-auth-authenticators-google-otp");
    },
    step: "otp",
    guideStep: "Enable authenticators for your org",
    diagnosis: /Google Authenticator \(`google_otp`\) cannot be used by `direct-auth-tester@example.com`: make it ACTIVE/,
  },
  {
    case: "Email left for recovery only, as a fresh org ships it",
    variant: "oob-email",
    edit: (rs) => {
      for (const a of authenticatorSettings(rs)) delete a.allowedFor;
    },
    step: "primary-authenticate",
    guideStep: "Enable authenticators for your org",
    diagnosis: /Email \(`okta_email`\) with its `email` method cannot be used by .*: set Email's "Used for" to "Authentication and recovery"/,
  },
  {
    case: "Okta Verify push method left inactive",
    variant: "mfa-oob-okta-verify",
    edit: (rs) => {
      for (const a of authenticatorSettings(rs)) if (a.key === "okta_verify") a.methods = [];
    },
    step: "challenge",
    guideStep: "Enable authenticators for your org",
    diagnosis: /Okta Verify \(`okta_verify`\) with its `push` method cannot be used by .*: make it ACTIVE with that method/,
  },
  {
    case: "voice asked for, but only sms is active",
    variant: "oob-phone",
    smoke: () => ({ channel: "voice" }),
    step: "primary-authenticate",
    guideStep: "Enable authenticators for your org",
    diagnosis: /Phone \(`phone_number`\) with its `voice` method cannot be used.*okta-direct-auth:phoneChannels/,
  },
  {
    case: "no global session policy for the test user",
    variant: "oob-email",
    edit: (rs) => rs.filter((r) => !r.type.startsWith("okta:policy/")),
    step: "primary-authenticate",
    guideStep: "Set up the authentication policy",
    diagnosis: /no policy rule lets .* use the `urn:okta:params:oauth:grant-type:oob` grant on `Direct Auth Email`: .*let the global session policy start a session with any factor/,
  },
  {
    case: "no global session policy for the test user, with management reads",
    variant: "oob-email",
    edit: (rs) => rs.filter((r) => !r.type.startsWith("okta:policy/")),
    smoke: (e) => ({ evidence: managementEvidence(e) }),
    step: "primary-authenticate",
    guideStep: "Set up the authentication policy",
    diagnosis:
      /the global session policy does not let .* start a session with Email alone \(global session policy "Default Policy", rule "Default Rule" starts sessions with PASSWORD_IDP only; found by management API reads\).*PASSWORD_IDP_ANY_FACTOR/,
  },
  {
    case: "wrong client ID",
    variant: "otp",
    smoke: () => ({ targets: [{ variant: "otp", app: "Direct Auth OTP", clientId: "0oaDOESNOTEXIST00000" }] }),
    step: "otp",
    guideStep: "Set up your app",
    diagnosis: /knows no client `0oaDOESNOTEXIST00000`/,
  },
  {
    case: "wrong password",
    variant: "mfa-otp",
    smoke: () => ({ password: "not-the-password-1A!" }),
    step: "password",
    diagnosis: /Okta refused the password of `direct-auth-tester@example.com`.*OKTA_SMOKE_PASSWORD/,
  },
  {
    case: "wrong TOTP secret",
    variant: "otp",
    smoke: () => ({ totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" }),
    step: "otp",
    diagnosis: /the TOTP code for .* was refused.*OKTA_SMOKE_TOTP_SECRET/,
  },
  {
    case: "unknown user",
    variant: "oob-email",
    smoke: () => ({ username: "nobody@example.com" }),
    step: "primary-authenticate",
    diagnosis: /Okta knows no user `nobody@example.com`/,
  },
  {
    case: "push rejected on the device",
    variant: "oob-okta-verify",
    emulator: { push: { outcome: "reject", afterPolls: 1, bindingMethod: "none" } },
    step: "poll",
    diagnosis: /the push to .* was rejected on the device/,
  },
  {
    case: "push never answered before the code expires",
    variant: "mfa-oob-okta-verify",
    emulator: { push: { outcome: "never", afterPolls: 0, bindingMethod: "none" }, oobExpiresInSeconds: 1 },
    step: "poll",
    diagnosis: /nobody approved the push within its 1 s/,
  },
  {
    case: "wrong issuer (no such custom authorization server)",
    variant: "otp",
    smoke: (e) => ({ issuer: e.issuer("ausDOESNOTEXIST00000") }),
    step: "discovery",
    guideStep: "Set up your authorization server",
    diagnosis: /there is no OpenID configuration under `http:\/\/127\.0\.0\.1:\d+\/oauth2\/ausDOESNOTEXIST00000`/,
  },
];
