import { describe, expect, it } from "vitest";
import { systemClock } from "../../src/smoke/clock";
import { fail, ProblemError, problemOf } from "../../src/smoke/problem";

describe("problems", () => {
  it("carry the code and status in their message, never the server's text", () => {
    const withStatus = new ProblemError({ code: "invalid_grant", status: 400, description: "password=hunter2 is wrong" });
    expect(withStatus.message).toBe("invalid_grant (HTTP 400)");
    expect(withStatus.name).toBe("ProblemError");
    expect(new ProblemError({ code: "timeout" }).message).toBe("timeout");
    expect(() => fail("no_id_token", { status: 200 })).toThrow(new ProblemError({ code: "no_id_token", status: 200 }));
  });

  it("turn anything else thrown into an internal error named by its kind only", () => {
    const problem = { code: "network", detail: { host: "dev-1.okta.com" } };
    expect(problemOf(new ProblemError(problem))).toBe(problem);
    expect(problemOf(new TypeError("token abc.def.ghi is bad"))).toEqual({ code: "internal_error", detail: { name: "TypeError" } });
    expect(problemOf(null)).toEqual({ code: "internal_error", detail: { name: "Error" } });
  });
});

describe("the system clock", () => {
  it("tells the time and sleeps, a negative wait as none", async () => {
    const before = Date.now();
    expect(systemClock.now()).toBeGreaterThanOrEqual(before);
    await expect(systemClock.sleep(-1000)).resolves.toBeUndefined();
    const started = performance.now();
    await systemClock.sleep(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(Date.now() - before).toBeLessThan(1000);
  });
});
