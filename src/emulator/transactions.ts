import { randomInt } from "node:crypto";
import { FactorKind, OobChannel } from "./factors";
import { opaqueToken } from "./opaqueToken";

/** What a refresh token stands for: who it was issued to, for what, and the factors the user proved. */
export interface RefreshGrant {
  clientId: string;
  serverKey: string;
  userId: string;
  scopes: string[];
  factors: FactorKind[];
}

/** What the password (or a 2FA-short primary) leg proved, waiting for the second factor. */
export interface MfaTransaction {
  token: string;
  clientId: string;
  serverKey: string;
  userId: string;
  scopes: string[];
  factors: FactorKind[];
  expiresAt: number;
  /** Wrong codes given with this token; Okta allows a few. */
  failures?: number;
}

/** An out-of-band challenge in flight: a push to approve, or a code sent by SMS, voice or email. */
export interface OobTransaction {
  code: string;
  clientId: string;
  serverKey: string;
  userId: string;
  channel: OobChannel;
  bindingMethod: "none" | "transfer" | "prompt";
  /** The number shown (transfer) or the code sent (prompt). */
  bindingCode?: string;
  expiresAt: number;
  polls: number;
  lastPollAt?: number;
  /** Set for challenges made through `/challenge`, which only the MFA grant may redeem. */
  mfaToken?: string;
  /** Wrong binding codes given for this challenge; Okta allows a few. */
  failures?: number;
}

/** Expiry is checked when a code is used, so nothing here runs on a timer. */
export class Transactions {
  readonly mfa = new Map<string, MfaTransaction>();
  readonly oob = new Map<string, OobTransaction>();
  readonly refresh = new Map<string, RefreshGrant>();

  newMfa(fields: Omit<MfaTransaction, "token">): MfaTransaction {
    const transaction = { ...fields, token: opaqueToken() };
    this.mfa.set(transaction.token, transaction);
    return transaction;
  }

  newOob(fields: Omit<OobTransaction, "code" | "polls">): OobTransaction {
    const transaction = { ...fields, code: opaqueToken(), polls: 0 };
    this.oob.set(transaction.code, transaction);
    return transaction;
  }

  expireAll(what: "oob_code" | "mfa_token", nowMs: number): void {
    for (const transaction of (what === "oob_code" ? this.oob : this.mfa).values()) transaction.expiresAt = nowMs;
  }
}


/** The two-digit number Okta Verify asks the user to tap. */
export function transferBindingCode(): string {
  return String(randomInt(10, 100));
}

export function promptBindingCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}
