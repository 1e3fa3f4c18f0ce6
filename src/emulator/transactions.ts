import { randomInt } from "node:crypto";
import { FactorKind, OobChannel } from "./factors";
import { LapsingMap } from "./lapsing";
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

/**
 * An expired mfa_token or oob_code is kept this long after its `expires_in`, so that its use is
 * answered "expired" (as Okta does) rather than "invalid"; then it is forgotten.
 */
const EXPIRED_KEPT_MS = 10 * 60_000;
/** Okta's default refresh token: unlimited lifetime, but lapses when unused for 7 days. */
const REFRESH_IDLE_MS = 7 * 24 * 3600_000;
/** Live entries of each kind kept at most; beyond, the oldest go first. */
const MAX_LIVE = 10_000;

/** Expiry is checked when a code is used; lapsed entries are swept as new ones arrive, never on a timer. */
export class Transactions {
  readonly mfa = new LapsingMap<MfaTransaction>(MAX_LIVE);
  readonly oob = new LapsingMap<OobTransaction>(MAX_LIVE);
  readonly refresh = new LapsingMap<RefreshGrant>(MAX_LIVE);

  newMfa(fields: Omit<MfaTransaction, "token">): MfaTransaction {
    const transaction = { ...fields, token: opaqueToken() };
    this.mfa.set(transaction.token, transaction, transaction.expiresAt + EXPIRED_KEPT_MS);
    return transaction;
  }

  newOob(fields: Omit<OobTransaction, "code" | "polls">): OobTransaction {
    const transaction = { ...fields, code: opaqueToken(), polls: 0 };
    this.oob.set(transaction.code, transaction, transaction.expiresAt + EXPIRED_KEPT_MS);
    return transaction;
  }

  newRefresh(grant: RefreshGrant, nowMs = Date.now()): string {
    const token = opaqueToken();
    this.refresh.set(token, grant, nowMs + REFRESH_IDLE_MS);
    return token;
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
