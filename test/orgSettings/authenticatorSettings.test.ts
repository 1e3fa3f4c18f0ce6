import { describe, expect, it } from "vitest";
import { DEFAULT_BASELINE, OrgBaseline } from "../../src/emulator";
import { DesiredAuthenticator, reconcileAuthenticators, restoreAuthenticators } from "../../src/orgSettings/authenticatorSettings";
import { OrgSnapshot, baselineOrgs, clientFor, enrollmentOf, snapshot } from "./support/orgUnderTest";

const ALL_FOUR: DesiredAuthenticator[] = [
  { key: "google_otp", name: "Google Authenticator", methods: [], enroll: "OPTIONAL" },
  { key: "okta_verify", name: "Okta Verify", methods: ["push"], enroll: "OPTIONAL" },
  { key: "phone_number", name: "Phone", methods: ["sms", "voice"], enroll: "OPTIONAL" },
  { key: "okta_email", name: "Email", methods: ["email"], enroll: "OPTIONAL", allowedFor: "any" },
];

/** Authenticators the variants never use, with settings that must come through untouched. */
const BYSTANDERS: OrgBaseline["authenticators"] = [
  { key: "security_question", name: "Security Question", status: "ACTIVE", methods: { security_question: "ACTIVE" } },
  { key: "webauthn", name: "FIDO2 (WebAuthn)", status: "INACTIVE", methods: { webauthn: "INACTIVE" } },
];

function baselineWith(overrides: OrgBaseline["authenticators"], enrollment: OrgBaseline["enrollment"] = {}): OrgBaseline {
  const keys = new Set([...overrides, ...BYSTANDERS].map((a) => a.key));
  return {
    authenticators: [...DEFAULT_BASELINE.authenticators.filter((a) => !keys.has(a.key)), ...overrides, ...BYSTANDERS],
    enrollment: { ...DEFAULT_BASELINE.enrollment, security_question: "OPTIONAL", webauthn: "NOT_ALLOWED", ...enrollment },
  };
}

/**
 * The org after a destroy, but for what Okta cannot remove: an authenticator that was never enabled
 * stays, deactivated, with a NOT_ALLOWED enrollment entry (the same as having none).
 */
function givenBack(after: OrgSnapshot, before: OrgSnapshot): OrgSnapshot {
  const added = Object.keys(after.authenticators).filter((k) => !(k in before.authenticators));
  for (const key of added) {
    expect(after.authenticators[key].status).toBe("INACTIVE");
    expect(enrollmentOf(after.enrollmentPolicy, key) ?? "NOT_ALLOWED").toBe("NOT_ALLOWED");
    delete after.authenticators[key];
  }
  const entries = after.enrollmentPolicy.settings.authenticators?.filter((e) => !added.includes(e.key));
  return { ...after, enrollmentPolicy: { ...after.enrollmentPolicy, settings: { ...after.enrollmentPolicy.settings, authenticators: entries } } };
}

const { withBaseline } = baselineOrgs();

describe("org-wide authenticator settings: create then destroy gives the org back as it was", () => {
  it.each([
    ["a fresh org (Okta Verify on without push; Google Authenticator and phone never enabled)", baselineWith([])],
    [
      "authenticators that were inactive before",
      baselineWith(
        [
          { key: "phone_number", name: "Phone", status: "INACTIVE", methods: { sms: "INACTIVE", voice: "INACTIVE" } },
          { key: "google_otp", name: "Google Authenticator", status: "INACTIVE", methods: { otp: "ACTIVE" } },
        ],
        { phone_number: "NOT_ALLOWED", google_otp: "NOT_ALLOWED" },
      ),
    ],
    [
      "authenticators that were already active with every method on",
      baselineWith(
        [
          { key: "okta_verify", name: "Okta Verify", status: "ACTIVE", methods: { push: "ACTIVE", totp: "ACTIVE", signed_nonce: "ACTIVE" } },
          { key: "phone_number", name: "Phone", status: "ACTIVE", methods: { sms: "ACTIVE", voice: "ACTIVE" } },
        ],
        { okta_verify: "REQUIRED", phone_number: "OPTIONAL" },
      ),
    ],
  ])("%s", async (_title, baseline) => {
    const emulator = await withBaseline(baseline);
    const client = clientFor(emulator);
    const before = await snapshot(client);

    const { prior, warnings } = await reconcileAuthenticators(client, ALL_FOUR);
    expect(warnings).toEqual([]);
    const during = await snapshot(client);
    for (const want of ALL_FOUR) {
      expect(during.authenticators[want.key].status).toBe("ACTIVE");
      for (const method of want.methods) expect(during.authenticators[want.key].methods[method]).toBe("ACTIVE");
      if (want.allowedFor) expect(during.authenticators[want.key].settings?.allowedFor).toBe(want.allowedFor);
      // Raised to what the stack asks, never lowered: a REQUIRED authenticator stays REQUIRED.
      expect(enrollmentOf(during.enrollmentPolicy, want.key)).toBe(
        enrollmentOf(before.enrollmentPolicy, want.key) === "REQUIRED" ? "REQUIRED" : "OPTIONAL",
      );
    }
    for (const bystander of ["okta_password", ...BYSTANDERS.map((b) => b.key)]) {
      expect(during.authenticators[bystander]).toEqual(before.authenticators[bystander]);
      expect(enrollmentOf(during.enrollmentPolicy, bystander)).toBe(enrollmentOf(before.enrollmentPolicy, bystander));
    }

    expect(await restoreAuthenticators(client, prior)).toEqual([]);
    expect(givenBack(await snapshot(client), before)).toEqual(before);
  });

  it("goes on and warns when Okta refuses to deactivate an authenticator another policy now uses", async () => {
    const baseline = baselineWith(
      [{ key: "google_otp", name: "Google Authenticator", status: "INACTIVE", methods: { otp: "ACTIVE" }, usedByPolicies: ["Contractors MFA"] }],
      { google_otp: "NOT_ALLOWED" },
    );
    const emulator = await withBaseline(baseline);
    const client = clientFor(emulator);
    const before = await snapshot(client);
    const { prior } = await reconcileAuthenticators(client, ALL_FOUR);

    const warnings = await restoreAuthenticators(client, prior);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not deactivate authenticator google_otp: .*Contractors MFA.*by hand/);
    const after = await snapshot(client);
    expect(after.authenticators.google_otp.status).toBe("ACTIVE");
    expect(after.authenticators.okta_verify).toEqual(before.authenticators.okta_verify);
    // Okta lists only ACTIVE authenticators in the enrollment policy: the one left on shows up, not enrollable.
    const listedBefore = before.enrollmentPolicy.settings.authenticators ?? [];
    const expected = [...listedBefore, { key: "google_otp", enroll: { self: "NOT_ALLOWED" } }];
    expect(after.enrollmentPolicy.settings.authenticators).toEqual(expect.arrayContaining(expected));
    expect(after.enrollmentPolicy.settings.authenticators).toHaveLength(expected.length);
  });

  it("gives back what it already changed when the org refuses part of the setup", async () => {
    const emulator = await withBaseline(baselineWith([]));
    const client = clientFor(emulator);
    const before = await snapshot(client);
    const impossible = { key: "okta_email", name: "Email", methods: ["carrier_pigeon"], enroll: "OPTIONAL" as const };
    await expect(reconcileAuthenticators(client, [ALL_FOUR[1], ALL_FOUR[2], impossible])).rejects.toThrow(/carrier_pigeon/);
    expect(givenBack(await snapshot(client), before)).toEqual(before);
  });

  it("on update gives back what is no longer needed and keeps the first record of the rest", async () => {
    const emulator = await withBaseline(baselineWith([]));
    const client = clientFor(emulator);
    const before = await snapshot(client);
    const first = await reconcileAuthenticators(client, [ALL_FOUR[1], ALL_FOUR[2]]);
    const second = await reconcileAuthenticators(client, [ALL_FOUR[1], { ...ALL_FOUR[2], methods: ["sms"] }, ALL_FOUR[3]], first.prior);

    const during = await snapshot(client);
    expect(during.authenticators.phone_number.methods.voice).toBe("INACTIVE");
    expect(second.prior.find((p) => p.key === "okta_verify")).toEqual(first.prior.find((p) => p.key === "okta_verify"));

    await restoreAuthenticators(client, second.prior);
    expect(givenBack(await snapshot(client), before)).toEqual(before);
  });

  it("sets Email to Authentication and recovery (allowedFor any) by read-modify-write and gives recovery back on destroy", async () => {
    const emulator = await withBaseline(baselineWith([]));
    const client = clientFor(emulator);
    const before = await snapshot(client);
    expect(before.authenticators.okta_email.settings).toEqual({ allowedFor: "recovery", tokenLifetimeInMinutes: 5 });

    const { prior } = await reconcileAuthenticators(client, [ALL_FOUR[3]]);
    expect(prior).toEqual([expect.objectContaining({ key: "okta_email", allowedFor: "recovery" })]);
    expect((await snapshot(client)).authenticators.okta_email.settings).toEqual({ allowedFor: "any", tokenLifetimeInMinutes: 5 });

    expect(await restoreAuthenticators(client, prior)).toEqual([]);
    expect(givenBack(await snapshot(client), before)).toEqual(before);
  });

  it("leaves an Email already used for authentication as it is, and restores nothing it did not change", async () => {
    const alreadyAny = baselineWith([
      { key: "okta_email", name: "Email", status: "ACTIVE", methods: { email: "ACTIVE" }, settings: { allowedFor: "any", tokenLifetimeInMinutes: 10 } },
    ]);
    const emulator = await withBaseline(alreadyAny);
    const client = clientFor(emulator);
    const { prior } = await reconcileAuthenticators(client, [ALL_FOUR[3]]);
    expect(prior[0].allowedFor).toBe("any");
    await restoreAuthenticators(client, prior);
    expect((await snapshot(client)).authenticators.okta_email.settings).toEqual({ allowedFor: "any", tokenLifetimeInMinutes: 10 });
  });

  it("on update without oob-email gives Email's recovery-only use back and forgets it", async () => {
    const emulator = await withBaseline(baselineWith([]));
    const client = clientFor(emulator);
    const first = await reconcileAuthenticators(client, [ALL_FOUR[3]]);
    expect((await snapshot(client)).authenticators.okta_email.settings?.allowedFor).toBe("any");
    const second = await reconcileAuthenticators(client, [{ ...ALL_FOUR[3], allowedFor: undefined }], first.prior);
    expect((await snapshot(client)).authenticators.okta_email.settings?.allowedFor).toBe("recovery");
    expect(second.prior[0].allowedFor).toBeUndefined();
  });
});
