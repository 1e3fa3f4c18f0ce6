import { describe, expect, it } from "vitest";
import { evaluateProgram } from "../../src/evaluate/evaluateProgram";
import { declaredSetup, snapshotOf } from "../../src/plan/declaredSetup";
import { diffSetups } from "../../src/plan/diff";
import { renderPlanJson } from "../../src/plan/renderJson";
import { renderMarkdown } from "../../src/plan/renderMarkdown";
import { defineDirectAuthProgram } from "../../src/program";
import { stackConfig, TESTER } from "../helpers/stackConfig";
import { OKTA } from "../helpers/tokens";
import { changesOf, planOfChange, section, snapshotWith } from "./support/plans";

const MFA_ONLY = { variants: ["mfa-otp"], testUser: TESTER };

describe("offline plan of a change", () => {
  it("adding a variant creates its app, policy and rule, and destroys nothing", async () => {
    const plan = await planOfChange(MFA_ONLY, { ...MFA_ONLY, variants: ["mfa-otp", "otp"] });
    const { counts } = plan.diff!;

    expect(counts).toMatchObject({ change: 0, replace: 0, destroy: 0 });
    expect(counts.add).toBe(plan.diff!.changes.length);
    expect(changesOf(plan, OKTA.app).map((c) => [c.action, c.resource.displayName])).toEqual([["create", "Direct Auth OTP"]]);
    // The first primary-factor variant also brings the scoped session policy (docs/direct-auth-reference.md#variants).
    expect(changesOf(plan, OKTA.sessionPolicy).map((c) => c.action)).toEqual(["create"]);

    const markdown = renderMarkdown(plan);
    expect(markdown).not.toContain("[!CAUTION]");
    expect(markdown).toContain(`**${counts.add} to add, 0 to change, 0 to replace, 0 to destroy**`);
    const apps = section(markdown, "#### Native apps");
    expect(apps[0]).toBe("- **+ create** native app \"Direct Auth OTP\" · `direct-auth-direct-auth-otp`");
    expect(apps).toContain("  - `grantTypes`: `[authorization_code, urn:okta:params:oauth:grant-type:otp]`");
    // The app that stays as it was is not listed among the changes.
    expect(apps.join("\n")).not.toContain("Direct Auth MFA OTP");
  });

  it("removing a variant deletes its app and policy behind a caution banner naming what breaks", async () => {
    const plan = await planOfChange({ ...MFA_ONLY, variants: ["mfa-otp", "otp"] }, MFA_ONLY);
    const markdown = renderMarkdown(plan);
    const lines = markdown.split("\n");

    expect(plan.diff!.counts).toMatchObject({ add: 0, change: 0, replace: 0 });
    expect(lines[3]).toMatch(/^\*\*0 to add, 0 to change, 0 to replace, \d+ to destroy\*\*/);
    const banner = lines.filter((line) => line.startsWith(">"));
    expect(banner[0]).toBe("> [!CAUTION]");
    expect(banner).toContainEqual(expect.stringMatching(/^> - \*\*delete\*\* native app "Direct Auth OTP" .*client ID stops working/));
    expect(banner).toContainEqual(expect.stringMatching(/^> - \*\*delete\*\* app sign-in policy "Direct Auth 1FA" .*default authentication policy/));
    // Authenticators are retained on delete; removing one from the stack is not destructive.
    expect(banner.join("\n")).not.toContain("authenticator");
    expect(section(markdown, "#### Native apps")).toContain("- **− delete** native app \"Direct Auth OTP\" · `direct-auth-direct-auth-otp`");
  });

  it("switching to a custom authorization server adds its access policy and changes the issuer", async () => {
    const plan = await planOfChange(MFA_ONLY, { ...MFA_ONLY, authorizationServer: "default" });

    expect(plan.diff!.changes.map((c) => [c.action, c.resource.type])).toEqual([
      ["create", OKTA.serverPolicy],
      ["create", OKTA.serverPolicyRule],
    ]);
    const markdown = renderMarkdown(plan);
    const server = section(markdown, "#### Authorization server grants");
    expect(server).toContain('  - `clientWhitelists`: `[<native app "Direct Auth MFA OTP">]`');
    expect(server).toContain('  - `policyId`: `<authorization server access policy "Direct Auth (dev)">`');
    expect(section(markdown, "#### Stack outputs clients use")).toContain(
      "- `issuer`: `https://dev-123456.okta.com` → `https://dev-123456.okta.com/oauth2/default`",
    );
  });

  it("switching back to the org authorization server is destructive: the custom server stops allowing the grants", async () => {
    const plan = await planOfChange({ ...MFA_ONLY, authorizationServer: "default" }, MFA_ONLY);
    const destructive = plan.diff!.changes.filter((c) => c.destructive);
    expect(destructive.map((c) => c.resource.type)).toEqual([OKTA.serverPolicy, OKTA.serverPolicyRule]);
    expect(renderMarkdown(plan)).toMatch(/> - \*\*delete\*\* authorization server access policy "Direct Auth \(dev\)"/);
  });

  it("renaming an app deletes it and creates a new one, and says the client ID changes", async () => {
    const plan = await planOfChange(
      { apps: [{ name: "Direct Auth Primary", variants: ["otp"] }], testUser: TESTER },
      { apps: [{ name: "Direct Auth Sign-in", variants: ["otp"] }], testUser: TESTER },
    );

    expect(changesOf(plan, OKTA.app).map((c) => [c.action, c.resource.displayName])).toEqual([
      ["delete", "Direct Auth Primary"],
      ["create", "Direct Auth Sign-in"],
    ]);
    const markdown = renderMarkdown(plan);
    expect(markdown).toMatch(/> - \*\*delete\*\* native app "Direct Auth Primary" .*client ID stops working/);
    expect(markdown).toContain("> Renamed something? Pulumi keys resources by name");
    const outputs = section(markdown, "#### Stack outputs clients use");
    expect(outputs.some((line) => line.startsWith('- `apps["Direct Auth Sign-in"]`: `(none)` → '))).toBe(true);
  });

  it("changing a looked-up test user updates the rule that names them, by login rather than id", async () => {
    const plan = await planOfChange(MFA_ONLY, { ...MFA_ONLY, testUser: { login: "other@example.com" } });

    expect(plan.diff!.counts).toEqual({ add: 0, change: 1, replace: 0, destroy: 0 });
    const [rule] = plan.diff!.changes;
    expect(rule.resource.type).toBe(OKTA.appSignOnPolicyRule);
    expect(rule.properties).toEqual([
      {
        path: "usersIncluded",
        before: ['<user "tester@example.com">'],
        after: ['<user "other@example.com">'],
        forcesReplacement: false,
      },
    ]);
    expect(section(renderMarkdown(plan), "#### App sign-in policies")).toContain(
      '  - `usersIncluded`: `[<user "tester@example.com">]` → `[<user "other@example.com">]`',
    );
  });

  it("changing a created test user's login updates the user in place; the masked password does not show as changed", async () => {
    const created = { ...MFA_ONLY, testUser: { login: "tester@example.com", create: true } };
    const plan = await planOfChange(created, { ...created, testUser: { login: "other@example.com", create: true } });

    const [user] = changesOf(plan, OKTA.user);
    expect(user.action).toBe("update");
    expect(user.properties.map((p) => p.path).sort()).toEqual(["email", "login"]);
    expect(plan.diff!.changes.filter((c) => c.destructive)).toEqual([]);
  });

  it("an input the provider cannot update replaces the resource, and a replaced app is destructive", async () => {
    const base = await snapshotWith(MFA_ONLY);
    const head = structuredClone(base);
    head.resources.find((r) => r.type === OKTA.app)!.inputs.type = "browser";

    const diff = diffSetups(base, head);
    expect(diff.counts).toEqual({ add: 0, change: 0, replace: 1, destroy: 0 });
    expect(diff.changes[0].properties).toEqual([{ path: "type", before: "native", after: "browser", forcesReplacement: true }]);
    const markdown = renderMarkdown({ stack: "dev", source: "offline", declared: declaredSetup(head), diff });
    expect(markdown).toMatch(/> - \*\*replace\*\* native app "Direct Auth MFA OTP" .*client ID stops working/);
    expect(markdown).toContain("- **± replace** native app \"Direct Auth MFA OTP\"");
    expect(markdown).toContain("  - `type`: `native` → `browser` **(forces replacement)**");
  });

  it("never shows a secret: the generated password is [secret] in Markdown and JSON", async () => {
    const evaluation = await evaluateProgram({
      stack: "dev",
      config: stackConfig({ variants: ["otp"], testUser: { login: "tester@example.com", create: true } }),
      program: defineDirectAuthProgram,
    });
    const password = evaluation.secretOutputs.get("testUserPassword") as string;
    const head = snapshotOf(evaluation);
    const plan = { stack: "dev", source: "offline" as const, declared: declaredSetup(head), diff: diffSetups(undefined, head) };

    for (const rendered of [renderMarkdown(plan), renderPlanJson(plan)]) {
      expect(password.length).toBeGreaterThan(8);
      expect(rendered).not.toContain(password);
      expect(rendered).toContain("[secret]");
    }
  });

  it("turning protect off changes no object but says, with a warning, which resources Pulumi may then delete", async () => {
    const plan = await planOfChange({ ...MFA_ONLY, protect: true }, MFA_ONLY);

    expect(plan.diff!.counts).toEqual({ add: 0, change: 0, replace: 0, destroy: 0 });
    expect(plan.diff!.protection!.length).toBe(plan.declared.length);
    expect(plan.diff!.protection!.every((c) => c.before && !c.after)).toBe(true);
    const lines = renderMarkdown(plan).split("\n");
    const start = lines.indexOf("> [!WARNING]");
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]).toBe(
      `> **protect changes for ${plan.declared.length} resources** (Pulumi refuses to delete or replace a protected resource)`,
    );
    expect(lines).toContain('> - native app "Direct Auth MFA OTP" · `direct-auth-direct-auth-mfa-otp`: protected → not protected');
    expect(JSON.parse(renderPlanJson(plan)).diff.protection).toHaveLength(plan.declared.length);
  });

  it("lists no protect change when protect stays as it was", async () => {
    const plan = await planOfChange({ ...MFA_ONLY, protect: true }, { ...MFA_ONLY, variants: ["mfa-otp", "mfa-oob-phone"], protect: true });
    expect(plan.diff!.protection).toBeUndefined();
    expect(renderMarkdown(plan)).not.toContain("protect changes");
  });
});
