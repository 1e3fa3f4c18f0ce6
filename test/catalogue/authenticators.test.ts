import { describe, expect, it } from "vitest";
import { AUTHENTICATORS, AuthenticatorKey } from "../../src/catalogue/authenticators";
import { allVariants } from "../../src/catalogue/variants";

describe("authenticator catalogue", () => {
  const keys = Object.keys(AUTHENTICATORS) as AuthenticatorKey[];

  it("uses Okta's snake_case keys, which the provider matches existing authenticators by", () => {
    for (const key of keys) expect(key).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it("holds every authenticator a variant needs, and none that no variant uses", () => {
    expect(new Set(allVariants().map((v) => v.authenticatorKey))).toEqual(new Set(keys));
  });

  it.each(allVariants().filter((v) => v.channels.length > 0))("$id: its channels are methods of its authenticator", (v) => {
    const methods: readonly string[] = AUTHENTICATORS[v.authenticatorKey].methods;
    for (const channel of v.channels) expect(methods).toContain(channel);
  });
});
