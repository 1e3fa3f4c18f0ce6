import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { changedStackConfig } from "../../src/e2e/configChange";

const root = join(__dirname, "../..");
const stackFile = (stack: string) => readFileSync(join(root, `Pulumi.${stack}.yaml`), "utf8");
const configOf = (text: string) => (parse(text) as { config: Record<string, unknown> }).config;

describe("the e2e's config change", () => {
  it("drops dev's last variant and flips catchAll and enrollment, leaving every other key as it was", () => {
    const before = configOf(stackFile("dev"));
    const change = changedStackConfig(stackFile("dev"));
    const after = configOf(change.text);
    expect(after["okta-direct-auth:variants"]).toEqual((before["okta-direct-auth:variants"] as string[]).slice(0, -1));
    expect(after["okta-direct-auth:catchAll"]).toBe("ALLOW");
    expect(after["okta-direct-auth:enrollment"]).toBe("REQUIRED");
    const untouched = (c: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(c).filter(([k]) => !/:(variants|catchAll|enrollment)$/.test(k)));
    expect(untouched(after)).toEqual(untouched(before));
    const last = (before["okta-direct-auth:variants"] as string[]).at(-1);
    expect(change.summary).toBe(`variant ${last} dropped, catchAll DENY → ALLOW, enrollment OPTIONAL → REQUIRED`);
  });

  it("drops a variant from the app with the most of them when the stack groups variants onto apps", () => {
    const text = [
      "config:",
      "  okta-direct-auth:apps:",
      "    - {name: Primary, variants: [otp, oob-phone]}",
      "    - {name: MFA, variants: [mfa-otp, mfa-oob-phone, mfa-oob-email]}",
    ].join("\n");
    const change = changedStackConfig(text);
    expect(configOf(change.text)["okta-direct-auth:apps"]).toEqual([
      { name: "Primary", variants: ["otp", "oob-phone"] },
      { name: "MFA", variants: ["mfa-otp", "mfa-oob-phone"] },
    ]);
    expect(change.summary).toMatch(/^variant mfa-oob-email dropped from MFA, /);
  });

  it("keeps a single variant, and flips back what it flipped", () => {
    const text = "config:\n  okta-direct-auth:variants: [otp]\n  okta-direct-auth:catchAll: ALLOW\n  okta-direct-auth:enrollment: REQUIRED\n";
    const after = configOf(changedStackConfig(text).text);
    expect(after).toEqual({ "okta-direct-auth:variants": ["otp"], "okta-direct-auth:catchAll": "DENY", "okta-direct-auth:enrollment": "OPTIONAL" });
  });

  it("keeps a protected stack's variants (dropping one deletes its authenticator, which protect refuses) and flips the rest", () => {
    const before = configOf(stackFile("prod"));
    const change = changedStackConfig(stackFile("prod"));
    const after = configOf(change.text);
    expect(after["okta-direct-auth:apps"]).toEqual(before["okta-direct-auth:apps"]);
    expect(after["okta-direct-auth:catchAll"]).toBe("ALLOW");
    expect(change.summary).toBe("variants kept (protected stack), catchAll DENY → ALLOW, enrollment OPTIONAL → REQUIRED");
  });

  it("reads protect as pulumi config set writes it back, a string", () => {
    const text = stackFile("prod").replace("okta-direct-auth:protect: true", 'okta-direct-auth:protect: "true"');
    expect(changedStackConfig(text).summary).toMatch(/^variants kept \(protected stack\)/);
  });

  it("keeps a secret written by pulumi config set", () => {
    const text = `${stackFile("dev")}  okta:apiToken:\n    secure: v1:abc==\n`;
    expect(configOf(changedStackConfig(text).text)["okta:apiToken"]).toEqual({ secure: "v1:abc==" });
  });
});
