import type * as Jose from "jose";
import { OktaConnection, describeMissingCredentials } from "../config/connection";
import { fetchOkta, readOktaJson } from "./managementTransport";
import { Redactor } from "../http/redactor";
import { DpopKey, dpopProof, newDpopKey } from "./dpopProof";

/**
 * A management API failure in Okta's error shape; never carries credentials: the client blanks
 * them out of what the server said, in any encoding, before it gets here.
 */
export class OktaApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string | undefined,
    readonly summary: string,
    readonly causes: string[],
  ) {
    super(`Okta answered ${status}${errorCode ? ` ${errorCode}` : ""}: ${summary}${causes.length ? ` (${causes.join("; ")})` : ""}`);
    this.name = "OktaApiError";
  }
}

export interface ClientOptions {
  maxRetries?: number;
  /** Upper bound for one rate-limit wait, so a bad clock or header cannot stall a run. */
  maxWaitMs?: number;
  requestTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Told before each wait after a 429, so a long wait shows as progress. */
  onRateLimited?: (info: { method: string; path: string; waitMs: number }) => void;
}

/** The Date header is whole seconds: up to a second of Okta's clock is missing from it. */
const DATE_PRECISION_MS = 1000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The few management calls the org-settings resources and TOTP enrollment make. Plain fetch keeps
 * it serializable into a Pulumi dynamic provider; 429s are retried after Okta's reset time, bounded.
 */
/** A service app's access token; a DPoP one is only usable with proofs signed by `key`. */
interface ServiceAppSession {
  accessToken: string;
  /** Okta says `token_type: "DPoP"`; a token without a type is a Bearer one. */
  dpop: boolean;
  key: DpopKey;
}

export class OktaManagementClient {
  private session?: Promise<ServiceAppSession>;
  private readonly maxRetries: number;
  private readonly maxWaitMs: number;
  private readonly requestTimeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly onRateLimited?: ClientOptions["onRateLimited"];
  /** The credentials this client sends, and the access token it was given, blanked from every error. */
  private readonly secrets = new Redactor();

  constructor(
    private readonly connection: OktaConnection,
    options: ClientOptions = {},
  ) {
    for (const secret of [connection.apiToken, connection.accessToken, connection.privateKey]) this.secrets.add(secret);
    this.maxRetries = options.maxRetries ?? 4;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.sleep = options.sleep ?? wait;
    this.now = options.now ?? Date.now;
    this.onRateLimited = options.onRateLimited;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>("GET", path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>("POST", path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>("PUT", path, body);
  }

  delete(path: string): Promise<void> {
    return this.request<void>("DELETE", path);
  }

  /**
   * Every page of a list: Okta answers at most `limit` items and links the next page with
   * `Link: <url>; rel="next"`, which is followed only within this org (it carries the credentials).
   */
  async getAll<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    for (let page = 0; next !== undefined; page++) {
      if (page === MAX_PAGES) throw new Error(`more than ${MAX_PAGES} pages of ${path}; narrow the query`);
      const { value, link } = await this.exchange<T[]>("GET", next);
      items.push(...(value ?? []));
      next = nextPageOf(link, this.connection.orgUrl);
    }
    return items;
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.exchange<T>(method, path, body)).value;
  }

  private async exchange<T>(method: string, path: string, body?: unknown): Promise<{ value: T; link: string | null }> {
    const url = new URL(path, this.connection.orgUrl).toString();
    for (let attempt = 0; ; attempt++) {
      const response = await fetchOkta(url, {
        method,
        headers: {
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(await this.authorization(method, url)),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        timeoutMs: this.requestTimeoutMs,
      });
      if (response.status === 429 && attempt < this.maxRetries) {
        const waitMs = this.rateLimitWaitMs(response);
        this.onRateLimited?.({ method, path: new URL(url).pathname, waitMs });
        await this.sleep(waitMs);
        continue;
      }
      if (!response.ok) throw await apiError(response, this.secrets);
      // A 204 has no body, which readOktaJson reads as undefined.
      return { value: (await readOktaJson(response, method, url)) as T, link: response.headers.get("link") };
    }
  }

  /**
   * Okta sends the reset time as epoch seconds on its own clock, so it is measured against the
   * answer's Date header (Okta's clock too): a skewed local clock would otherwise wait up to the
   * bound or not at all. Without a Date header the local clock is all there is. Retry-After, when
   * present, is relative and needs no clock.
   */
  private rateLimitWaitMs(response: Response): number {
    const retryAfter = Number(response.headers.get("retry-after"));
    const reset = Number(response.headers.get("x-rate-limit-reset"));
    const serverNow = Date.parse(response.headers.get("date") ?? "");
    const ms = Number.isFinite(retryAfter) && retryAfter > 0
      ? retryAfter * 1000
      : Number.isFinite(reset) && reset > 0
        ? reset * 1000 - (Number.isFinite(serverNow) ? serverNow : this.now()) + DATE_PRECISION_MS
        : 1000;
    // At least a second: a reset already past would otherwise spend every retry at once.
    return Math.min(Math.max(ms, 1000), this.maxWaitMs);
  }

  /** A DPoP proof is per request (method, URL, fresh jti), retries included. */
  private async authorization(method: string, url: string): Promise<Record<string, string>> {
    const c = this.connection;
    if (c.apiToken) return { authorization: `SSWS ${c.apiToken}` };
    if (c.accessToken) return { authorization: `Bearer ${c.accessToken}` };
    if (c.clientId && c.privateKey) {
      this.session ??= this.serviceAppSession();
      const { accessToken, dpop, key } = await this.session;
      if (!dpop) return { authorization: `Bearer ${accessToken}` };
      return { authorization: `DPoP ${accessToken}`, dpop: await dpopProof(key, method, url, { accessToken }) };
    }
    throw new Error(describeMissingCredentials());
  }

  /**
   * OAuth service app: client credentials with a private_key_jwt assertion (Okta's recommended
   * auth) and a DPoP proof, which Okta requires of new service apps. Okta answers the first proof
   * 400 use_dpop_nonce with a DPoP-Nonce header; the request is sent again with that nonce.
   */
  private async serviceAppSession(): Promise<ServiceAppSession> {
    const c = this.connection;
    const tokenUrl = new URL("/oauth2/v1/token", c.orgUrl).toString();
    // Required at call time, not imported: Pulumi serializes this class into the dynamic provider by
    // value, and a module object it captured (some loaders wrap them) would be copied whole.
    const { SignJWT, importPKCS8 } = require("jose") as typeof Jose;
    const signingKey = await importPKCS8(pkcs8Pem(c.privateKey!), "RS256");
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", ...(c.privateKeyId ? { kid: c.privateKeyId } : {}) })
      .setIssuer(c.clientId!)
      .setSubject(c.clientId!)
      .setAudience(tokenUrl)
      .setIssuedAt()
      .setExpirationTime("5m")
      .setJti(globalThis.crypto.randomUUID())
      .sign(signingKey);
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      scope: (c.scopes ?? []).join(" "),
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
    });
    const key = await newDpopKey();
    let nonce: string | undefined;
    for (;;) {
      const response = await fetchOkta(tokenUrl, {
        method: "POST",
        headers: {
          accept: "application/json",
          "content-type": "application/x-www-form-urlencoded",
          dpop: await dpopProof(key, "POST", tokenUrl, { nonce }),
        },
        body: form,
        timeoutMs: this.requestTimeoutMs,
      });
      const newNonce = response.headers.get("dpop-nonce");
      if (response.status === 400 && newNonce && nonce === undefined) {
        nonce = newNonce;
        continue;
      }
      if (!response.ok) throw await apiError(response, this.secrets);
      const token = (await readOktaJson(response, "POST", tokenUrl)) as { access_token: string; token_type?: string };
      this.secrets.add(token.access_token);
      return { accessToken: token.access_token, dpop: token.token_type?.toLowerCase() === "dpop", key };
    }
  }
}

/** Far beyond any org this project configures; a server that links pages in a circle stops here. */
const MAX_PAGES = 100;

/** The path of the `rel="next"` page; one on another origin is refused rather than silently dropped. */
export function nextPageOf(link: string | null, orgUrl: string): string | undefined {
  for (const part of (link ?? "").split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (!match) continue;
    const next = new URL(match[1], orgUrl);
    if (next.origin !== new URL(orgUrl).origin) {
      throw new Error(`the org linked its next page on ${next.origin}; credentials go to ${new URL(orgUrl).origin} only`);
    }
    return `${next.pathname}${next.search}`;
  }
  return undefined;
}

/**
 * Like the provider, takes the key inline or as a file path, in PKCS#8 or PKCS#1 ("RSA PRIVATE
 * KEY") PEM; jose wants PKCS#8.
 */
export function pkcs8Pem(privateKey: string): string {
  const { createPrivateKey } = require("node:crypto") as typeof import("node:crypto");
  const { readFileSync } = require("node:fs") as typeof import("node:fs");
  const pem = privateKey.includes("-----BEGIN") ? privateKey : readFileSync(privateKey, "utf8");
  return createPrivateKey(pem).export({ format: "pem", type: "pkcs8" }).toString();
}

async function apiError(response: Response, secrets: Redactor): Promise<OktaApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as {
      errorCode?: string;
      errorSummary?: string;
      errorCauses?: { errorSummary?: string }[];
      error?: string;
      error_description?: string;
    };
    const said = (text: unknown) => secrets.redact(String(text));
    return new OktaApiError(
      response.status,
      body.errorCode === undefined && body.error === undefined ? undefined : said(body.errorCode ?? body.error),
      said(body.errorSummary ?? body.error_description ?? response.statusText),
      (body.errorCauses ?? []).map((c) => said(c?.errorSummary ?? "")).filter(Boolean),
    );
  } catch {
    return new OktaApiError(response.status, undefined, `unexpected ${response.headers.get("content-type") ?? "response"}`, []);
  }
}
