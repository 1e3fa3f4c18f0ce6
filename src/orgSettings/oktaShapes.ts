import type { AllowedFor } from "../catalogue/authenticators";
import type { EnrollSetting, LifecycleStatus } from "../okta/status";

/** The parts of Okta's management API objects the org-settings code reads and writes. */
export type { EnrollSetting, LifecycleStatus };
export type { AllowedFor };

export interface OktaAuthenticator {
  id: string;
  key: string;
  name: string;
  type?: string;
  status: LifecycleStatus;
  /** Per key; Email's and Phone's `allowedFor` is the console's "Used for". */
  settings?: { allowedFor?: AllowedFor; [other: string]: unknown };
}

export interface OktaAuthenticatorMethod {
  type: string;
  status: LifecycleStatus;
}

export interface OktaEnrollmentPolicy {
  id: string;
  system?: boolean;
  settings: { type?: string; authenticators?: { key: string; enroll: { self: EnrollSetting } }[] };
  [other: string]: unknown;
}
