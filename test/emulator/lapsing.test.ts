import { describe, expect, it } from "vitest";
import { LapsingMap } from "../../src/emulator/lapsing";
import { ServiceApps } from "../../src/emulator/oauth/serviceApps";
import { RateLimiter } from "../../src/emulator/rateLimit";
import { Transactions } from "../../src/emulator/transactions";

const T0 = Date.UTC(2026, 0, 1);

describe("what the emulator remembers per request lapses, as Okta's does", () => {
  it("answers an entry until its time and forgets it after", () => {
    const map = new LapsingMap<string>(100);
    map.set("a", "kept", T0 + 1000, T0);
    expect(map.get("a", T0 + 999)).toBe("kept");
    expect(map.get("a", T0 + 1000)).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it("sweeps lapsed entries nobody asks for again, and drops the oldest beyond its cap", () => {
    const map = new LapsingMap<number>(1000);
    for (let i = 0; i < 5000; i++) map.set(`old${i}`, i, T0 + 1000, T0);
    expect(map.size).toBe(1000);
    expect(map.get("old3999", T0)).toBeUndefined();
    expect(map.get("old4999", T0)).toBe(4999);
    for (let i = 0; i < 300; i++) map.set(`new${i}`, i, T0 + 10_000, T0 + 2000);
    expect(map.size).toBe(300);
  });

  it("keeps an expired oob_code long enough to answer it expired, then forgets it", () => {
    const transactions = new Transactions();
    const fields = { clientId: "c", serverKey: "", userId: "u", channel: "sms" as const, bindingMethod: "none" as const };
    const first = transactions.newOob({ ...fields, expiresAt: Date.now() - 1 });
    expect(transactions.oob.get(first.code)).toBe(first);
    for (let i = 0; i < 30_000; i++) transactions.newOob({ ...fields, expiresAt: Date.now() + 300_000 });
    expect(transactions.oob.size).toBeLessThanOrEqual(10_000);
    expect(transactions.oob.get(first.code)).toBeUndefined();
  });

  it("forgets mfa_tokens ten minutes after their expires_in", () => {
    const transactions = new Transactions();
    const mfa = transactions.newMfa({ clientId: "c", serverKey: "", userId: "u", scopes: [], factors: [], expiresAt: T0 });
    expect(transactions.mfa.get(mfa.token, T0 + 9 * 60_000)).toBe(mfa);
    expect(transactions.mfa.get(mfa.token, T0 + 10 * 60_000)).toBeUndefined();
  });

  it("remembers a used jti until its proof leaves its window, and holds no more than its cap", () => {
    const apps = new ServiceApps();
    const until = Date.now() + 60_000;
    expect(apps.useJti("replayed", until)).toBe(true);
    expect(apps.useJti("replayed", until)).toBe(false);
    expect(apps.useJti("lapsed", Date.now() - 1)).toBe(true);
    expect(apps.useJti("lapsed", Date.now() + 60_000)).toBe(true);
    for (let i = 0; i < 30_000; i++) apps.useJti(`jti${i}`, until);
    const firstNonce = apps.newNonce();
    expect(apps.knowsNonce(firstNonce)).toBe(true);
    for (let i = 0; i < 30_000; i++) apps.newNonce();
    expect(apps.knowsNonce(firstNonce)).toBe(false);
    expect(apps.useJti("jti29999", until)).toBe(false);
  });

  it("counts rate limits per bucket for a minute; made-up paths share one bucket, so the count stays small", () => {
    const limiter = new RateLimiter("developer-free");
    expect(limiter.admit("GET", "/api/v1/apps", T0).headers["X-Rate-Limit-Remaining"]).toBe("19");
    expect(limiter.admit("GET", "/api/v1/apps/0oa1", T0 + 1).headers["X-Rate-Limit-Remaining"]).toBe("99");
    for (let i = 0; i < 30_000; i++) limiter.admit("GET", `/made-up-${i}`, T0 + 2);
    expect(limiter.buckets).toBe(3);
  });
});
