import { beforeAll, describe, expect, it } from "vitest";
import { EVERYONE_GROUP_ID } from "../../src/okta/ids";
import { Declared, declared } from "../helpers/declared";
import { TESTER } from "../helpers/stackConfig";
import { LOOKUP, OKTA } from "../helpers/tokens";

const sorted = (items: unknown[]) => [...(items as string[])].sort();

// Each variant's own app is checked row by row in directAuthSetup.test.ts.
describe("native apps of several variants (reference: native app)", () => {
  let stack: Declared;
  beforeAll(async () => {
    stack = await declared({ variants: ["otp", "mfa-oob-phone", "oob-email"], testUser: TESTER, redirectUri: "com.acme.app:/oauth" });
  });

  it("share one Everyone lookup, each app with an Everyone assignment of its own", () => {
    expect(stack.lookups(LOOKUP.everyoneGroup)).toHaveLength(1);
    const assignments = stack.all(OKTA.groupAssignment);
    expect(sorted(assignments.map((a) => a.inputs.appId))).toEqual(sorted(stack.all(OKTA.app).map((a) => a.id)));
    for (const a of assignments) expect(a.inputs.groupId).toBe(EVERYONE_GROUP_ID);
  });

  it("use the configured redirect URI", () => {
    for (const app of stack.all(OKTA.app)) expect(app.inputs.redirectUris).toEqual(["com.acme.app:/oauth"]);
  });

  it("answer the authorization code flow with a code, as a native app does", () => {
    for (const app of stack.all(OKTA.app)) expect(app.inputs.responseTypes).toEqual(["code"]);
  });

  it("each authenticate with a policy of their own", () => {
    const policies = stack.all(OKTA.app).map((a) => a.inputs.authenticationPolicy);
    expect(sorted(policies)).toEqual(sorted(stack.all(OKTA.appSignOnPolicy).map((p) => p.id)));
  });
});
