const LIMIT_PER_MINUTE = 600;
const WINDOW_MS = 60_000;
/** Families counted at most; requests to made-up paths each start one, so lapsed ones are dropped. */
const MAX_FAMILIES = 1000;

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
      this.windows.delete(bucket);
      this.windows.set(bucket, window);
      this.forgetOld(nowMs);
    }
    window.count++;
    return {
      "X-Rate-Limit-Limit": String(LIMIT_PER_MINUTE),
      "X-Rate-Limit-Remaining": String(Math.max(0, LIMIT_PER_MINUTE - window.count)),
      "X-Rate-Limit-Reset": String(Math.ceil((window.start + WINDOW_MS) / 1000)),
    };
  }

  get families(): number {
    return this.windows.size;
  }

  /** Windows are kept oldest first: lapsed ones go, then the oldest beyond the cap. */
  private forgetOld(nowMs: number): void {
    for (const [bucket, window] of this.windows) {
      if (nowMs - window.start < WINDOW_MS && this.windows.size <= MAX_FAMILIES) break;
      this.windows.delete(bucket);
    }
  }
}
