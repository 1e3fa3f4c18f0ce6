import { DeclaredResource, Evaluation } from "../evaluate/evaluateProgram";
import { EVERYONE_GROUP_ID, lookedUpUserId, oktaId } from "../okta/ids";
import { generatedPassword } from "../okta/passwords";
import { CREATION_ORDER, LOOKUPS, ResourceTypeName, TOKEN, isOfType } from "../okta/resourceTypes";
import { authenticatorSettingsProvider, AuthenticatorSettingsInputs } from "../orgSettings/authenticatorSettingsProvider";
import { CatchAllRuleInputs, catchAllRuleProvider } from "../orgSettings/catchAllRuleProvider";
import { OktaConnection } from "../config/connection";
import { ClientOptions, OktaApiError, OktaManagementClient } from "../orgSettings/managementClient";
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

/** Okta ids are 20 characters; shorter keys (`default`, `EVERYONE`) are replaced only as whole values. */
const MIN_EMBEDDED_ID_LENGTH = 16;

/**
 * The management calls for each declared type, made in the registry's creation order so what a
 * resource refers to exists before it; undefined for a type the org never sees (a random password
 * reaches it only as the user's password).
 */
const CREATE: Record<ResourceTypeName, Create | undefined> = {
  user: createUser,
  password: undefined,
  orgSettings: applyOrgSettings,
  authenticator: adoptAuthenticator,
  group: createGroup,
  groupMemberships: addGroupMembers,
  appSignOnPolicy: createAppSignOnPolicy,
  catchAll: applyCatchAll,
  appSignOnPolicyRule: createAppSignOnPolicyRule,
  sessionPolicy: createSessionPolicy,
  sessionPolicyRule: createSessionPolicyRule,
  app: createApp,
  groupAssignment: assignGroupToApp,
  accessPolicy: createAccessPolicy,
  accessPolicyRule: createAccessPolicyRule,
};

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
  options: { testUserPassword?: string; client?: OktaManagementClient; onRateLimited?: ClientOptions["onRateLimited"] } = {},
): Promise<ProvisionedSetup> {
  const client = options.client ?? new OktaManagementClient(connection, { onRateLimited: options.onRateLimited });
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
  for (const name of CREATION_ORDER) {
    const create = CREATE[name];
    if (!create) continue;
    for (const resource of evaluation.resources) {
      if (!isOfType(resource, name)) continue;
      const id = await create(ctx, resource, ids);
      if (resource.id) ids.set(resource.id, id);
      created++;
    }
  }
  const userResource = evaluation.resources.find((r) => r.type === TOKEN.user);
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
  const inputs = { ...(resource.inputs as unknown as AuthenticatorSettingsInputs), connection: ctx.connection };
  const { id } = await authenticatorSettingsProvider.create(inputs);
  return id;
}

async function applyCatchAll(ctx: ProvisioningContext, resource: DeclaredResource): Promise<string> {
  const declared = resource.inputs as unknown as CatchAllRuleInputs;
  const { id } = await catchAllRuleProvider.create({ ...declared, policyId: ctx.ref(declared.policyId), connection: ctx.connection });
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
      case LOOKUPS.everyoneGroup.token: {
        const groups = await ctx.client.get<{ id: string }[]>(`/api/v1/groups?q=Everyone&filter=${encodeURIComponent('type eq "BUILT_IN"')}`);
        if (groups[0]) ids.set(EVERYONE_GROUP_ID, groups[0].id);
        break;
      }
      case LOOKUPS.user.token: {
        lookedUpLogin = (invoke.args.searches as { value?: string }[] | undefined)?.[0]?.value;
        if (lookedUpLogin) ids.set(lookedUpUserId(lookedUpLogin), await existingUser(ctx, lookedUpLogin));
        break;
      }
      case LOOKUPS.authorizationServer.token: {
        const name = String(invoke.args.name);
        const servers = await ctx.client.get<{ id: string; name: string }[]>(`/api/v1/authorizationServers?q=${encodeURIComponent(name)}`);
        const server =
          servers.find((s) => s.name === name) ??
          (await ctx.client.post<{ id: string; name: string }>("/api/v1/authorizationServers", {
            name,
            description: "The org's own authorization server, which the stack looks up by name",
            audiences: [`api://${name}`],
          }));
        ids.set(oktaId(LOOKUPS.authorizationServer.idPrefix, name), server.id);
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
