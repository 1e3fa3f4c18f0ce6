import { MAX_BODY_BYTES, readTextUpTo } from "../http/boundedBody";
import { transportProblem } from "../http/transport";
import { fail, ProblemError } from "./problem";
import { Clock } from "./types";

export interface HttpClientOptions {
  clock: Clock;
  timeoutMs: number;
  /** Retries after a 429; the first attempt is not a retry. */
  maxRetries: number;
  /** A rate limit that resets later than this is reported instead of waited out. */
  maxRateLimitWaitMs: number;
  fetch?: typeof fetch;
  onRateLimited?: (info: { owner: string; path: string; waitMs: number; retry: number }) => void;
}

/** Counts what one variant (or the run's shared discovery and JWKS) sent, to compare with the protocol minimum. */
export interface RequestTally {
  count: number;
  /** The variant, or `*` for the run: names the line that reports a rate-limit wait. */
  owner: string;
}

export interface JsonResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export function checkTransport(url: string): void {
  const problem = transportProblem(url);
  if (problem) fail("insecure_url", { detail: { url: safeUrl(url), reason: problem } });
}

/** Origin and path only: query strings may carry a login and are never needed in a message. */
export function safeUrl(url: string, base?: string): string {
  try {
    const parsed = new URL(url, base);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

const TLS_ERROR = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i;

/**
 * The only door to the network: per-request timeout, bounded 429 retries that honour
 * `Retry-After` / `X-Rate-Limit-Reset`, no redirects (a redirect could leave TLS or the org),
 * JSON-only answers of at most 1 MiB. Every attempt is counted.
 */
export class HttpClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HttpClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  getJson(url: string, tally: RequestTally): Promise<JsonResponse> {
    return this.send(url, { method: "GET", headers: { Accept: "application/json" } }, tally);
  }

  postForm(url: string, form: Record<string, string | undefined>, tally: RequestTally): Promise<JsonResponse> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) if (value !== undefined) body.set(key, value);
    return this.send(
      url,
      {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: body.toString(),
      },
      tally,
    );
  }

  private async send(url: string, init: RequestInit, tally: RequestTally): Promise<JsonResponse> {
    checkTransport(url);
    const path = pathOf(url);
    for (let retry = 0; ; retry++) {
      tally.count++;
      const { response, text } = await this.attempt(url, init, path);
      if (response.status === 429) {
        const waitMs = rateLimitWaitMs(response.headers, this.options.clock.now(), retry);
        if (retry >= this.options.maxRetries || waitMs > this.options.maxRateLimitWaitMs) {
          fail("rate_limited", { status: 429, detail: { path, retries: retry, resetSeconds: Math.ceil(waitMs / 1000) } });
        }
        this.options.onRateLimited?.({ owner: tally.owner, path, waitMs, retry: retry + 1 });
        await this.options.clock.sleep(waitMs);
        continue;
      }
      return { status: response.status, body: parseJson(response, text, path), headers: response.headers };
    }
  }

  private async attempt(url: string, init: RequestInit, path: string): Promise<{ response: Response; text: string }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      const response = await this.fetchImpl(url, { ...init, redirect: "manual", signal: controller.signal });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        fail("redirect", { status: response.status, detail: { path, location: safeUrl(response.headers.get("location") ?? "", url) } });
      }
      // The timeout covers the body too: a server that stalls mid-body must not hang the run.
      const text = await readTextUpTo(response, MAX_BODY_BYTES);
      if (text === undefined) fail("too_large", { status: response.status, detail: { path, limitBytes: MAX_BODY_BYTES } });
      return { response, text };
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      if (controller.signal.aborted) fail("timeout", { detail: { path, timeoutMs: this.options.timeoutMs } });
      const cause = causeCode(error);
      fail(TLS_ERROR.test(cause) ? "tls" : "network", { detail: { path, host: hostOf(url), cause } });
    } finally {
      clearTimeout(timer);
    }
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function causeCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? "unknown error";
}

function parseJson(response: Response, text: string, path: string): unknown {
  const contentType = (response.headers.get("content-type") ?? "").toLowerCase();
  const mediaType = contentType.split(";")[0].trim();
  const isJson = mediaType === "application/json" || mediaType.endsWith("+json");
  if (!isJson) {
    fail(mediaType === "text/html" || /^\s*<(!doctype|html)/i.test(text) ? "html" : "not_json", {
      status: response.status,
      detail: { path, contentType: mediaType || "none" },
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    fail("invalid_json", { status: response.status, detail: { path } });
  }
}

/**
 * How long to wait after a 429. `Retry-After` (seconds or a date) wins; Okta's
 * `X-Rate-Limit-Reset` is epoch seconds on the server's clock, so it is read against the
 * response's `Date` when there is one. Without either, back off 1 s, 2 s, 4 s, ...
 */
export function rateLimitWaitMs(headers: Headers, nowMs: number, retry: number): number {
  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  const reset = Number(headers.get("x-rate-limit-reset"));
  if (headers.get("x-rate-limit-reset") !== null && Number.isFinite(reset)) {
    const serverNow = Date.parse(headers.get("date") ?? "");
    const reference = Number.isNaN(serverNow) ? nowMs : serverNow;
    return Math.max(0, reset * 1000 - reference);
  }
  return 1000 * 2 ** retry;
}
