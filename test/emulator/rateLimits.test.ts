import { afterEach, describe, expect, it } from "vitest";
import { RunningEmulator, startOktaEmulator } from "../../src/emulator";
import { CONCURRENCY_LIMIT, RateLimiter, bucketOf } from "../../src/emulator/rateLimit";
import { expectOktaError } from "./support/expectations";
import { getJson, sleep } from "./support/http";

const TOKEN = "rate-limit-token";
const MINUTE = 60_000;
/** 10:00:00 UTC on some day: the top of a minute. */
const TOP = Date.UTC(2026, 0, 5, 10, 0, 0);

describe("Okta's endpoint groups", () => {
  it.each([
    ["POST", "/api/v1/apps", "/api/v1/apps"],
    ["GET", "/api/v1/apps", "/api/v1/apps"],
    ["PUT", "/api/v1/apps/0oa1/policies/rst1", "/api/v1/apps"],
    ["POST", "/api/v1/apps/0oa1/lifecycle/deactivate", "/api/v1/apps"],
    ["PUT", "/api/v1/apps/0oa1/groups/00g1", "/api/v1/apps"],
    ["GET", "/api/v1/apps/0oa1", "/api/v1/apps/{id}"],
    ["DELETE", "/api/v1/apps/0oa1", "/api/v1/apps/{id}"],
    ["GET", "/api/v1/groups/00g1", "/api/v1/groups/{id}"],
    ["GET", "/api/v1/groups/00g1/users", "/api/v1/groups"],
    ["GET", "/api/v1/users/00u1", "/api/v1/users/{id}"],
    ["POST", "/api/v1/users/00u1", "/api/v1/users"],
    ["GET", "/api/v1/authorizationServers/aus1/policies", "/api/v1/authorizationServers"],
    ["GET", "/api/v1/policies", "/api/v1"],
    ["POST", "/oauth2/v1/token", "/oauth2/v1/token"],
    ["POST", "/oauth2/aus1/v1/token", "/oauth2/v1/token"],
    ["POST", "/oauth2/v1/challenge", "/oauth2"],
    ["GET", "/.well-known/okta-organization", "other"],
  ])("%s %s counts in %s", (method, path, bucket) => {
    expect(bucketOf(method, path).name).toBe(bucket);
  });
});

describe("per-minute buckets", () => {
  it("admit the edition's limit per clock minute, then answer limited until the top of the next minute", () => {
    const limiter = new RateLimiter("developer-free");
    for (let i = 0; i < 20; i++) expect(limiter.admit("POST", "/api/v1/apps", TOP + 1000 + i).limited).toBe(false);
    const refused = limiter.admit("PUT", "/api/v1/apps/0oa1/policies/rst1", TOP + 30_000);
    expect(refused).toEqual({
      limited: true,
      headers: { "X-Rate-Limit-Limit": "20", "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": String((TOP + MINUTE) / 1000) },
    });
    // Another bucket is untouched; the next minute starts afresh.
    expect(limiter.admit("GET", "/api/v1/apps/0oa1", TOP + 30_000).headers["X-Rate-Limit-Remaining"]).toBe("99");
    expect(limiter.admit("POST", "/api/v1/apps", TOP + MINUTE).headers).toMatchObject({ "X-Rate-Limit-Remaining": "19" });
  });

  it("size each bucket by edition", () => {
    const enterprise = new RateLimiter("enterprise");
    for (let i = 0; i < 100; i++) expect(enterprise.admit("POST", "/api/v1/apps", TOP).limited).toBe(false);
    expect(enterprise.admit("POST", "/api/v1/apps", TOP).limited).toBe(true);
    expect(new RateLimiter("workforce-identity").admit("POST", "/oauth2/v1/token", TOP).headers["X-Rate-Limit-Limit"]).toBe("4000");
  });

  it("only report when told not to enforce", () => {
    const reported = new RateLimiter("developer-free", false);
    for (let i = 0; i < 30; i++) expect(reported.admit("POST", "/api/v1/apps", TOP).limited).toBe(false);
    expect(reported.admit("POST", "/api/v1/apps", TOP).headers["X-Rate-Limit-Remaining"]).toBe("0");
  });

  it("refuse a request beyond the edition's concurrency limit with Okta's zeroed headers", () => {
    const limiter = new RateLimiter("developer-free");
    for (let i = 0; i < CONCURRENCY_LIMIT["developer-free"]; i++) {
      expect(limiter.admit("GET", "/api/v1/groups", TOP).limited).toBe(false);
      limiter.started();
    }
    const over = limiter.admit("GET", "/api/v1/groups", TOP);
    expect(over.limited).toBe(true);
    expect(over.headers).toMatchObject({ "X-Rate-Limit-Limit": "0", "X-Rate-Limit-Remaining": "0" });
    limiter.finished();
    expect(limiter.admit("GET", "/api/v1/groups", TOP).limited).toBe(false);
  });
});

describe("the org over HTTP", () => {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  const get = (path: string) => getJson(`${emulator!.url}${path}`, { authorization: `SSWS ${TOKEN}` });

  it("answers the free edition's 21st app call of a minute 429 E0000047, headers naming the apps bucket, no Retry-After", async () => {
    emulator = await startOktaEmulator({ apiToken: TOKEN });
    // 21 calls must fall in one clock minute: start clear of its end.
    if (Date.now() % MINUTE > MINUTE - 5000) await sleep(MINUTE - (Date.now() % MINUTE) + 100);
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push(await get("/api/v1/apps"));
    expect(answers.slice(0, 20).map((a) => a.status)).toEqual(Array(20).fill(200));
    const refused = answers[20];
    expectOktaError(refused, 429, "E0000047");
    expect(refused.headers.get("x-rate-limit-limit")).toBe("20");
    expect(refused.headers.get("x-rate-limit-remaining")).toBe("0");
    expect(Number(refused.headers.get("x-rate-limit-reset")) % 60).toBe(0);
    expect(refused.headers.get("retry-after")).toBeNull();
    expect((await get("/api/v1/groups")).headers.get("x-rate-limit-limit")).toBe("100");
  }, 15_000);

  it("answers the free edition's 36th simultaneous request 429 with zeroed headers", async () => {
    emulator = await startOktaEmulator({ apiToken: TOKEN });
    emulator.injectFault({ kind: "slow", path: "/api/v1/users", delayMs: 400, times: 40 });
    const answers = await Promise.all(Array.from({ length: 36 }, () => get("/api/v1/users")));
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(1);
    expect(refused[0].headers.get("x-rate-limit-limit")).toBe("0");
  });

  it("lets an enterprise org take the calls the free edition refuses", async () => {
    emulator = await startOktaEmulator({ apiToken: TOKEN, edition: "enterprise" });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await get("/api/v1/apps")).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});
