import { Answer, jsonAnswer } from "./answer";
import { INTERNAL_ERROR, RATE_LIMITED, oktaErrorBody } from "./errors";
import { IdTokenDefect } from "./oauth/idTokenDefects";

export type Fault =
  | { kind: "rate-limit"; path?: string; times?: number; resetSeconds?: number }
  | { kind: "slow-down"; times?: number }
  | { kind: "expire"; what: "oob_code" | "mfa_token" }
  | { kind: "server-error"; path?: string; times?: number }
  | { kind: "html"; path?: string; times?: number }
  | { kind: "slow"; path?: string; delayMs: number; times?: number }
  /** What a hostile or broken org hands out; see `IdTokenDefect`. */
  | { kind: "id-token"; defect: IdTokenDefect; times?: number };

export type RequestFault = Extract<Fault, { kind: "rate-limit" | "server-error" | "html" | "slow" }>;

interface Pending {
  fault: RequestFault;
  remaining: number;
}

/** Injected faults waiting for the requests they hit; each is used up after `times` (default 1). */
export class FaultQueue {
  private readonly pending: Pending[] = [];
  private slowDowns = 0;
  private readonly idTokenDefects: IdTokenDefect[] = [];

  add(fault: RequestFault | Extract<Fault, { kind: "slow-down" | "id-token" }>): void {
    const times = fault.times ?? 1;
    if (fault.kind === "slow-down") this.slowDowns += times;
    else if (fault.kind === "id-token") this.idTokenDefects.push(...Array<IdTokenDefect>(times).fill(fault.defect));
    else this.pending.push({ fault, remaining: times });
  }

  /** The first pending defect of the ID token about to be minted, or of the JWKS about to be served. */
  takeIdTokenDefect(servedWith: "token" | "jwks"): IdTokenDefect | undefined {
    const index = this.idTokenDefects.findIndex((d) => (d === "jwks-without-kid") === (servedWith === "jwks"));
    return index === -1 ? undefined : this.idTokenDefects.splice(index, 1)[0];
  }

  /** The first fault whose `path` ends the request path (or that has none), used up by this request. */
  takeFor(path: string): RequestFault | undefined {
    const index = this.pending.findIndex((p) => !p.fault.path || path.endsWith(p.fault.path));
    if (index === -1) return undefined;
    const entry = this.pending[index];
    if (--entry.remaining <= 0) this.pending.splice(index, 1);
    return entry.fault;
  }

  takeSlowDown(): boolean {
    if (this.slowDowns === 0) return false;
    this.slowDowns--;
    return true;
  }
}

/** What a fault answers instead of the endpoint; `slow` answers normally, later. */
export function faultAnswer(fault: Exclude<RequestFault, { kind: "slow" }>, nowMs: number): Answer {
  switch (fault.kind) {
    case "rate-limit": {
      // Okta sends no Retry-After: clients wait until X-Rate-Limit-Reset, read against this Date.
      const resetSeconds = Math.max(0, Math.ceil(fault.resetSeconds ?? 1));
      return jsonAnswer(429, oktaErrorBody(RATE_LIMITED.code, RATE_LIMITED.summary), {
        Date: new Date(nowMs).toUTCString(),
        "X-Rate-Limit-Limit": "600",
        "X-Rate-Limit-Remaining": "0",
        "X-Rate-Limit-Reset": String(Math.floor(nowMs / 1000) + resetSeconds),
      });
    }
    case "server-error":
      return jsonAnswer(500, oktaErrorBody(INTERNAL_ERROR.code, INTERNAL_ERROR.summary));
    case "html":
      return { status: 200, contentType: "text/html; charset=utf-8", body: PROXY_PAGE, headers: {} };
  }
}

/** What a captive portal or corporate proxy puts where JSON was expected. */
const PROXY_PAGE = `<!DOCTYPE html>
<html><head><title>Network access</title></head>
<body><h1>Sign in to continue</h1><p>This network requires you to accept the terms of use.</p></body></html>
`;
