import { OktaVerifyMode } from "../catalogue/oktaVerify";
import { PolicyEvidence } from "./policyEvidence";
import { VariantId } from "../catalogue/variants";
import type { OktaManagementClient } from "../orgSettings/managementClient";

/** One variant to check and the app (client) it runs against. */
export interface SmokeTarget {
  variant: VariantId;
  /** App integration name, used in diagnoses. */
  app: string;
  clientId: string;
  /** Grant types the stack declared for the app; lets a diagnosis tell drift from a missing declaration. */
  grantTypes?: string[];
}

export type CodeChannel = "sms" | "voice" | "email";

/** Where the code a human would receive comes from: the emulator's outbox, or a prompt. */
export type CodeSource = (request: { channel: CodeChannel; login: string; sentAfter: Date }) => Promise<string | undefined>;

export interface ProgressEvent {
  variant: string;
  step: string;
  detail?: string;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface SmokeOptions {
  issuer: string;
  targets: SmokeTarget[];
  username: string;
  password?: string;
  /** Base32 secret of the test user's Google Authenticator enrollment. */
  totpSecret?: string;
  /** Phone channel for the phone variants; default sms. */
  channel?: "sms" | "voice";
  /** The kind of org the stack was written for (its `oktaVerify` output), for the keys diagnoses name. */
  oktaVerify?: OktaVerifyMode;
  /** Default "openid profile". */
  scope?: string;
  /** Show binding numbers and countdowns meant for a person at the keyboard. */
  interactive?: boolean;
  /**
   * Supplies the codes of sms/voice/email flows. Whoever can read those codes (a person, the
   * emulator's outbox) can also approve a push, so with a code source or `interactive` a push is
   * awaited to the end instead of stopping at the first `authorization_pending`.
   */
  codeSource?: CodeSource;
  /** Per HTTP request, default 10 000. */
  requestTimeoutMs?: number;
  /** Retries after a 429, default 2. */
  maxRetries?: number;
  /** Longest wait for a rate limit to reset before giving up, default 60 000. */
  maxRateLimitWaitMs?: number;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Management API access to the issuer's own org (read-only scopes suffice): adds Okta's policy
   * simulation of the test user's sign-in to every app.
   */
  management?: OktaManagementClient;
  /**
   * Reads the org after Okta refuses with "Policy evaluation failed", to say which policy refused;
   * without it the diagnosis names every candidate.
   */
  evidence?: PolicyEvidence;
  /** Time source for polling and rate-limit waits; tests inject a fake one. */
  clock?: Clock;
  fetch?: typeof fetch;
}

export type SmokeStatus = "pass" | "wired" | "fail" | "skipped";

/** What the policy simulation said of a variant's app (src/smoke/policyCheck.ts). */
export interface PolicyVerdict {
  verified: boolean;
  /** `verified`, or what is wrong naming the policy, the rule and the guide step, or why it was not simulated. */
  text: string;
  /** The simulation could not run for this target (no such user or app): not a finding about the policy. */
  notSimulated?: boolean;
}

export interface SmokeResult {
  variant: string;
  app: string;
  status: SmokeStatus;
  /** The last step reached: where it failed, or where it stopped for a human. */
  step: string;
  /** Why it failed, why it stopped at `wired`, or why it was skipped; one sentence. */
  diagnosis?: string;
  /** What the server asked for that the check did otherwise (e.g. polled slower than asked); one sentence each. */
  notices?: string[];
  /** With management credentials: what Okta's policy simulation said of the app's policies. */
  policy?: PolicyVerdict;
  /** HTTP requests this variant sent to the authorization server (retries and polls included). */
  requests: number;
  ms: number;
}

export interface SmokeReport {
  issuer: string;
  results: SmokeResult[];
}

/** Steps of the flows, as they appear in results and progress lines. */
export type Step =
  | "setup"
  | "discovery"
  | "jwks"
  | "password"
  | "primary-authenticate"
  | "challenge"
  | "otp"
  | "poll"
  | "code"
  | "token"
  | "id-token";
