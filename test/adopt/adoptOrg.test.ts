import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { adoptOrg } from "../../src/adopt/adoptOrg";
import { ImportEntry, parentOf } from "../../src/adopt/importDocument";
import { main as adoptMain } from "../../src/cli/adopt";
import { RunningEmulator, startOktaEmulator } from "../../src/emulator";
import { provisionSetup } from "../../src/provision/provisionSetup";
import { flatConfig } from "../../src/adopt/stackConfig";
import { Evaluation, PROJECT_NAME, evaluateProgram } from "../../src/evaluate/evaluateProgram";
import { defineDirectAuthProgram } from "../../src/program";
import { evaluateStack } from "../../src/evaluate/evaluateStack";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { getJson, sendJson } from "../emulator/support/http";
import { CapturedIo } from "../helpers/commandIo";
import { OKTA } from "../helpers/tokens";

const ROOT = join(__dirname, "..", "..");
const TOKEN = "adopt-test-token";
let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** An org set up by the same management calls as `pulumi up` (or an admin in the console) makes. */
async function orgSetUpAs(stack: string) {
  const evaluation = await evaluateStack(stack, ROOT);
  emulator = await startOktaEmulator({ apiToken: TOKEN, rateLimits: "reported" });
  const provisioned = await provisionSetup(evaluation, { orgUrl: emulator.url, apiToken: TOKEN });
  const client = new OktaManagementClient({ orgUrl: emulator.url, apiToken: TOKEN });
  return { evaluation, provisioned, client, url: new URL(emulator.url) };
}

const ours = (config: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(config).filter(([k]) => k.startsWith("okta-direct-auth:") && k !== "okta-direct-auth:testUser"));

describe("adopting an org set up by hand", () => {
  it.each(["dev", "test", "prod"])("gives back the %s stack's config and pairs every object for import", async (stack) => {
    const { evaluation, provisioned, client, url } = await orgSetUpAs(stack);
    const adopted = await adoptOrg(client, url, stack);

    const original = parse(readFileSync(join(ROOT, `Pulumi.${stack}.yaml`), "utf8")).config as Record<string, unknown>;
    const expected = ours(original);
    delete expected["okta-direct-auth:protect"];
    expect(ours(adopted.config)).toMatchObject(expected);
    expect(adopted.config["okta-direct-auth:testUser"]).toMatchObject({
      login: (original["okta-direct-auth:testUser"] as { login: string }).login,
      create: false,
    });
    expect(adopted.config["okta:httpProxy"]).toBe(url.origin);

    const entries = adopted.importDocument.resources;
    const names = entries.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of entries) {
      if (entry.parent) expect(names).toContain(entry.parent);
      expect(Boolean(entry.component)).toBe(entry.id === undefined);
    }
    // The URN `pulumi import` gives each entry is the one the engine gives the program's resource,
    // so the next preview sees the imported objects, not new ones.
    for (const r of evaluation.resources) expect(Boolean(parentOf(r, evaluation.resources))).toBe(r.parentType !== undefined);
    const declaredUrns = new Set(evaluation.resources.map((r) => engineUrn(stack, r.name, declaredChain(r, evaluation))));
    for (const entry of entries) expect(declaredUrns).toContain(engineUrn(stack, entry.logicalName, importChain(entry, entries)));
    for (const entry of entries.filter((e) => e.id)) {
      const declared = declaredTwin(evaluation, entry.type, entry.logicalName);
      const want = expectedImportId(declared, provisioned.ids);
      expect({ resource: entry.name, id: entry.id }).toEqual({ resource: entry.name, id: want });
    }
    // Only records of ours, which a dynamic provider cannot import: the org-wide settings and each
    // sign-in policy's catch-all access, both taken as the org has them.
    const policies = evaluation.resources.filter((r) => r.type === "okta:index/appSignonPolicy:AppSignonPolicy");
    expect(policies.length).toBeGreaterThan(0);
    expect([...adopted.toCreate].sort()).toEqual(
      [
        "pulumi-nodejs:dynamic:Resource direct-auth-authenticators-org-settings",
        ...policies.map((p) => `pulumi-nodejs:dynamic:Resource ${p.name}-catch-all`),
      ].sort(),
    );
  }, 60_000);

  it.each(["dev", "test", "prod"])(
    "%s adopted under another stack name: the first preview replaces, deletes and renames nothing, and changes nothing the org already has",
    async (stack) => {
      const { client, url } = await orgSetUpAs(stack);
      const adopted = await adoptOrg(client, url, "other");
      const evaluation = await evaluateProgram({ stack: "other", config: flatConfig(adopted.config), program: defineDirectAuthProgram });

      // Nothing deleted: every imported object is one the program declares under that name.
      const entries = adopted.importDocument.resources.filter((e) => e.id);
      for (const entry of entries) declaredTwin(evaluation, entry.type, entry.logicalName);
      // Nothing replaced: no input of any resource forces a replacement on change.
      for (const r of evaluation.resources) expect({ r: r.name, replaceOnChanges: r.options?.replaceOnChanges }).toEqual({ r: r.name, replaceOnChanges: [] });
      // Nothing renamed: the names read straight from the org are the ones the program declares.
      const ssws = { authorization: `SSWS ${TOKEN}` };
      const names = (path: string) => getJson(`${url.origin}${path}`, ssws).then((a) => (a.body as unknown as { name?: string; profile?: { name: string } }[]));
      const declaredNames = (type: string) => evaluation.resources.filter((r) => r.type === type).map((r) => r.inputs.name);
      const sessionPolicies = (await names("/api/v1/policies?type=OKTA_SIGN_ON")).filter((p) => p.name?.startsWith("Direct Auth"));
      expect(declaredNames("okta:policy/signon:Signon")).toEqual(sessionPolicies.map((p) => p.name));
      const groups = (await names("/api/v1/groups")).filter((g) => g.profile?.name.startsWith("Direct Auth"));
      expect(declaredNames("okta:group/group:Group")).toEqual(groups.map((g) => g.profile!.name));
      if (stack === "prod") expect(declaredNames("okta:auth/serverPolicy:ServerPolicy")).toEqual([`Direct Auth (prod)`]);
      // Set up with the provider's own calls, the org already is what the stack declares.
      expect(adopted.firstUpChanges).toEqual([]);
    },
    60_000,
  );

  it("lists beforehand exactly what the first up changes on an org made in the console", async () => {
    const { client, url } = await orgSetUpAs("test");
    const ssws = { authorization: `SSWS ${TOKEN}` };
    // The console shows a new app on the dashboard, and a session rule it writes has no lifetime limit.
    const [app] = (await getJson(`${url.origin}/api/v1/apps`, ssws)).body as unknown as { id: string; label: string; visibility: object }[];
    expect((await sendJson("PUT", `${url.origin}/api/v1/apps/${app.id}`, { ...app, visibility: { ...app.visibility, hide: { iOS: false, web: false } } }, ssws)).status).toBe(200);
    const [sessionPolicy] = ((await getJson(`${url.origin}/api/v1/policies?type=OKTA_SIGN_ON`, ssws)).body as unknown as { id: string; system: boolean }[]).filter((p) => !p.system);
    const [rule] = (await getJson(`${url.origin}/api/v1/policies/${sessionPolicy.id}/rules`, ssws)).body as unknown as { id: string; name: string; actions: { signon: { session: object } } }[];
    const edited = { ...rule, actions: { signon: { ...rule.actions.signon, session: { ...rule.actions.signon.session, maxSessionLifetimeMinutes: 0 } } } };
    expect((await sendJson("PUT", `${url.origin}/api/v1/policies/${sessionPolicy.id}/rules/${rule.id}`, edited, ssws)).status).toBe(200);

    const adopted = await adoptOrg(client, url, "test");
    expect(adopted.firstUpChanges.map(({ object, input, org, declared }) => ({ object, input, org, declared }))).toEqual([
      { object: app.label, input: "hideIos", org: false, declared: true },
      { object: app.label, input: "hideWeb", org: false, declared: true },
      { object: rule.name, input: "sessionLifetime", org: 0, declared: 120 },
    ]);
    expect(adopted.stackFile).toContain(`- "${app.label}": hideIos false → true`);
  }, 60_000);

  it("says what it cannot express: a second rule added by hand", async () => {
    const { client, url } = await orgSetUpAs("prod");
    const ssws = { authorization: `SSWS ${TOKEN}` };
    const [app] = (await getJson(`${url.origin}/api/v1/apps`, ssws)).body as unknown as { _links: { accessPolicy: { href: string } } }[];
    const policyPath = new URL(app._links.accessPolicy.href).pathname;
    const added = await sendJson("POST", `${url.origin}${policyPath}/rules`, {
      name: "Contractors",
      type: "ACCESS_POLICY",
      actions: { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "2FA", type: "ASSURANCE" } } },
    }, ssws);
    expect(added.status).toBe(200);

    const adopted = await adoptOrg(client, url, "prod");
    expect(adopted.notes.join("\n")).toMatch(/2 rules besides the catch-all; only ".*" is adopted/);
  }, 60_000);

  it("npm run adopt writes the stack file and the import file, and reads the org only", async () => {
    const { url } = await orgSetUpAs("prod");
    const before = emulator!.requests.length;
    const dir = mkdtempSync(join(tmpdir(), "adopt-cli-"));
    const inDir = () => new CapturedIo({ OKTA_API_TOKEN: TOKEN }, dir);
    expect(await adoptMain(["--org", url.origin, "--stack", "mine", "--json"], inDir())).toBe(0);
    const again = inDir();
    expect(await adoptMain(["--org", url.origin, "--stack", "mine"], again)).toBe(2);
    expect(again.stderrText).toMatch(/^adopt: Pulumi\.mine\.yaml and Pulumi\.mine\.import\.json already exist; pass --force/);
    const stackFile = readFileSync(join(dir, "Pulumi.mine.yaml"), "utf8");
    expect(stackFile).toMatch(/^# Written by `npm run adopt`/);
    expect(stackFile).not.toContain(TOKEN);
    expect(parse(stackFile).config["okta-direct-auth:apps"]).toEqual([{ name: "Direct Auth MFA", variants: ["mfa-otp", "mfa-oob-okta-verify"] }]);
    expect(JSON.parse(readFileSync(join(dir, "Pulumi.mine.import.json"), "utf8")).resources.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, "Pulumi.mine.import.json"))).toBe(true);
    expect(emulator!.requests.slice(before).filter((r) => r.method !== "GET")).toEqual([]);
  }, 60_000);
});

/**
 * The engine's URN: the types of every ancestor below the stack, then the resource's own type
 * (pulumi/pkg resource/deploy: a resource under the root stack gets no parent type).
 */
function engineUrn(stack: string, name: string, types: string[]): string {
  return `urn:pulumi:${stack}::${PROJECT_NAME}::${types.join("$")}::${name}`;
}

function importChain(entry: ImportEntry, all: readonly ImportEntry[]): string[] {
  const parent = entry.parent ? all.find((p) => p.name === entry.parent) : undefined;
  return [...(parent ? importChain(parent, all) : []), entry.type];
}

function declaredChain(resource: Evaluation["resources"][number], evaluation: Evaluation): string[] {
  const parent = parentOf(resource, evaluation.resources);
  return [...(parent ? declaredChain(parent, evaluation) : []), resource.type];
}

function declaredTwin(evaluation: Evaluation, type: string, name: string) {
  const twin = evaluation.resources.find((r) => r.type === type && r.name === name);
  if (!twin) throw new Error(`the stack declares no ${type} ${name}`);
  return twin;
}

/** The provider's import id formats: `policyId/ruleId`, `appId/groupId`, `serverId/policyId[/ruleId]`. */
function expectedImportId(resource: Evaluation["resources"][number], ids: ReadonlyMap<string, string>): string {
  const real = (value: unknown) => ids.get(String(value)) ?? String(value);
  switch (resource.type) {
    case OKTA.groupAssignment:
      return `${real(resource.inputs.appId)}/${real(resource.inputs.groupId)}`;
    case OKTA.appSignOnPolicyRule:
    case OKTA.sessionPolicyRule:
      return `${real(resource.inputs.policyId)}/${real(resource.id)}`;
    case OKTA.serverPolicy:
      return `${real(resource.inputs.authServerId)}/${real(resource.id)}`;
    case OKTA.serverPolicyRule:
      return `${real(resource.inputs.authServerId)}/${real(resource.inputs.policyId)}/${real(resource.id)}`;
    default:
      return real(resource.id);
  }
}
