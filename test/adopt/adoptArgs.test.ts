import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args/usageError";
import { parseAdoptArgs } from "../../src/cli/adopt";

describe("npm run adopt arguments", () => {
  it("reads the org and the stack name", () => {
    expect(parseAdoptArgs(["--org", "https://dev-1.okta.com", "--stack", "dev", "--json"])).toMatchObject({
      stack: "dev",
      json: true,
      force: false,
      org: new URL("https://dev-1.okta.com"),
    });
    expect(parseAdoptArgs(["--org", "http://127.0.0.1:8080"])).toMatchObject({ stack: "adopted" });
  });

  it.each([
    [[], /--org URL is required/],
    [["--org", "dev-1.okta.com"], /must be a URL/],
    [["--org", "http://dev-1.okta.com"], /must be https/],
    [["--org", "https://dev-1.okta.com", "--stack", "../x"], /stack name/],
    [["--org", "https://dev-1.okta.com", "--bogus"], /unknown option --bogus/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseAdoptArgs(argv)).toThrow(UsageError);
    expect(() => parseAdoptArgs(argv)).toThrow(message);
  });

  it("refuses credentials in --org without repeating them", () => {
    let message = "";
    try {
      parseAdoptArgs(["--org", "https://admin:hunter2@dev-1.okta.com"]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/must not carry credentials/);
    expect(message).not.toMatch(/hunter2|admin/);
  });
});
