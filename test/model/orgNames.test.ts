import { describe, expect, it } from "vitest";
import { orgNames } from "../../src/model/orgNames";

describe("orgNames", () => {
  it("names the session group and policy and the access policy after the stack by default", () => {
    expect(orgNames({}, "dev")).toEqual({
      sessionGroup: "Direct Auth test users (dev)",
      sessionPolicy: "Direct Auth 1FA sessions (dev)",
      authorizationServerPolicy: "Direct Auth (dev)",
    });
  });

  it("keeps each name the stack sets, and defaults only the others", () => {
    expect(orgNames({ sessionGroup: "Testers", authorizationServerPolicy: "Apps" }, "prod")).toEqual({
      sessionGroup: "Testers",
      sessionPolicy: "Direct Auth 1FA sessions (prod)",
      authorizationServerPolicy: "Apps",
    });
    expect(orgNames({ sessionPolicy: "Ours" }, "prod")).toEqual({
      sessionGroup: "Direct Auth test users (prod)",
      sessionPolicy: "Ours",
      authorizationServerPolicy: "Direct Auth (prod)",
    });
  });
});
