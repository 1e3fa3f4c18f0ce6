import { Declaration } from "../okta/declaration";
import { EnrollSetting, LifecycleStatus } from "../okta/status";
import type { Org } from "./orgModel";
import { ServiceAppRegistration } from "./oauth/serviceApps";
import type { Edition } from "./rateLimit";

export type { EnrollSetting, LifecycleStatus };

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

export interface PushOptions {
  outcome: "approve" | "reject" | "never";
  /** Polls answered `authorization_pending` before the simulated user acts. */
  afterPolls: number;
  bindingMethod: "none" | "transfer";
}

export interface EmulatorOptions {
  /**
   * What the program declared (its evaluation), placed in the org directly; without it the org is
   * fresh, for the management API to configure.
   */
  evaluation?: Declaration;
  testUserPassword?: string;
  baseline?: OrgBaseline;
  push?: PushOptions;
  /** `interval` answered for push; fractions and 0 are accepted for tests. */
  pollIntervalSeconds?: number;
  oobExpiresInSeconds?: number;
  mfaTokenExpiresInSeconds?: number;
  apiToken?: string;
  /** 127.0.0.1 port to listen on; default 0, one the OS picks. */
  port?: number;
  /** A saved org (the emulator command's --state) served as it is, instead of baseline + evaluation. */
  org?: Org;
  /** Keep `requests`; a long-running emulator turns it off so memory stays flat. Default true. */
  recordRequests?: boolean;
  onAnswered?: (request: RecordedRequest) => void;
  /** Service apps that may get DPoP-bound management API tokens with private_key_jwt. */
  serviceApps?: ServiceAppRegistration[];
  /** The org's edition, which sizes its rate limits; default "developer-free". */
  edition?: Edition;
  /** "enforced" (default) answers 429 past a limit; "reported" only reports the headers (tests not about limits). */
  rateLimits?: "enforced" | "reported";
}

export interface TestUserCredentials {
  login: string;
  password: string;
  totpSecret: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
}

export interface RunningEmulator {
  url: string;
  issuer(authServerId?: string): string;
  /** In memory only, never logged. The declared test user; in a fresh org, its administrator. */
  testUser: TestUserCredentials;
  /** Any user of the org by login (those created through the API too), read through as `testUser`. */
  user(login: string): TestUserCredentials | undefined;
  outboxUrl: string;
  injectFault(fault: Fault): void;
  requests: RecordedRequest[];
  /** The live org, for saving it (the emulator command's --state); not for editing behind the API's back. */
  org: Org;
  close(): Promise<void>;
}

export type Fault =
  | { kind: "rate-limit"; path?: string; times?: number; resetSeconds?: number }
  | { kind: "slow-down"; times?: number }
  | { kind: "expire"; what: "oob_code" | "mfa_token" }
  | { kind: "server-error"; path?: string; times?: number }
  | { kind: "html"; path?: string; times?: number }
  | { kind: "slow"; path?: string; delayMs: number; times?: number }
  /** What a hostile or broken org hands out; see `IdTokenDefect`. */
  | { kind: "id-token"; defect: IdTokenDefect; times?: number };

/**
 * How the next ID token (or, for `jwks-without-kid`, the next JWKS) is broken: signed by another
 * key under the real `kid`, issued by another issuer, for another audience, authorized for another
 * party (`azp`), already expired, unsigned (`alg: none`), or with its key missing from the JWKS.
 */
export type IdTokenDefect =
  | "bad-signature"
  | "wrong-issuer"
  | "wrong-audience"
  | "wrong-azp"
  | "expired"
  | "alg-none"
  | "jwks-without-kid";
