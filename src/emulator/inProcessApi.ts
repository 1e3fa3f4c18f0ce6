import { OktaVerifyMode } from "../catalogue/oktaVerify";
import { Declaration } from "../okta/declaration";
import { OrgBaseline } from "./baseline";
import { Fault } from "./faults";
import type { Org } from "./orgModel";
import { ServiceAppRegistration } from "./oauth/serviceApps";
import { RecordedRequest } from "./server";
import { PushOptions } from "./state";
import type { Edition } from "./rateLimit";

/** What `startOktaEmulator` takes and gives back (docs/okta-emulator.md#in-process-api-srcemulatorindexts). */
export interface EmulatorOptions {
  /**
   * What the program declared (its evaluation), placed in the org directly; without it the org is
   * fresh, for the management API to configure.
   */
  evaluation?: Declaration;
  testUserPassword?: string;
  baseline?: OrgBaseline;
  /** Without a baseline: "flexible" starts an org with Flexible Okta Verify on (FLEXIBLE_BASELINE). */
  oktaVerify?: OktaVerifyMode;
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

