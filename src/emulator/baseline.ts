import { AUTHENTICATORS, PASSWORD_AUTHENTICATOR_KEY } from "../catalogue/authenticators";
import { LifecycleStatus, OrgBaseline } from "./types";

interface AuthenticatorKind {
  name: string;
  /** Okta's authenticator `type` for the key. */
  type: string;
  /** Methods an authenticator has when it is first added to an org. */
  methods: Record<string, LifecycleStatus>;
}

/** What Okta gives each authenticator key the emulator knows. */
export const AUTHENTICATOR_KINDS: Record<string, AuthenticatorKind> = {
  [PASSWORD_AUTHENTICATOR_KEY]: { name: "Password", type: "password", methods: { password: "ACTIVE" } },
  okta_email: { name: AUTHENTICATORS.okta_email.name, type: "email", methods: { email: "ACTIVE" } },
  okta_verify: {
    name: AUTHENTICATORS.okta_verify.name,
    type: "app",
    methods: { push: "INACTIVE", totp: "ACTIVE", signed_nonce: "ACTIVE" },
  },
  google_otp: { name: AUTHENTICATORS.google_otp.name, type: "app", methods: { otp: "ACTIVE" } },
  phone_number: { name: AUTHENTICATORS.phone_number.name, type: "phone", methods: { sms: "ACTIVE", voice: "INACTIVE" } },
};

/**
 * A fresh Identity Engine org: password and email on, Okta Verify on without push, Phone there
 * but INACTIVE (as Okta lists it), Google Authenticator never enabled (absent from the list API).
 */
export const DEFAULT_BASELINE: OrgBaseline = {
  authenticators: [
    ...[PASSWORD_AUTHENTICATOR_KEY, "okta_email", "okta_verify"].map((key) => ({
      key,
      name: AUTHENTICATOR_KINDS[key].name,
      status: "ACTIVE" as const,
      methods: { ...AUTHENTICATOR_KINDS[key].methods },
    })),
    {
      key: "phone_number",
      name: AUTHENTICATOR_KINDS.phone_number.name,
      status: "INACTIVE",
      methods: { ...AUTHENTICATOR_KINDS.phone_number.methods },
    },
  ],
  enrollment: { [PASSWORD_AUTHENTICATOR_KEY]: "REQUIRED", okta_email: "REQUIRED", okta_verify: "OPTIONAL", phone_number: "NOT_ALLOWED" },
};
