const LIMIT_PER_MINUTE = 600;
const WINDOW_MS = 60_000;

/**
 * Okta's `X-Rate-Limit-*` headers, counted per endpoint family and minute. Only reported: a 429
 * comes from an injected fault, so long benchmark runs never trip over it by accident.
 */
export class RateLimitCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  headersFor(path: string, nowMs: number): Record<string, string> {
    const bucket = path.split("/").slice(0, 4).join("/");
    let window = this.windows.get(bucket);
    if (!window || nowMs - window.start >= WINDOW_MS) {
      window = { start: nowMs, count: 0 };
      this.windows.set(bucket, window);
    }
    window.count++;
    return {
      "X-Rate-Limit-Limit": String(LIMIT_PER_MINUTE),
      "X-Rate-Limit-Remaining": String(Math.max(0, LIMIT_PER_MINUTE - window.count)),
      "X-Rate-Limit-Reset": String(Math.ceil((window.start + WINDOW_MS) / 1000)),
    };
  }
}
