import { beforeAll, describe, expect, it } from "vitest";
import { Declared, declared } from "../helpers/declared";
import { TESTER } from "../helpers/stackConfig";
import { SPEC_VARIANTS } from "../helpers/spec";
import { OKTA } from "../helpers/tokens";

// Each variant's own authenticator is checked row by row in directAuthSetup.test.ts.
describe("authenticators of all eight variants (reference: enable the authenticator)", () => {
  const keys = [...new Set(SPEC_VARIANTS.map((row) => row.authenticatorKey))].sort();
  let stack: Declared;
  beforeAll(async () => {
    stack = await declared({ variants: SPEC_VARIANTS.map((row) => row.id), testUser: TESTER, enrollment: "REQUIRED" });
  });

  it("activates each key once, however many variants use it", () => {
    expect(stack.all(OKTA.authenticator).map((a) => a.inputs.key).sort()).toEqual(keys);
    for (const a of stack.all(OKTA.authenticator)) expect(a.inputs.status).toBe("ACTIVE");
  });

  it("sets each key's enrollment once, as configured", () => {
    const settings = stack.enrollment();
    expect(settings.map((s) => s.key).sort()).toEqual(keys);
    for (const s of settings) expect(s.enroll).toBe("REQUIRED");
  });
});
