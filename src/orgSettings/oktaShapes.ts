/** The parts of Okta's management API objects the org-settings code reads and writes. */
export type LifecycleStatus = "ACTIVE" | "INACTIVE";
export type EnrollSetting = "OPTIONAL" | "REQUIRED" | "NOT_ALLOWED";

export interface OktaAuthenticator {
  id: string;
  key: string;
  name: string;
  status: LifecycleStatus;
}

export interface OktaAuthenticatorMethod {
  type: string;
  status: LifecycleStatus;
}

export interface EnrollmentPolicy {
  id: string;
  system?: boolean;
  settings: { type?: string; authenticators?: { key: string; enroll: { self: EnrollSetting } }[] };
  [other: string]: unknown;
}
