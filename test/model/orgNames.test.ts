import { describe, expect, it } from "vitest";
import { orgNames } from "../../src/model/orgNames";

describe("orgNames", () => {
  it("names the session group and policy after the stack by default", () => {
    expect(orgNames({}, "dev")).toEqual({
      sessionGroup: "Direct Auth test users (dev)",
      sessionPolicy: "Direct Auth 1FA sessions (dev)",
      sessionRule: "Any factor (dev)",
    });
  });

  it("keeps each name the stack sets, and defaults only the others", () => {
    expect(orgNames({ sessionGroup: "Testers", sessionRule: "Passwordless" }, "prod")).toEqual({
      sessionGroup: "Testers",
      sessionPolicy: "Direct Auth 1FA sessions (prod)",
      sessionRule: "Passwordless",
    });
    expect(orgNames({ sessionPolicy: "Ours" }, "prod")).toMatchObject({ sessionPolicy: "Ours", sessionGroup: "Direct Auth test users (prod)" });
  });
});
