import { describe, expect, it } from "vitest";
import { DEFAULT_BASELINE, FLEXIBLE_BASELINE, OrgBaseline, RunningEmulator } from "../../src/emulator";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { OktaAuthenticator } from "../../src/orgSettings/oktaShapes";
import {
  DesiredAuthenticator,
  PriorAuthenticator,
  defaultEnrollmentPolicy,
  reconcileAuthenticators,
  restoreAuthenticators,
} from "../../src/orgSettings/authenticatorSettings";
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

  it("gives back what it already changed when the org refuses part of the setup before reaching an authenticator that was off", async () => {
    const emulator = await withBaseline(DEFAULT_BASELINE);
    const client = clientFor(emulator);
    const before = await snapshot(client);
    const impossible = { key: "okta_email", name: "Email", methods: ["carrier_pigeon"], enroll: "OPTIONAL" as const };
    // Phone is INACTIVE, so the enrollment policy does not list it when the rollback gives back enrollment.
    await expect(reconcileAuthenticators(client, [ALL_FOUR[1], impossible, ALL_FOUR[2]])).rejects.toThrow(/carrier_pigeon/);
    expect(await snapshot(client)).toEqual(before);
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

/**
 * The requests sent since `from`, as "METHOD path" with each authenticator id replaced by its key
 * and the policy id by "{policy}", so a test can write them out.
 */
async function sentSince(emulator: RunningEmulator, client: OktaManagementClient, from: number): Promise<string[]> {
  const sent = emulator.requests.slice(from);
  const keys = new Map((await client.get<OktaAuthenticator[]>("/api/v1/authenticators")).map((a) => [a.id, a.key]));
  return sent.map(({ method, path }) => {
    const named = path.replace(/^\/api\/v1\/authenticators\/([^/]+)/, (_all, id: string) => `/api/v1/authenticators/${keys.get(id) ?? id}`);
    return `${method} ${named.replace(/^\/api\/v1\/policies\/[^/]+/, "/api/v1/policies/{policy}")}`;
  });
}

/** Google Authenticator never enabled, Okta Verify push off, Email for recovery only (DEFAULT_BASELINE). */
const OTP_PUSH_EMAIL = [ALL_FOUR[0], ALL_FOUR[1], ALL_FOUR[3]];

/** What a create of OTP_PUSH_EMAIL records of DEFAULT_BASELINE. */
const OTP_PUSH_EMAIL_PRIOR: PriorAuthenticator[] = [
  { key: "google_otp", status: "ABSENT", methods: {}, enroll: "UNLISTED" },
  { key: "okta_verify", status: "ACTIVE", methods: { push: "INACTIVE" }, enroll: "OPTIONAL" },
  { key: "okta_email", status: "ACTIVE", methods: { email: "ACTIVE" }, enroll: "REQUIRED", allowedFor: "recovery" },
];

describe("org-wide authenticator settings: what each run sends to Okta, and nothing more", () => {
  it("create reads everything first, then writes only what differs from what the stack asks", async () => {
    const emulator = await withBaseline(DEFAULT_BASELINE);
    const client = clientFor(emulator);
    const from = emulator.requests.length;
    const { prior, warnings } = await reconcileAuthenticators(client, OTP_PUSH_EMAIL);
    expect(warnings).toEqual([]);
    expect(prior).toEqual(OTP_PUSH_EMAIL_PRIOR);
    expect(await sentSince(emulator, client, from)).toEqual([
      "GET /api/v1/authenticators",
      "GET /api/v1/policies",
      "GET /api/v1/authenticators",
      "POST /api/v1/authenticators",
      "GET /api/v1/authenticators/okta_verify/methods",
      "POST /api/v1/authenticators/okta_verify/methods/push/lifecycle/activate",
      "GET /api/v1/authenticators/okta_email",
      "PUT /api/v1/authenticators/okta_email",
      "GET /api/v1/authenticators/okta_email/methods",
      "GET /api/v1/policies",
      "PUT /api/v1/policies/{policy}",
    ]);
  });

  it("an update that asks for the same again writes nothing and keeps the first record, so destroy still gives recovery back", async () => {
    const emulator = await withBaseline(DEFAULT_BASELINE);
    const client = clientFor(emulator);
    const before = await snapshot(client);
    const first = await reconcileAuthenticators(client, OTP_PUSH_EMAIL);
    const from = emulator.requests.length;
    const second = await reconcileAuthenticators(client, OTP_PUSH_EMAIL, first.prior);
    expect(second).toEqual({ prior: OTP_PUSH_EMAIL_PRIOR, warnings: [] });
    expect(await sentSince(emulator, client, from)).toEqual([
      "GET /api/v1/authenticators",
      "GET /api/v1/policies",
      "GET /api/v1/authenticators",
      "GET /api/v1/authenticators/okta_verify/methods",
      "GET /api/v1/authenticators/okta_email",
      "GET /api/v1/authenticators/okta_email/methods",
      "GET /api/v1/policies",
    ]);

    const destroyFrom = emulator.requests.length;
    expect(await restoreAuthenticators(client, second.prior)).toEqual([]);
    expect(await sentSince(emulator, client, destroyFrom)).toEqual([
      "GET /api/v1/policies",
      "PUT /api/v1/policies/{policy}",
      "GET /api/v1/authenticators",
      "POST /api/v1/authenticators/google_otp/lifecycle/deactivate",
      "POST /api/v1/authenticators/okta_verify/methods/push/lifecycle/deactivate",
      "GET /api/v1/authenticators/okta_email",
      "PUT /api/v1/authenticators/okta_email",
    ]);
    expect(givenBack(await snapshot(client), before)).toEqual(before);

    // A destroy run again (the first one interrupted) deactivates nothing already inactive and puts back no "Used for" already back.
    const againFrom = emulator.requests.length;
    expect(await restoreAuthenticators(client, second.prior)).toEqual([]);
    expect(await sentSince(emulator, client, againFrom)).toEqual([
      "GET /api/v1/policies",
      "PUT /api/v1/policies/{policy}",
      "GET /api/v1/authenticators",
      "POST /api/v1/authenticators/okta_verify/methods/push/lifecycle/deactivate",
    ]);
  });

  it("leaves an Email already used for authentication untouched on create and on destroy", async () => {
    const alreadyAny = baselineWith([
      { key: "okta_email", name: "Email", status: "ACTIVE", methods: { email: "ACTIVE" }, settings: { allowedFor: "any", tokenLifetimeInMinutes: 10 } },
    ]);
    const emulator = await withBaseline(alreadyAny);
    const client = clientFor(emulator);
    const from = emulator.requests.length;
    const { prior } = await reconcileAuthenticators(client, [ALL_FOUR[3]]);
    await restoreAuthenticators(client, prior);
    const sent = await sentSince(emulator, client, from);
    expect(sent.filter((r) => r.startsWith("PUT /api/v1/authenticators") || r.startsWith("POST"))).toEqual([]);
  });

  it("an update that no longer needs voice gives it back alone, records only sms, and leaves Phone's enrollment as set", async () => {
    const emulator = await withBaseline(DEFAULT_BASELINE);
    const client = clientFor(emulator);
    const phone = ALL_FOUR[2];
    const first = await reconcileAuthenticators(client, [phone]);
    // Okta lists only active authenticators in the enrollment policy: the inactive Phone is unlisted.
    expect(first.prior).toEqual([{ key: "phone_number", status: "INACTIVE", methods: { sms: "ACTIVE", voice: "INACTIVE" }, enroll: "UNLISTED" }]);
    const from = emulator.requests.length;
    const second = await reconcileAuthenticators(client, [{ ...phone, methods: ["sms"] }], first.prior);
    expect(second).toEqual({
      prior: [{ key: "phone_number", status: "INACTIVE", methods: { sms: "ACTIVE" }, enroll: "UNLISTED" }],
      warnings: [],
    });
    expect(await sentSince(emulator, client, from)).toEqual([
      "GET /api/v1/authenticators",
      "GET /api/v1/authenticators",
      "POST /api/v1/authenticators/phone_number/methods/voice/lifecycle/deactivate",
      "GET /api/v1/policies",
      "GET /api/v1/authenticators",
      "GET /api/v1/authenticators/phone_number/methods",
      "GET /api/v1/policies",
    ]);
    const during = await snapshot(client);
    expect(during.authenticators.phone_number.methods).toEqual({ sms: "ACTIVE", voice: "INACTIVE" });
    expect(enrollmentOf(during.enrollmentPolicy, "phone_number")).toBe("OPTIONAL");
  });

  it("an update that drops an authenticator gives it back whole and forgets it", async () => {
    const emulator = await withBaseline(DEFAULT_BASELINE);
    const client = clientFor(emulator);
    const first = await reconcileAuthenticators(client, [ALL_FOUR[0], ALL_FOUR[1]]);
    const second = await reconcileAuthenticators(client, [ALL_FOUR[1]], first.prior);
    expect(second).toEqual({ prior: [OTP_PUSH_EMAIL_PRIOR[1]], warnings: [] });
    const during = await snapshot(client);
    expect(during.authenticators.google_otp.status).toBe("INACTIVE");
    // Made not enrollable, then deactivated: Okta lists only active authenticators in the policy.
    expect(enrollmentOf(during.enrollmentPolicy, "google_otp")).toBeUndefined();
    expect(during.authenticators.okta_verify.methods.push).toBe("ACTIVE");
  });

  it("destroy skips a recorded authenticator the org does not list (never created before a failure) and restores the rest", async () => {
    const emulator = await withBaseline(DEFAULT_BASELINE);
    const client = clientFor(emulator);
    const before = await snapshot(client);
    const { prior } = await reconcileAuthenticators(client, [ALL_FOUR[1]]);
    const neverCreated: PriorAuthenticator = { key: "google_otp", status: "ABSENT", methods: {} };
    expect(await restoreAuthenticators(client, [neverCreated, ...prior])).toEqual([]);
    expect(await snapshot(client)).toEqual(before);
  });

  it("is refused before anything is written when the stack names Okta Verify keys of the other kind of org", async () => {
    const emulator = await withBaseline(FLEXIBLE_BASELINE);
    const client = clientFor(emulator);
    const from = emulator.requests.length;
    await expect(reconcileAuthenticators(client, [ALL_FOUR[1]])).rejects.toThrow(
      'okta-direct-auth:oktaVerify is "classic", but this org has Flexible Okta Verify (okta_verify_push, okta_verify_totp, okta_verify_fastpass), ' +
        "and Okta refuses the other kind's Okta Verify keys",
    );
    expect(await sentSince(emulator, client, from)).toEqual(["GET /api/v1/authenticators"]);
  });
});

describe("org-wide authenticator settings: what destroy says when Okta refuses part of it", () => {
  it("names each refused step with Okta's answer and goes on with the rest", async () => {
    const emulator = await withBaseline(DEFAULT_BASELINE);
    const client = clientFor(emulator);
    const { prior } = await reconcileAuthenticators(client, OTP_PUSH_EMAIL);
    const during = await snapshot(client);
    const ids = new Map((await client.get<OktaAuthenticator[]>("/api/v1/authenticators")).map((a) => [a.key, a.id]));
    emulator.injectFault({ kind: "server-error", path: `/api/v1/policies/${during.enrollmentPolicy.id}` });
    emulator.injectFault({ kind: "server-error", path: `/api/v1/authenticators/${ids.get("okta_email")}` });
    emulator.injectFault({ kind: "server-error", path: "/methods/push/lifecycle/deactivate" });

    expect(await restoreAuthenticators(client, prior)).toEqual([
      "could not restore enrollment settings: Okta answered 500 E0000009: Internal Server Error. Restore it by hand in the Admin Console once nothing uses it.",
      // Still enrollable, as the refused enrollment restore left it: Okta refuses to deactivate it.
      "could not deactivate authenticator google_otp: Okta answered 403 E0000148: Cannot modify/disable this authenticator because it is enabled in one or more policies. " +
        "To continue, disable the authenticator in these policies. (Authenticator Enrollment Policies: Default Policy). Restore it by hand in the Admin Console once nothing uses it.",
      "could not deactivate method push of okta_verify: Okta answered 500 E0000009: Internal Server Error. Restore it by hand in the Admin Console once nothing uses it.",
      "could not set okta_email back to allowedFor recovery: Okta answered 500 E0000009: Internal Server Error. Restore it by hand in the Admin Console once nothing uses it.",
    ]);
    const after = await snapshot(client);
    expect(after.authenticators.okta_verify.methods.push).toBe("ACTIVE");
    expect(after.authenticators.okta_email.settings?.allowedFor).toBe("any");
  });

  it("stops on an answer that is not Okta's (a proxy's page) instead of calling it a refusal", async () => {
    const emulator = await withBaseline(DEFAULT_BASELINE);
    const client = clientFor(emulator);
    const { prior } = await reconcileAuthenticators(client, OTP_PUSH_EMAIL);
    emulator.injectFault({ kind: "html", path: "/api/v1/policies" });
    await expect(restoreAuthenticators(client, prior)).rejects.toThrow(/answered an HTML page \(HTTP 200\); check the org URL and any proxy/);
    expect((await snapshot(client)).authenticators.google_otp.status).toBe("ACTIVE");
  });
});

describe("the default authenticator enrollment policy", () => {
  it("is refused with the likely cause when the org lists only custom enrollment policies", async () => {
    // No org the emulator runs lacks Okta's system policy: a client answering the list alone stands in for one.
    const onlyCustom = [{ id: "00pCustom", system: false, name: "Contractors", settings: { type: "AUTHENTICATORS", authenticators: [] } }];
    const client = { get: async (path: string) => (path === "/api/v1/policies?type=MFA_ENROLL" ? onlyCustom : undefined) };
    await expect(defaultEnrollmentPolicy(client as unknown as OktaManagementClient)).rejects.toThrow(
      "the org has no authenticator enrollment policy (is it an Identity Engine org?)",
    );
  });
});

describe("the default enrollment policy as sent back to Okta", () => {
  /** Each PUT body's enrollment entries, in the order sent, by authenticator key. */
  function enrollmentPuts(client: OktaManagementClient): [string, string][][] {
    const sent: [string, string][][] = [];
    const put = client.put.bind(client);
    client.put = async <T>(path: string, body: unknown): Promise<T> => {
      const entries = (body as { settings?: { authenticators?: { key: string; enroll: { self: string } }[] } }).settings?.authenticators;
      if (path.startsWith("/api/v1/policies/") && entries) sent.push(entries.map((e) => [e.key, e.enroll.self]));
      return put<T>(path, body);
    };
    return sent;
  }

  it("changes an entry in place, never listing an authenticator twice, on create and on destroy", async () => {
    const baseline = baselineWith(
      [{ key: "phone_number", name: "Phone", status: "ACTIVE", methods: { sms: "ACTIVE", voice: "ACTIVE" } }],
      { phone_number: "NOT_ALLOWED" },
    );
    const emulator = await withBaseline(baseline);
    const client = clientFor(emulator);
    const read = (await defaultEnrollmentPolicy(client)).settings.authenticators!.map((e) => e.key);
    expect(read).toContain("phone_number");
    const sent = enrollmentPuts(client);

    const { prior } = await reconcileAuthenticators(client, [ALL_FOUR[2]]);
    await restoreAuthenticators(client, prior);

    expect(sent.map((entries) => entries.map(([key]) => key))).toEqual([read, read]);
    expect(sent.map((entries) => Object.fromEntries(entries).phone_number)).toEqual(["OPTIONAL", "NOT_ALLOWED"]);
  });
});
