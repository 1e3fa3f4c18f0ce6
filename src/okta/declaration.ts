import { EnrollSetting } from "./status";

/**
 * What a program declared for an org, in the terms both sides share: the program's evaluation is
 * one, and the emulator builds an org from one without knowing how it was made.
 */
export interface Declaration {
  resources: readonly DeclaredObject[];
  /** The lookups (data sources) the program made, with their arguments. */
  invokes: readonly { token: string; args: Record<string, unknown> }[];
  outputs: Record<string, unknown>;
  /** Secret outputs in clear text; a Map so that JSON.stringify never reveals them. */
  secretOutputs: ReadonlyMap<string, unknown>;
}

export interface DeclaredObject {
  /** Type token (src/okta/resourceTypes.ts). */
  type: string;
  name: string;
  /** The id the offline org gave it; other objects' inputs refer to it by this id. */
  id?: string;
  inputs: Record<string, unknown>;
  state: Record<string, unknown>;
}

/**
 * The program's dynamic resources share one type token; `settingsKind` in their inputs tells them
 * apart: the org-wide authenticator settings, and each app sign-in policy's catch-all access.
 */
export const SETTINGS_KIND = "authenticator-settings";
export const CATCH_ALL_KIND = "catch-all-rule";

/** One authenticator's entry in the org-settings resource's inputs. */
export interface DeclaredAuthenticatorSetting {
  key: string;
  methods?: string[];
  enroll?: EnrollSetting;
  allowedFor?: string;
}
