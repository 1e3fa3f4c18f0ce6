import { AUTHENTICATORS, PASSWORD_AUTHENTICATOR_KEY } from "../catalogue/authenticators";
import { CLASSIC_OKTA_VERIFY_KEY, FLEXIBLE_OKTA_VERIFY_KEYS } from "../catalogue/oktaVerify";
import { EnrollSetting, LifecycleStatus } from "../okta/status";

/** The org before the declared setup is applied (docs/okta-emulator.md). */
export interface OrgBaseline {
  /** Listed authenticators exist; one not listed was never enabled and is absent from the list API. */
  authenticators: {
    key: string;
    name: string;
    status: LifecycleStatus;
    methods?: Record<string, LifecycleStatus>;
    /** Names of other policies using it; deactivation is refused while they do. */
    usedByPolicies?: string[];
    /** Replaces the settings Okta gives the key in a fresh org (e.g. Email's `allowedFor`). */
    settings?: Record<string, unknown>;
  }[];
  /** The default MFA_ENROLL policy, by authenticator key. */
  enrollment: Record<string, EnrollSetting>;
}

interface AuthenticatorKind {
  name: string;
  /** Okta's authenticator `type` for the key. */
  type: string;
  /** Methods an authenticator has when it is first added to an org. */
  methods: Record<string, LifecycleStatus>;
  /** `settings` as Okta answers them for an org that never changed them; absent when Okta sends none. */
  settings?: Record<string, unknown>;
  /** Okta links where a user enrolls it (`_links.enroll`): Okta Verify and custom apps. */
  enrollable?: boolean;
  /** An org may add many under this key, each with its own id, name and settings (custom apps). */
  repeatable?: boolean;
  /** `settings` of a method as Okta answers them for an org that never changed them, by method type. */
  methodSettings?: Record<string, Record<string, unknown>>;
  /** Okta links the authenticator's custom AAGUIDs (`_links.aaguids`): WebAuthn only. */
  aaguids?: boolean;
}

/**
 * What Okta gives each authenticator key the emulator knows, settings as a fresh Identity Engine org
 * lists them (terraform-provider-okta cassette TestAccDataSourceOktaAuthenticator_read/oie-00): Email
 * is for recovery only until an admin picks "Authentication and recovery" (`allowedFor: any`).
 */
export const AUTHENTICATOR_KINDS: Readonly<Record<string, AuthenticatorKind>> = {
  [PASSWORD_AUTHENTICATOR_KEY]: { name: "Password", type: "password", methods: { password: "ACTIVE" } },
  okta_email: {
    name: AUTHENTICATORS.okta_email.name,
    type: "email",
    methods: { email: "ACTIVE" },
    settings: { allowedFor: "recovery", tokenLifetimeInMinutes: 5 },
  },
  okta_verify: {
    name: AUTHENTICATORS.okta_verify.name,
    type: "app",
    methods: { push: "INACTIVE", totp: "ACTIVE", signed_nonce: "ACTIVE" },
    settings: {
      compliance: { fips: "OPTIONAL" },
      channelBinding: { style: "NUMBER_CHALLENGE", required: "NEVER" },
      userVerification: "PREFERRED",
      userVerificationMethods: ["BIOMETRICS", "PIN"],
      appInstanceId: "",
    },
    enrollable: true,
  },
  // Flexible Okta Verify: one authenticator per classic Okta Verify method.
  okta_verify_push: { name: AUTHENTICATORS.okta_verify_push.name, type: "app", methods: { push: "ACTIVE" }, enrollable: true },
  okta_verify_totp: { name: "Okta Verify TOTP", type: "app", methods: { totp: "ACTIVE" }, enrollable: true },
  okta_verify_fastpass: { name: "Okta FastPass", type: "app", methods: { signed_nonce: "ACTIVE" }, enrollable: true },
  google_otp: { name: AUTHENTICATORS.google_otp.name, type: "app", methods: { otp: "ACTIVE" }, settings: {} },
  phone_number: {
    name: AUTHENTICATORS.phone_number.name,
    type: "phone",
    methods: { sms: "ACTIVE", voice: "INACTIVE" },
    settings: { allowedFor: "any" },
  },
  // Okta's defaults: user verification DISCOURAGED, any attachment (Okta's authenticator API reference).
  webauthn: {
    name: "Security Key or Biometric",
    type: "security_key",
    methods: { webauthn: "ACTIVE" },
    methodSettings: { webauthn: { userVerification: "DISCOURAGED", attachment: "ANY" } },
    aaguids: true,
  },
  // The admin's own app with Okta's Devices SDK; its settings and push provider are what the create sends.
  custom_app: { name: "Custom App", type: "app", methods: { push: "ACTIVE" }, enrollable: true, repeatable: true },
  security_question: {
    name: "Security Question",
    type: "security_question",
    methods: { security_question: "ACTIVE" },
    settings: { allowedFor: "recovery" },
  },
};

/**
 * The kind of an authenticator key the emulator knows; undefined for any other, including the
 * names every object inherits (`constructor`, `__proto__`, `toString`), which a plain lookup finds.
 */
export function authenticatorKind(key: string): AuthenticatorKind | undefined {
  return Object.hasOwn(AUTHENTICATOR_KINDS, key) ? AUTHENTICATOR_KINDS[key] : undefined;
}

function fresh(key: string, status: LifecycleStatus): OrgBaseline["authenticators"][number] {
  return { key, name: AUTHENTICATOR_KINDS[key].name, status, methods: { ...AUTHENTICATOR_KINDS[key].methods } };
}

/**
 * A fresh Identity Engine org: password, email (for recovery only) and the security question on,
 * Okta Verify on without push, Phone there but INACTIVE (as Okta lists it), Google Authenticator
 * never enabled (absent from the list API).
 */
export const DEFAULT_BASELINE: OrgBaseline = {
  authenticators: [
    fresh(PASSWORD_AUTHENTICATOR_KEY, "ACTIVE"),
    fresh("okta_email", "ACTIVE"),
    fresh("okta_verify", "ACTIVE"),
    fresh("phone_number", "INACTIVE"),
    fresh("security_question", "ACTIVE"),
  ],
  enrollment: { [PASSWORD_AUTHENTICATOR_KEY]: "REQUIRED", okta_email: "REQUIRED", okta_verify: "OPTIONAL", phone_number: "NOT_ALLOWED" },
};

/**
 * The same org with Flexible Okta Verify on (`npm run emulator -- --flexible-okta-verify`): Okta
 * Verify's TOTP and FastPass are authenticators of their own, ACTIVE and enrollable as the classic
 * one was; push, off in a fresh org, is an INACTIVE `okta_verify_push` that cannot be enrolled yet.
 */
export const FLEXIBLE_BASELINE: OrgBaseline = {
  authenticators: [
    ...DEFAULT_BASELINE.authenticators.filter((a) => a.key !== CLASSIC_OKTA_VERIFY_KEY),
    fresh(FLEXIBLE_OKTA_VERIFY_KEYS.totp, "ACTIVE"),
    fresh(FLEXIBLE_OKTA_VERIFY_KEYS.signed_nonce, "ACTIVE"),
    fresh(FLEXIBLE_OKTA_VERIFY_KEYS.push, "INACTIVE"),
  ],
  enrollment: {
    ...Object.fromEntries(Object.entries(DEFAULT_BASELINE.enrollment).filter(([key]) => key !== CLASSIC_OKTA_VERIFY_KEY)),
    [FLEXIBLE_OKTA_VERIFY_KEYS.totp]: "OPTIONAL",
    [FLEXIBLE_OKTA_VERIFY_KEYS.signed_nonce]: "OPTIONAL",
    [FLEXIBLE_OKTA_VERIFY_KEYS.push]: "NOT_ALLOWED",
  },
};
