import { describe, expect, it } from "vitest";
import { VariantId, variant } from "../../src/catalogue/variants";
import { AppSpec, appGrantTypes, appSpec, authorizationServerGrantTypes, slugOf, withUniquePolicyNames } from "../../src/model/apps";
import { SPEC_VARIANTS, specAppGrants, specVariant } from "../helpers/spec";

const variants = (...ids: string[]) => ids.map((id) => variant(id as VariantId));
const sorted = (items: readonly string[]) => [...items].sort();

describe("app grant types", () => {
  it.each(SPEC_VARIANTS)("$id alone: authorization_code plus the grants §1 ticks", (row) => {
    expect(sorted(appGrantTypes(variants(row.id)))).toEqual(sorted(specAppGrants([row])));
  });

  it("starts with authorization_code, which the provider requires of a native app", () => {
    expect(appGrantTypes(variants("mfa-otp"))[0]).toBe("authorization_code");
  });

  it("lists password and the shared oob grant once when variants share an app", () => {
    const mfa = appGrantTypes(variants("mfa-otp", "mfa-oob-okta-verify", "mfa-oob-phone"));
    expect(sorted(mfa)).toEqual(sorted(specAppGrants(["mfa-otp", "mfa-oob-okta-verify", "mfa-oob-phone"].map(specVariant))));
    expect(mfa.filter((g) => g === "password")).toHaveLength(1);
    const oob = appGrantTypes(variants("oob-okta-verify", "oob-phone", "oob-email"));
    expect(sorted(oob)).toEqual(sorted(["authorization_code", "urn:okta:params:oauth:grant-type:oob"]));
  });
});

describe("authorization server grant types", () => {
  it("are the union of every app's grants, each once", () => {
    const apps = [
      appSpec("OTP", variants("otp")),
      appSpec("MFA", variants("mfa-otp", "mfa-oob-phone")),
      appSpec("Push", variants("oob-okta-verify")),
    ];
    const union = authorizationServerGrantTypes(apps);
    expect(sorted(union)).toEqual(sorted(specAppGrants(["otp", "mfa-otp", "mfa-oob-phone", "oob-okta-verify"].map(specVariant))));
    expect(new Set(union).size).toBe(union.length);
  });

  it("include password as soon as one app runs an MFA flow", () => {
    const otp = appSpec("OTP", variants("otp"));
    expect(authorizationServerGrantTypes([otp])).not.toContain("password");
    expect(authorizationServerGrantTypes([otp, appSpec("MFA", variants("mfa-oob-okta-verify"))])).toContain("password");
  });
});

describe("appSpec", () => {
  it("keeps the guide's policy and rule names when the app's variants agree on them", () => {
    const spec = appSpec("Direct Auth MFA OOB", variants("mfa-oob-okta-verify", "mfa-oob-phone"));
    expect(spec).toMatchObject({
      factorMode: "2FA",
      policyName: "Direct Auth MFA OOB 2FA",
      ruleName: "2 MFA OOB Factor",
      slug: "direct-auth-mfa-oob",
    });
  });

  it("names policy and rule after the app and factor mode when the guide's names differ", () => {
    expect(appSpec("Any OTP", variants("mfa-otp", "mfa-oob-phone"))).toMatchObject({ policyName: "Any OTP 2FA", ruleName: "2 MFA Factor" });
    expect(appSpec("Primary", variants("otp", "oob-email"))).toMatchObject({ policyName: "Primary 1FA", ruleName: "1Factor" });
  });
});

describe("slugOf", () => {
  it("turns an app name into a lower-case, dash-separated resource name", () => {
    expect(slugOf("Direct Auth MFA OTP")).toBe("direct-auth-mfa-otp");
    expect(slugOf("  Push & Phone (1FA)! ")).toBe("push-phone-1fa");
    expect(slugOf("***")).toBe("");
  });
});

describe("withUniquePolicyNames", () => {
  const named = (name: string, policyName: string) => ({ ...appSpec(name, variants("otp")), policyName }) as AppSpec;

  it("appends the app name only to policy names two apps would share", () => {
    const apps = withUniquePolicyNames([
      named("Push", "Direct Auth OOB 1FA"),
      named("Phone", "Direct Auth OOB 1FA"),
      named("Email", "Direct Auth OOB Email 1FA"),
    ]);
    expect(apps.map((a) => a.policyName)).toEqual(["Direct Auth OOB 1FA (Push)", "Direct Auth OOB 1FA (Phone)", "Direct Auth OOB Email 1FA"]);
  });

  it("gives every variant's own app a distinct policy name", () => {
    const names = withUniquePolicyNames(SPEC_VARIANTS.map((row) => appSpec(row.id, variants(row.id)))).map((a) => a.policyName);
    expect(new Set(names).size).toBe(names.length);
  });
});
