import { describe, expect, it } from "vitest";
import { VARIANT_IDS, VariantId, allVariants, isVariantId, variant } from "../../src/catalogue/variants";
import { RULE_FOR, SPEC_VARIANTS } from "../helpers/spec";

describe("variant catalogue (reference: variants)", () => {
  it("has exactly the spec's variants, in the guide's order", () => {
    expect(VARIANT_IDS).toEqual(SPEC_VARIANTS.map((row) => row.id));
    expect(allVariants().map((v) => v.id)).toEqual(VARIANT_IDS);
  });

  it.each(SPEC_VARIANTS)("$id: grant, app grants, authenticator, channels, factor mode and example names", (row) => {
    const v = variant(row.id as VariantId);
    expect({
      grant: v.grantType,
      appGrants: v.appGrantTypes,
      authenticatorKey: v.authenticatorKey,
      channels: v.channels,
      factorMode: v.factorMode,
      policyName: v.policyName,
      ruleName: v.ruleName,
    }).toEqual({
      grant: row.grant,
      appGrants: row.appGrants,
      authenticatorKey: row.authenticatorKey,
      channels: row.channels,
      factorMode: RULE_FOR[row.mustAuthenticateWith].factorMode,
      policyName: row.policyName,
      ruleName: row.ruleName,
    });
  });

  it("finishes every flow with a grant the app ticks", () => {
    for (const v of allVariants()) expect(v.appGrantTypes).toContain(v.grantType);
  });

  it("gives every variant an app label of its own, so one app per variant never collides", () => {
    const labels = allVariants().map((v) => v.appLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("knows its ids and refuses others", () => {
    expect(isVariantId("mfa-oob-phone")).toBe(true);
    expect(isVariantId("mfa-oob-sms")).toBe(false);
    expect(() => variant("sms" as VariantId)).toThrow(/unknown variant "sms"/);
  });
});
