import { DeclaredResource, Evaluation } from "../../evaluate/evaluateProgram";
import { EVERYONE_GROUP_ID, generatedPassword, lookedUpUserId } from "../../evaluate/offlineOkta";
import { oktaId } from "../../evaluate/oktaIds";
import { authenticatorSettingsProvider, AuthenticatorSettingsInputs, SETTINGS_KIND } from "../../orgSettings/authenticatorSettingsProvider";
import { OktaConnection } from "../../orgSettings/connection";
import { ClientOptions, OktaApiError, OktaManagementClient } from "../../orgSettings/managementClient";
import {
  ProvisioningContext,
  addGroupMembers,
  adoptAuthenticator,
  assignGroupToApp,
  createAccessPolicy,
  createAccessPolicyRule,
  createAppSignOnPolicy,
  createAppSignOnPolicyRule,
  createGroup,
  createOAuthApp,
  createSessionPolicy,
  createSessionPolicyRule,
  createUser,
} from "./providerCalls";

type Create = (ctx: ProvisioningContext, resource: DeclaredResource, ids: Map<string, string>) => Promise<string>;

const USER_TYPE = "okta:user/user:User";
/** Okta ids are 20 characters; shorter keys (`default`, `EVERYONE`) are replaced only as whole values. */
const MIN_EMBEDDED_ID_LENGTH = 16;

/**
 * In the order the engine's dependency graph creates them: what a resource refers to exists before
 * it. Types the org never sees (components, random passwords) are not listed.
 */
const CREATE_IN_ORDER: [string, Create][] = [
  [USER_TYPE, createUser],
  ["okta:group/group:Group", createGroup],
  ["okta:index/groupMemberships:GroupMemberships", addGroupMembers],
  ["pulumi-nodejs:dynamic:Resource", applyOrgSettings],
  ["okta:index/authenticator:Authenticator", adoptAuthenticator],
  ["okta:index/appSignonPolicy:AppSignonPolicy", createAppSignOnPolicy],
  ["okta:index/appSignonPolicyRule:AppSignonPolicyRule", createAppSignOnPolicyRule],
  ["okta:policy/signon:Signon", createSessionPolicy],
  ["okta:policy/ruleSignon:RuleSignon", createSessionPolicyRule],
  ["okta:app/oAuth:OAuth", createApp],
  ["okta:app/groupAssignment:GroupAssignment", assignGroupToApp],
  ["okta:auth/serverPolicy:ServerPolicy", createAccessPolicy],
  ["okta:auth/serverPolicyRule:ServerPolicyRule", createAccessPolicyRule],
];

export interface ProvisionedSetup {
  /** The evaluation's stack outputs with every made-up id and client id replaced by the org's. */
  outputs: Record<string, unknown>;
  testUser: { login: string; password: string };
  /** Resources the org now holds that the evaluation declared. */
  resourcesCreated: number;
  /** Each made-up id (and client id) of the evaluation, to the id the org gave the same object. */
  ids: ReadonlyMap<string, string>;
}

/**
 * Applies what the evaluated program declares to an org through Okta's management API, making the
 * calls `pulumi up` with the Okta provider makes. What the program only looks up (the test user of
 * a stack that does not create one) is created first, as the org's own.
 */
export async function provisionSetup(
  evaluation: Evaluation,
  connection: OktaConnection,
  options: { testUserPassword?: string; onRateLimited?: ClientOptions["onRateLimited"] } = {},
): Promise<ProvisionedSetup> {
  const client = new OktaManagementClient(connection, { onRateLimited: options.onRateLimited });
  const ids = new Map<string, string>();
  const declaredPassword = evaluation.secretOutputs.get("testUserPassword");
  const password = options.testUserPassword ?? (typeof declaredPassword === "string" ? declaredPassword : generatedPassword());
  const ctx: ProvisioningContext = {
    client,
    connection,
    testUserPassword: password,
    ref: (value) => (typeof value === "string" ? (ids.get(value) ?? value) : ""),
    refs: (value) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").map((v) => ids.get(v) ?? v) : []),
  };

  const login = await resolveLookups(ctx, evaluation, ids);
  let created = 0;
  for (const [type, create] of CREATE_IN_ORDER) {
    for (const resource of evaluation.resources) {
      if (resource.type !== type) continue;
      const id = await create(ctx, resource, ids);
      if (resource.id) ids.set(resource.id, id);
      created++;
    }
  }
  const userResource = evaluation.resources.find((r) => r.type === USER_TYPE);
  return {
    outputs: remapIds(evaluation.outputs, ids) as Record<string, unknown>,
    testUser: { login: login ?? String(userResource?.inputs.login ?? ""), password },
    resourcesCreated: created,
    ids,
  };
}

/** The app's id and, under its made-up client id, the client id the org issued. */
async function createApp(ctx: ProvisioningContext, resource: DeclaredResource, ids: Map<string, string>): Promise<string> {
  const app = await createOAuthApp(ctx, resource);
  const declaredClientId = resource.state.clientId;
  if (typeof declaredClientId === "string") ids.set(declaredClientId, app.clientId);
  return app.id;
}

/** The project's own dynamic resource, run exactly as the engine runs it, against this org. */
async function applyOrgSettings(ctx: ProvisioningContext, resource: DeclaredResource): Promise<string> {
  if (resource.inputs.settingsKind !== SETTINGS_KIND) throw new Error(`unknown dynamic resource ${resource.name}`);
  const inputs = { ...(resource.inputs as unknown as AuthenticatorSettingsInputs), connection: ctx.connection };
  const { id } = await authenticatorSettingsProvider.create(inputs);
  return id;
}

/**
 * Everyone, named authorization servers and a looked-up test user: found in the org as the
 * provider's data sources do. A stack looks up what the org already has; a fresh org gets it here.
 */
async function resolveLookups(ctx: ProvisioningContext, evaluation: Evaluation, ids: Map<string, string>): Promise<string | undefined> {
  let lookedUpLogin: string | undefined;
  for (const invoke of evaluation.invokes) {
    switch (invoke.token) {
      case "okta:group/getEveryoneGroup:getEveryoneGroup": {
        const groups = await ctx.client.get<{ id: string }[]>(`/api/v1/groups?q=Everyone&filter=${encodeURIComponent('type eq "BUILT_IN"')}`);
        if (groups[0]) ids.set(EVERYONE_GROUP_ID, groups[0].id);
        break;
      }
      case "okta:user/getUser:getUser": {
        lookedUpLogin = (invoke.args.searches as { value?: string }[] | undefined)?.[0]?.value;
        if (lookedUpLogin) ids.set(lookedUpUserId(lookedUpLogin), await existingUser(ctx, lookedUpLogin));
        break;
      }
      case "okta:auth/getServer:getServer": {
        const name = String(invoke.args.name);
        const servers = await ctx.client.get<{ id: string; name: string }[]>(`/api/v1/authorizationServers?q=${encodeURIComponent(name)}`);
        const server =
          servers.find((s) => s.name === name) ??
          (await ctx.client.post<{ id: string; name: string }>("/api/v1/authorizationServers", {
            name,
            description: "The org's own authorization server, which the stack looks up by name",
            audiences: [`api://${name}`],
          }));
        ids.set(oktaId("aus", name), server.id);
        break;
      }
    }
  }
  return lookedUpLogin;
}

/** A stack that looks its test user up expects the org to have it already. */
async function existingUser(ctx: ProvisioningContext, login: string): Promise<string> {
  try {
    return (await ctx.client.get<{ id: string }>(`/api/v1/users/${encodeURIComponent(login)}`)).id;
  } catch (error) {
    if (!(error instanceof OktaApiError) || error.status !== 404) throw error;
  }
  const created = await ctx.client.post<{ id: string }>("/api/v1/users?activate=true", {
    profile: { login, email: login, firstName: "Direct", lastName: "Auth Tester" },
    credentials: { password: { value: ctx.testUserPassword } },
  });
  return created.id;
}

/** Made-up ids also stand inside values (an issuer URL names its server's id). */
function remapIds(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === "string") {
    let remapped = ids.get(value) ?? value;
    for (const [declared, real] of ids) if (declared.length >= MIN_EMBEDDED_ID_LENGTH) remapped = remapped.split(declared).join(real);
    return remapped;
  }
  if (Array.isArray(value)) return value.map((v) => remapIds(v, ids));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapIds(v, ids)]));
  }
  return value;
}
