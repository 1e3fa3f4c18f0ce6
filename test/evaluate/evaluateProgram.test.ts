import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/configError";
import { SECRET_MASK, evaluateProgram } from "../../src/evaluate/evaluateProgram";
import { defineDirectAuthProgram } from "../../src/program";
import { OKTA } from "../helpers/tokens";

const config = {
  "okta:orgName": "dev-1",
  "okta-direct-auth:variants": JSON.stringify(["otp"]),
  "okta-direct-auth:testUser": JSON.stringify({ login: "tester@example.com", create: true }),
};

describe("evaluateProgram", () => {
  it("records each resource with the component (guide step) it sits under", async () => {
    const evaluation = await evaluateProgram({ stack: "dev", config, program: defineDirectAuthProgram });
    const app = evaluation.resources.find((r) => r.type === OKTA.app)!;
    expect(app.parentType).toBe("okta-direct-auth:apps:NativeApp");
    expect(app.state.clientId).toMatch(/^0oa[0-9A-Za-z]{17}$/);
  });

  it("masks secret inputs and outputs but keeps secret outputs readable in memory", async () => {
    const evaluation = await evaluateProgram({ stack: "dev", config, program: defineDirectAuthProgram });
    const user = evaluation.resources.find((r) => r.type === OKTA.user)!;
    expect(user.inputs.password).toBe(SECRET_MASK);
    expect(evaluation.outputs.testUserPassword).toBe(SECRET_MASK);
    const password = evaluation.secretOutputs.get("testUserPassword");
    expect(typeof password).toBe("string");
    expect(JSON.stringify(evaluation)).not.toContain(password as string);
  });

  it("exports the URL the provider talks to as the issuer: okta:httpProxy when set (issue 17, defect 3)", async () => {
    const proxied = { ...config, "okta:httpProxy": "http://127.0.0.1:43121" };
    const orgAs = await evaluateProgram({ stack: "dev", config: proxied, program: defineDirectAuthProgram });
    expect(orgAs.outputs.issuer).toBe("http://127.0.0.1:43121");
    const customAs = { ...proxied, "okta-direct-auth:authorizationServer": "default" };
    const custom = await evaluateProgram({ stack: "dev", config: customAs, program: defineDirectAuthProgram });
    expect(custom.outputs.issuer).toMatch(/^http:\/\/127\.0\.0\.1:43121\/oauth2\/\w+$/);
  });

  it("gives the same ids on every evaluation so plans and emulators agree", async () => {
    const first = await evaluateProgram({ stack: "dev", config, program: defineDirectAuthProgram });
    const second = await evaluateProgram({ stack: "dev", config, program: defineDirectAuthProgram });
    expect(second.outputs.apps).toEqual(first.outputs.apps);
  });

  it("refuses an org name that is not a hostname label instead of making it the issuer", async () => {
    const hostile = { ...config, "okta:orgName": "evil.example.com/#" };
    const evaluation = evaluateProgram({ stack: "dev", config: hostile, program: defineDirectAuthProgram });
    await expect(evaluation).rejects.toThrow(ConfigError);
    await expect(evaluation).rejects.toThrow(/okta:orgName: "evil\.example\.com\/#" is not an org subdomain/);
  });
});
