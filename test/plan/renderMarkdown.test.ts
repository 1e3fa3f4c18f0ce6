import { describe, expect, it } from "vitest";
import { PlannedResource, ResourceChange, SetupPlan } from "../../src/plan/planModel";
import { code, renderMarkdown } from "../../src/plan/renderMarkdown";
import { OKTA } from "../helpers/tokens";

const app: PlannedResource = {
  type: OKTA.app,
  name: "direct-auth-direct-auth-otp",
  step: "apps",
  displayName: "Direct Auth OTP",
  properties: { label: "Direct Auth OTP", grantTypes: ["authorization_code"] },
};
const user: PlannedResource = {
  type: OKTA.user,
  name: "direct-auth-test-user",
  step: "test-user",
  displayName: "tester@example.com",
  properties: { login: "tester@example.com", password: "[secret]" },
};

function planWith(changes: ResourceChange[], declared: PlannedResource[] = [app, user]): SetupPlan {
  return {
    stack: "dev",
    source: "offline",
    base: "main",
    declared,
    diff: { counts: { add: 0, change: 1, replace: 0, destroy: 1 }, changes, outputs: [] },
  };
}

const grantChange: ResourceChange = {
  action: "update",
  resource: app,
  properties: [{ path: "grantTypes", before: ["authorization_code"], after: ["authorization_code", "password"], forcesReplacement: false }],
};
const userDeleted: ResourceChange = {
  action: "delete",
  resource: user,
  properties: [],
  destructive: "the user is deleted with their enrolled factors",
};

describe("renderMarkdown", () => {
  it("puts the marker, then counts, then the banner, then changes by guide step, then the folded setup", () => {
    const lines = renderMarkdown(planWith([grantChange, userDeleted])).split("\n");
    const at = (prefix: string) => lines.findIndex((line) => line.startsWith(prefix));

    expect(lines[0]).toBe("<!-- okta-direct-auth-plan:dev -->");
    expect(at("**0 to add, 1 to change, 0 to replace, 1 to destroy**")).toBe(3);
    const order = [at("> [!CAUTION]"), at("#### Test user"), at("#### Native apps"), at("<details>")];
    expect(order.every((index, i) => index > 3 && (i === 0 || index > order[i - 1]))).toBe(true);
  });

  it("shows property changes before → after and secrets only as [secret]", () => {
    const markdown = renderMarkdown(planWith([grantChange, userDeleted]));
    expect(markdown).toContain("  - `grantTypes`: `[authorization_code]` → `[authorization_code, password]`");
    expect(markdown).toContain("  - `password`: `[secret]`");
  });

  it("says 'No changes' and shows no banner when nothing changes", () => {
    const plan = planWith([]);
    plan.diff!.counts = { add: 0, change: 0, replace: 0, destroy: 0 };
    const markdown = renderMarkdown(plan);
    expect(markdown.split("\n")[3]).toMatch(/^\*\*No changes\*\*/);
    expect(markdown).not.toContain("[!CAUTION]");
  });

  it("without a base shows the declared setup unfolded, with steps that declare nothing explained", () => {
    const markdown = renderMarkdown({ stack: "prod", source: "offline", declared: [app] });
    expect(markdown).not.toContain("<details>");
    expect(markdown).toContain("**1 resource declared**");
    expect(markdown).toContain("_Nothing declared: an existing user, looked up by login._");
    expect(markdown).toContain("_Nothing declared: org authorization server: Identity Engine allows the grants, nothing to declare._");
  });

  it("uses a marker of its own for a preview, so the offline plan's comment is not overwritten", () => {
    const markdown = renderMarkdown({ ...planWith([grantChange]), source: "preview" });
    expect(markdown.split("\n")[0]).toBe("<!-- okta-direct-auth-preview:dev -->");
    expect(markdown).toContain("from `pulumi preview` against the org");
  });

  it("keeps names from the stack config from breaking out of their code spans or the text", () => {
    expect(code("a`b")).toBe("``a`b``");
    expect(code("`x`")).toBe("`` `x` ``");
    const tricky = { ...app, displayName: "<b>*App*</b>", properties: { label: "x`y" } };
    const markdown = renderMarkdown(planWith([{ action: "create", resource: tricky, properties: [{ path: "label", after: "x`y", forcesReplacement: false }] }]));
    expect(markdown).toContain('native app "\\<b\\>\\*App\\*\\</b\\>"');
    expect(markdown).toContain("  - `label`: ``x`y``");
  });

  it("stays under GitHub's comment limit by folding the setup without properties", () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      ...app,
      name: `app-${i}`,
      properties: { description: "x".repeat(200) },
    }));
    const markdown = renderMarkdown(planWith([grantChange], many));
    expect(markdown.length).toBeLessThanOrEqual(65_536);
    expect(markdown).toContain("- native app \"Direct Auth OTP\" · `app-399`");
    expect(markdown).toContain("`grantTypes`: `[authorization_code]` → ");
  });
});
