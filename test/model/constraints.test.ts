import { describe, expect, it } from "vitest";
import { constraintsJson, ruleRequirement } from "../../src/model/constraints";
import { RULE_FOR, UserMustAuthenticateWith } from "../helpers/spec";

describe("app sign-in policy rule requirement (reference: app sign-in policy)", () => {
  it.each(Object.entries(RULE_FOR) as [UserMustAuthenticateWith, (typeof RULE_FOR)[UserMustAuthenticateWith]][])(
    '"%s" is factorMode and constraints as the provider takes them',
    (choice, expected) => {
      const requirement = ruleRequirement(expected.factorMode as "1FA" | "2FA");
      expect(requirement.consoleChoice).toBe(choice);
      expect(requirement.factorMode).toBe(expected.factorMode);
      expect(constraintsJson(requirement.constraints)).toEqual(expected.constraints);
    },
  );
});

describe("constraintsJson", () => {
  it("writes one JSON document per constraint, with the API's own key names", () => {
    const json = constraintsJson([
      { possession: { types: ["app"], required: false, userPresence: "REQUIRED" } },
      { knowledge: { types: ["password"], required: true } },
    ]);
    expect(json.map((c) => JSON.parse(c))).toEqual([
      { possession: { types: ["app"], required: false, userPresence: "REQUIRED" } },
      { knowledge: { types: ["password"], required: true } },
    ]);
  });
});
