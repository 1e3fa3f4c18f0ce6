import { describe, expect, it } from "vitest";
import { ManagementApiError } from "../../src/emulator/errors";
import { parseSearch, searchHolds } from "../../src/emulator/management/searchExpression";
import { fieldOf } from "../../src/emulator/management/listQuery";

const ADA = {
  id: "00u1",
  status: "ACTIVE",
  created: "2022-03-04T10:00:00.000Z",
  profile: { login: "ada@example.com", firstName: "Ada", lastName: "Lovelace", array123: ["feature", "bug"], age: 36, admin: true, nickName: null },
};

const holds = (expression: string, json: unknown = ADA) => searchHolds(parseSearch(expression, "search"), (path) => fieldOf(json, path));

function refusal(expression: string, parameter: "filter" | "search" = "search"): ManagementApiError {
  try {
    parseSearch(expression, parameter);
  } catch (error) {
    return error as ManagementApiError;
  }
  throw new Error(`accepted: ${expression}`);
}

describe("Okta's search expressions", () => {
  it("compare strings without regard to case, by eq, ne, sw and co", () => {
    expect(holds('profile.login eq "ADA@example.com"')).toBe(true);
    expect(holds('profile.login eq "ada@example"')).toBe(false);
    expect(holds('profile.lastName ne "Lovelace"')).toBe(false);
    expect(holds('profile.lastName ne "Byron"')).toBe(true);
    expect(holds('profile.lastName sw "love"')).toBe(true);
    expect(holds('profile.lastName sw "lace"')).toBe(false);
    expect(holds('profile.lastName co "vela"')).toBe(true);
    expect(holds('profile.lastName co "xyz"')).toBe(false);
  });

  it("order dates by instant and numbers by value", () => {
    expect(holds('created gt "2021-01-01T00:00:00.000Z"')).toBe(true);
    expect(holds('created lt "2021-01-01T00:00:00.000Z"')).toBe(false);
    expect(holds('created ge "2022-03-04T10:00:00.000Z"')).toBe(true);
    expect(holds('created le "2022-03-04T09:59:59.999Z"')).toBe(false);
    expect(holds('created gt "2022-03-04T11:00:00.000+02:00"')).toBe(true);
    expect(holds("profile.age gt 9")).toBe(true);
    expect(holds("profile.age le 35")).toBe(false);
  });

  it("treat eq on a list-valued attribute as contains", () => {
    expect(holds('profile.array123 eq "feature"')).toBe(true);
    expect(holds('profile.array123 eq "other"')).toBe(false);
    expect(holds('profile.array123 ne "feature"')).toBe(false);
  });

  it("read booleans, null and presence", () => {
    expect(holds("profile.admin eq true")).toBe(true);
    expect(holds("profile.admin eq false")).toBe(false);
    expect(holds("profile.nickName eq null")).toBe(true);
    expect(holds("profile.nickName pr")).toBe(false);
    expect(holds("profile.firstName pr")).toBe(true);
    expect(holds("profile.missing pr")).toBe(false);
  });

  it("bind and tighter than or, and follow parentheses", () => {
    expect(holds('profile.lastName eq "Jones" or profile.lastName eq "Lovelace"')).toBe(true);
    expect(holds('status eq "STAGED" and profile.lastName eq "x" or profile.firstName eq "Ada"')).toBe(true);
    expect(holds('status eq "STAGED" and (profile.lastName eq "x" or profile.firstName eq "Ada")')).toBe(false);
    expect(holds('profile.array123 eq "feature" and (created gt "2021-01-01T00:00:00.000Z")')).toBe(true);
    expect(holds('((status EQ "ACTIVE")) AND profile.firstName Sw "a"')).toBe(true);
  });

  it("read escaped quotes inside a string", () => {
    expect(holds('profile.firstName eq "Say \\"hi\\""', { profile: { firstName: 'Say "hi"' } })).toBe(true);
  });

  it("refuse what Okta cannot read with E0000031, naming the parameter's syntax", () => {
    for (const bad of [
      'not (status eq "ACTIVE")',
      'status eq "ACTIVE" and',
      '(status eq "ACTIVE"',
      'status eq "ACTIVE")',
      'status eq "unterminated',
      "status eq ACTIVE",
      'status like "A"',
      'status eq "A" xor id eq "b"',
      '"status" eq "A"',
      "",
    ]) {
      const error = refusal(bad);
      expect(error, bad).toBeInstanceOf(ManagementApiError);
      expect(error.status).toBe(400);
      expect(error.body()).toMatchObject({ errorCode: "E0000031", errorSummary: "Invalid search criteria.", errorCauses: [{ errorSummary: "Invalid search syntax." }] });
    }
    expect(refusal("status eq", "filter").body()).toMatchObject({ errorCauses: [{ errorSummary: "Invalid filter syntax." }] });
  });
});
