import { describe, expect, it } from "vitest";
import { DeclaredResource, evaluateProgram } from "../../src/evaluate/evaluateProgram";
import { snapshotOf } from "../../src/plan/declaredSetup";
import { diffSetups } from "../../src/plan/diff";
import { PreviewFormatError, planFromPreview } from "../../src/plan/fromPreview";
import { renderMarkdown } from "../../src/plan/renderMarkdown";
import { defineDirectAuthProgram } from "../../src/program";
import { stackConfig, TESTER } from "../helpers/stackConfig";
import { COMPONENT, DYNAMIC, OKTA } from "../helpers/tokens";

/*
 * Fixtures follow the digest `pulumi preview --json` prints (pkg/backend/display/json.go,
 * ShowPreviewDigest): steps of {op, urn, oldState, newState, diffReasons, replaceReasons,
 * detailedDiff: {path: {kind, inputDiff}}}, states in the state file's resource format.
 */
const SETUP = `${COMPONENT.setup}`;
const urn = (parentChain: string, type: string, name: string) =>
  `urn:pulumi:staging::okta-direct-auth::${[SETUP, parentChain, type].filter(Boolean).join("$")}::${name}`;
const APP_URN = urn(COMPONENT.nativeApp, OKTA.app, "direct-auth-direct-auth-otp");
const RULE_URN = urn(COMPONENT.appSignInPolicy, OKTA.appSignOnPolicyRule, "direct-auth-direct-auth-otp-policy-test-user-rule");
const USER_URN = urn(COMPONENT.testUser, OKTA.user, "direct-auth-test-user");
const ASSIGNMENT_URN = urn(COMPONENT.nativeApp, OKTA.groupAssignment, "direct-auth-direct-auth-otp-everyone");
const ORG_SETTINGS_URN = urn(COMPONENT.authenticators, DYNAMIC, "direct-auth-authenticators-org-settings");
const PROVIDER_CODE = "exports.handler = __f0; function __f0() { /* pages of serialized JavaScript */ }";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:c2VjcmV0LXRleHQ=" };

const appInputs = { label: "Direct Auth OTP", type: "native", grantTypes: ["authorization_code"] };
const state = (type: string, u: string, inputs: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  urn: u,
  custom: true,
  type,
  inputs,
  outputs: inputs,
  ...extra,
});

const preview = {
  config: {},
  steps: [
    {
      op: "same",
      urn: "urn:pulumi:staging::okta-direct-auth::pulumi:pulumi:Stack::okta-direct-auth-staging",
      oldState: { type: "pulumi:pulumi:Stack", custom: false },
      newState: { type: "pulumi:pulumi:Stack", custom: false },
    },
    {
      op: "same",
      urn: "urn:pulumi:staging::okta-direct-auth::pulumi:providers:okta::default_7_0_0",
      newState: { type: "pulumi:providers:okta", custom: true, inputs: { apiToken: "[secret]" } },
    },
    {
      op: "same",
      urn: `urn:pulumi:staging::okta-direct-auth::${SETUP}$${COMPONENT.nativeApp}::direct-auth-direct-auth-otp`,
      newState: { type: COMPONENT.nativeApp, custom: false },
    },
    {
      op: "same",
      urn: ORG_SETTINGS_URN,
      newState: state(DYNAMIC, ORG_SETTINGS_URN, { __provider: PROVIDER_CODE, settingsKind: "authenticator-settings" }),
    },
    {
      op: "update",
      urn: APP_URN,
      oldState: state(OKTA.app, APP_URN, appInputs, { id: "0oaREALAPP1234567890", outputs: { ...appInputs, clientId: "0oaREALAPP1234567890" } }),
      newState: state(OKTA.app, APP_URN, { ...appInputs, grantTypes: ["authorization_code", "password"] }, { id: "0oaREALAPP1234567890" }),
      diffReasons: ["grantTypes"],
      detailedDiff: { "grantTypes[1]": { kind: "add", inputDiff: false } },
    },
    ...["create-replacement", "replace", "delete-replaced"].map((op) => ({
      op,
      urn: RULE_URN,
      oldState: state(OKTA.appSignOnPolicyRule, RULE_URN, { name: "1Factor", policyId: "rstOLD" }, { id: "rulOLD" }),
      newState: state(OKTA.appSignOnPolicyRule, RULE_URN, { name: "1Factor", policyId: "rstNEW" }),
      replaceReasons: ["policyId"],
      detailedDiff: { policyId: { kind: "update-replace", inputDiff: false } },
    })),
    {
      op: "delete",
      urn: USER_URN,
      oldState: state(OKTA.user, USER_URN, { login: "tester@example.com", password: "[secret]" }, { id: "00uUSER" }),
    },
    {
      op: "create",
      urn: ASSIGNMENT_URN,
      newState: state(OKTA.groupAssignment, ASSIGNMENT_URN, { appId: "0oaREALAPP1234567890", groupId: UNKNOWN, profile: SECRET }),
    },
  ],
  changeSummary: { create: 1, update: 1, replace: 1, delete: 1, same: 4 },
};

describe("planFromPreview", () => {
  const plan = planFromPreview(JSON.stringify(preview));
  const change = (type: string) => plan.diff!.changes.find((c) => c.resource.type === type)!;

  it("counts the org's objects only (not the stack, components or providers) and reads the stack from the URNs", () => {
    expect(plan.stack).toBe("staging");
    expect(plan.diff!.counts).toEqual({ add: 1, change: 1, replace: 1, destroy: 1 });
    expect(plan.declared.map((r) => r.type)).toEqual([DYNAMIC, OKTA.app, OKTA.groupAssignment, OKTA.appSignOnPolicyRule]);
  });

  it("takes property changes from the engine's detailed diff, and replacement from its kind", () => {
    expect(change(OKTA.app).properties).toEqual([{ path: "grantTypes[1]", before: undefined, after: "password", forcesReplacement: false }]);
    expect(change(OKTA.appSignOnPolicyRule)).toMatchObject({
      action: "replace",
      properties: [{ path: "policyId", before: "rstOLD", after: "rstNEW", forcesReplacement: true }],
      destructive: expect.stringContaining("sign-ins"),
    });
    expect(change(OKTA.user)).toMatchObject({ action: "delete", destructive: expect.stringContaining("user is deleted") });
  });

  it("masks secrets, names unknowns, and shows known ids as what they are", () => {
    expect(change(OKTA.groupAssignment).properties).toEqual([
      { path: "appId", after: '<native app "Direct Auth OTP">', forcesReplacement: false },
      { path: "groupId", after: "(known after apply)", forcesReplacement: false },
      { path: "profile", after: "[secret]", forcesReplacement: false },
    ]);
    const markdown = renderMarkdown(plan);
    expect(markdown).not.toContain(SECRET.ciphertext);
    expect(markdown).not.toContain(PROVIDER_CODE);
    expect(plan.declared[0].properties.__provider).toBe("(dynamic provider code)");
    expect(markdown.split("\n")[0]).toBe("<!-- okta-direct-auth-preview:staging -->");
    expect(markdown).toContain("**1 to add, 1 to change, 1 to replace, 1 to destroy**");
    expect(markdown).toMatch(/> - \*\*replace\*\* app sign-in policy rule "1Factor"/);
  });

  it("masks secrets by key name too, as a preview made with --show-secrets carries them in plain text", () => {
    const plain = {
      apiToken: "00PlainApiToken-abcdefghijklmnop",
      privateKey: "-----BEGIN PRIVATE KEY-----MIIplainkey-----END PRIVATE KEY-----",
      password: "Plain-Passw0rd!",
      clientSecret: "plain-client-secret-0123456789",
    };
    const shown = {
      config: {},
      steps: [
        {
          op: "create",
          urn: ORG_SETTINGS_URN,
          newState: state(DYNAMIC, ORG_SETTINGS_URN, { settingsKind: "authenticator-settings", connection: { orgUrl: "https://dev-1.okta.com", apiToken: plain.apiToken, private_key: plain.privateKey } }),
        },
        {
          op: "update",
          urn: USER_URN,
          oldState: state(OKTA.user, USER_URN, { login: "tester@example.com", password: "Old-Plain-Passw0rd!" }, { id: "00uUSER" }),
          newState: state(OKTA.user, USER_URN, { login: "tester@example.com", password: plain.password }, { id: "00uUSER" }),
          detailedDiff: { password: { kind: "update", inputDiff: true } },
        },
        {
          op: "update",
          urn: APP_URN,
          oldState: state(OKTA.app, APP_URN, { ...appInputs, clientSecret: "old-plain-client-secret" }, { id: "0oaREALAPP1234567890" }),
          newState: state(OKTA.app, APP_URN, { ...appInputs, clientSecret: plain.clientSecret }, { id: "0oaREALAPP1234567890" }),
        },
      ],
    };
    const revealed = planFromPreview(JSON.stringify(shown));
    const printed = `${renderMarkdown(revealed)}\n${JSON.stringify(revealed)}`;
    for (const value of [...Object.values(plain), "Old-Plain-Passw0rd!", "old-plain-client-secret"]) expect(printed).not.toContain(value);
    expect(printed).toContain("[secret]");
    const user = revealed.diff!.changes.find((c) => c.resource.type === OKTA.user)!;
    expect(user.properties).toEqual([{ path: "password", before: "[secret]", after: "[secret]", forcesReplacement: false }]);
  });

  it("shows drift found by --refresh: the refreshed value against what the program declares", () => {
    const refreshed = { ...appInputs, label: "Renamed in the console" };
    const drift = {
      steps: [
        { op: "refresh", urn: APP_URN, oldState: state(OKTA.app, APP_URN, appInputs), newState: state(OKTA.app, APP_URN, refreshed) },
        {
          op: "update",
          urn: APP_URN,
          oldState: state(OKTA.app, APP_URN, appInputs, { outputs: refreshed }),
          newState: state(OKTA.app, APP_URN, appInputs),
          diffReasons: ["label"],
          detailedDiff: { label: { kind: "update", inputDiff: false } },
        },
      ],
    };
    const [update] = planFromPreview(JSON.stringify(drift), "dev").diff!.changes;
    expect(update.properties).toEqual([{ path: "label", before: "Renamed in the console", after: "Direct Auth OTP", forcesReplacement: false }]);
  });

  it("leaves out the engine's bookkeeping keys (__defaults, __meta), at any depth and in detailed diffs (issue 17, defect 5)", () => {
    const bridged = (extra: Record<string, unknown>) => ({
      ...appInputs,
      __defaults: ["status"],
      settings: { enroll: "OPTIONAL", __defaults: ["legacyIgnoreName", "providerHostname"] },
      ...extra,
    });
    const document = {
      steps: [
        {
          op: "update",
          urn: APP_URN,
          oldState: { ...state(OKTA.app, APP_URN, bridged({})), outputs: { ...bridged({}), __meta: '{"schema_version":"1"}' } },
          newState: state(OKTA.app, APP_URN, bridged({ label: "Direct Auth OTP 2" })),
          diffReasons: ["label", "__defaults"],
          detailedDiff: { label: { kind: "update" }, __defaults: { kind: "update" }, "settings.__defaults[0]": { kind: "add" } },
        },
      ],
    };
    const plan = planFromPreview(JSON.stringify(document));
    const text = JSON.stringify(plan) + renderMarkdown(plan);
    expect(text).not.toMatch(/__defaults|__meta|legacyIgnoreName/);
    expect(plan.diff?.changes[0].properties.map((p) => p.path)).toEqual(["label"]);
  });

  it("falls back to the listed diff reasons when the engine gave no detailed diff", () => {
    const steps = [
      {
        op: "update",
        urn: APP_URN,
        oldState: state(OKTA.app, APP_URN, { ...appInputs, label: "Old" }),
        newState: state(OKTA.app, APP_URN, { ...appInputs, label: "New" }),
        diffReasons: ["label"],
      },
    ];
    const [update] = planFromPreview(JSON.stringify({ steps })).diff!.changes;
    expect(update.properties).toEqual([{ path: "label", before: "Old", after: "New", forcesReplacement: false }]);
  });

  it("rejects what is not a preview, with a message saying what was expected", () => {
    expect(() => planFromPreview("Previewing update (dev)")).toThrow(PreviewFormatError);
    expect(() => planFromPreview("{}")).toThrow(/no `steps` list/);
    expect(() => planFromPreview('{"steps":[{"op":"create"}]}')).toThrow(/steps\[0\]/);
  });
});

/** The preview the engine would print for going from one evaluation to another (no detailed diff). */
function previewBetween(before: DeclaredResource[], after: DeclaredResource[]): string {
  const old = new Map(before.map((r) => [r.urn, r]));
  const now = new Map(after.map((r) => [r.urn, r]));
  const asState = (r: DeclaredResource) => ({ urn: r.urn, type: r.type, custom: r.custom, id: r.id, inputs: r.inputs, outputs: r.state });
  const steps = [...new Set([...old.keys(), ...now.keys()])].map((u) => {
    const [o, n] = [old.get(u), now.get(u)];
    const op = !o ? "create" : !n ? "delete" : JSON.stringify(o.inputs) === JSON.stringify(n.inputs) ? "same" : "update";
    return { op, urn: u, oldState: o && asState(o), newState: n && asState(n) };
  });
  return JSON.stringify({ steps });
}

describe("a preview reads the same as the offline plan", () => {
  it("lists the same changes, in the same order, with the same counts", async () => {
    const evaluate = (values: Record<string, unknown>) =>
      evaluateProgram({ stack: "dev", config: stackConfig(values), program: defineDirectAuthProgram });
    const before = await evaluate({ variants: ["otp", "mfa-otp"], testUser: TESTER });
    const after = await evaluate({ variants: ["mfa-otp", "oob-email"], testUser: TESTER, authorizationServer: "default" });

    const offline = diffSetups(snapshotOf(before), snapshotOf(after));
    const fromPreview = planFromPreview(previewBetween(before.resources, after.resources)).diff!;
    const summary = (changes: typeof offline.changes) => changes.map((c) => `${c.action} ${c.resource.type} ${c.resource.name}`);

    expect(summary(fromPreview.changes)).toEqual(summary(offline.changes));
    expect(fromPreview.counts).toEqual(offline.counts);
    expect(offline.counts.add * offline.counts.destroy).toBeGreaterThan(0);
  });
});
