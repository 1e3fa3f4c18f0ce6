/**
 * Okta's rate limits as its rate-limit pages document them (docs/okta-emulator.md, "Rate limits"):
 * each request counts in one per-minute bucket of its endpoint group, sized by the org's edition,
 * and the org answers only so many requests at once. Where Okta's older and newer pages differ, the
 * newer wins (the concurrency limit: 35 for the free plan, 75 for the others).
 */

export const EDITIONS = ["developer-free", "one-app", "enterprise", "workforce-identity"] as const;
export type Edition = (typeof EDITIONS)[number];
export const DEFAULT_EDITION: Edition = "developer-free";

/** An endpoint group: what it matches and its per-minute limit in each edition. */
interface Bucket {
  name: string;
  matches: (method: string, path: string) => boolean;
  perMinute: Record<Edition, number>;
}

const per = (free: number, oneApp: number, enterprise: number, workforce: number): Record<Edition, number> => ({
  "developer-free": free,
  "one-app": oneApp,
  enterprise,
  "workforce-identity": workforce,
});

const ID = "[^/]+";
const exactly = (pattern: string) => new RegExp(`^${pattern}$`);
const under = (prefix: string) => new RegExp(`^${prefix}(/|$)`);

/**
 * First match wins. `/api/v1/apps/{id}` alone is its own group; an app's sub-resources (policy
 * assignment, lifecycle, groups, credentials) count with create and list, as Okta's page says.
 */
const BUCKETS: readonly Bucket[] = [
  { name: "/api/v1/apps/{id}", matches: (_m, p) => exactly(`/api/v1/apps/${ID}`).test(p), perMinute: per(100, 500, 500, 500) },
  { name: "/api/v1/apps", matches: (_m, p) => under("/api/v1/apps").test(p), perMinute: per(20, 100, 100, 100) },
  { name: "/api/v1/groups/{id}", matches: (_m, p) => exactly(`/api/v1/groups/${ID}`).test(p), perMinute: per(100, 1000, 1000, 1000) },
  { name: "/api/v1/groups", matches: (_m, p) => under("/api/v1/groups").test(p), perMinute: per(100, 500, 500, 500) },
  { name: "/api/v1/users/{id}", matches: (m, p) => m === "GET" && exactly(`/api/v1/users/${ID}`).test(p), perMinute: per(100, 2000, 2000, 2000) },
  { name: "/api/v1/users", matches: (_m, p) => under("/api/v1/users").test(p), perMinute: per(100, 600, 600, 600) },
  { name: "/api/v1/authorizationServers", matches: (_m, p) => under("/api/v1/authorizationServers").test(p), perMinute: per(100, 1000, 1000, 1000) },
  { name: "/api/v1", matches: (_m, p) => under("/api/v1").test(p), perMinute: per(100, 1200, 1200, 1200) },
  { name: "/oauth2/v1/token", matches: (_m, p) => /^\/oauth2(\/[^/]+)?\/v1\/token$/.test(p), perMinute: per(600, 2000, 2000, 4000) },
  { name: "/oauth2", matches: (_m, p) => under("/oauth2").test(p), perMinute: per(600, 2000, 2000, 4000) },
  { name: "other", matches: () => true, perMinute: per(1000, 3000, 6000, 10000) },
];

/** Simultaneous requests an org answers, by edition (Okta's newer concurrency page). */
export const CONCURRENCY_LIMIT: Record<Edition, number> = per(35, 75, 75, 75);

const WINDOW_MS = 60_000;

export function bucketOf(method: string, path: string): Bucket {
  return BUCKETS.find((b) => b.matches(method, path))!;
}

export function isEdition(value: string): value is Edition {
  return (EDITIONS as readonly string[]).includes(value);
}

/** What the limiter decided for one request: its headers, and whether it is answered 429 instead. */
export interface RateDecision {
  limited: boolean;
  headers: Record<string, string>;
}

/**
 * Counts each request in its bucket's current minute and in the requests in flight. `enforce:
 * false` reports the same headers but never limits (tests that are not about limits).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private inFlight = 0;

  constructor(
    readonly edition: Edition = DEFAULT_EDITION,
    private readonly enforce = true,
  ) {}

  /** Call once per request; a request admitted must be `finish`ed when answered. */
  admit(method: string, path: string, nowMs: number): RateDecision {
    const bucket = bucketOf(method, path);
    const limit = bucket.perMinute[this.edition];
    // Okta's minutes are the clock's: every bucket resets at the top of the minute.
    const minuteStart = Math.floor(nowMs / WINDOW_MS) * WINDOW_MS;
    let window = this.windows.get(bucket.name);
    if (!window || window.start !== minuteStart) {
      window = { start: minuteStart, count: 0 };
      this.windows.set(bucket.name, window);
    }
    const resetSeconds = Math.ceil((window.start + WINDOW_MS) / 1000);
    if (this.enforce && this.inFlight >= CONCURRENCY_LIMIT[this.edition]) {
      // Okta's headers over the concurrency limit: limit and remaining 0, reset within the minute.
      return {
        limited: true,
        headers: { "X-Rate-Limit-Limit": "0", "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": String(Math.ceil(nowMs / 1000) + 1) },
      };
    }
    const limited = this.enforce && window.count >= limit;
    if (!limited) window.count++;
    return {
      limited,
      headers: {
        "X-Rate-Limit-Limit": String(limit),
        "X-Rate-Limit-Remaining": String(Math.max(0, limit - window.count)),
        "X-Rate-Limit-Reset": String(resetSeconds),
      },
    };
  }

  /** Windows counted: one per bucket at most, made-up paths included (they share "other"). */
  get buckets(): number {
    return this.windows.size;
  }

  started(): void {
    this.inFlight++;
  }

  finished(): void {
    this.inFlight--;
  }
}
