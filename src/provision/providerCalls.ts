import { DeclaredResource } from "../evaluate/evaluateProgram";
import { OktaConnection } from "../config/connection";
import { OktaManagementClient } from "../orgSettings/managementClient";

/**
 * The management calls the Okta provider makes to create one resource, with the bodies it sends
 * (okta/terraform-provider-okta), so an org set up this way holds what `pulumi up` would leave.
 */
export interface ProvisioningContext {
  client: OktaManagementClient;
  /** For the project's own dynamic resource, which makes its own client. */
  connection: OktaConnection;
  /** Resolves an id the offline evaluation made up to the id the org gave the same object. */
  ref(value: unknown): string;
  refs(value: unknown): string[];
  /** The evaluation masks secret inputs; this is the created test user's password in clear. */
  testUserPassword: string;
}

interface Created {
  id: string;
  credentials?: { oauthClient?: { client_id?: string } };
}

type Inputs = Record<string, unknown>;

const text = (value: unknown, fallback = ""): string => (typeof value === "string" ? value : fallback);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
/** The provider schema's default applies when the program leaves a field out: it is sent all the same. */
const flag = (value: unknown, fallback: boolean): boolean => (typeof value === "boolean" ? value : fallback);
const count = (value: unknown, fallback: number): number => (typeof value === "number" ? value : fallback);

/** How every okta policy body begins (the provider's buildPolicy): its type, then name and description as declared. */
function policyBody(type: string, r: DeclaredResource): Inputs {
  return { type, name: text(r.inputs.name), description: text(r.inputs.description) };
}

/** okta_user: created active with its password, as `pulumi up` does for a test org's user. */
export async function createUser(ctx: ProvisioningContext, r: DeclaredResource): Promise<string> {
  const user = await ctx.client.post<Created>("/api/v1/users?activate=true", {
    profile: {
      login: text(r.inputs.login),
      email: text(r.inputs.email, text(r.inputs.login)),
      firstName: text(r.inputs.firstName),
      lastName: text(r.inputs.lastName),
    },
    credentials: { password: { value: ctx.testUserPassword } },
  });
  return user.id;
}

export async function createGroup(ctx: ProvisioningContext, r: DeclaredResource): Promise<string> {
  const group = await ctx.client.post<Created>("/api/v1/groups", {
    profile: { name: text(r.inputs.name), description: text(r.inputs.description) },
  });
  return group.id;
}

export async function addGroupMembers(ctx: ProvisioningContext, r: DeclaredResource): Promise<string> {
  const groupId = ctx.ref(r.inputs.groupId);
  for (const userId of ctx.refs(r.inputs.users)) await ctx.client.put(`/api/v1/groups/${groupId}/users/${userId}`, undefined);
  return groupId;
}

/**
 * okta_authenticator adopts the authenticator with its key and only changes its status; Okta has no
 * create for the built-in ones.
 */
export async function adoptAuthenticator(ctx: ProvisioningContext, r: DeclaredResource): Promise<string> {
  const key = text(r.inputs.key);
  const all = await ctx.client.get<{ id: string; key: string; status: string }[]>("/api/v1/authenticators");
  const found = all.find((a) => a.key === key);
  if (!found) throw new Error(`the org has no authenticator with key ${key}`);
  const wanted = text(r.inputs.status, "ACTIVE");
  if (found.status !== wanted) {
    await ctx.client.post(`/api/v1/authenticators/${found.id}/lifecycle/${wanted === "ACTIVE" ? "activate" : "deactivate"}`);
  }
  return found.id;
}

/**
 * okta_app_signon_policy (buildV5AccessPolicy: type, name, description, priority default 1): Okta
 * adds a "Catch-all Rule" (ALLOW, system) to every new access policy; the provider turns it to DENY
 * when `catchAll` is false, with a PUT of that rule as read.
 */
export async function createAppSignOnPolicy(ctx: ProvisioningContext, r: DeclaredResource): Promise<string> {
  const policy = await ctx.client.post<Created>("/api/v1/policies", { ...policyBody("ACCESS_POLICY", r), priority: count(r.inputs.priority, 1) });
  if (r.inputs.catchAll === false) {
    const rules = await ctx.client.get<(Inputs & { id: string; name: string; system?: boolean })[]>(`/api/v1/policies/${policy.id}/rules`);
    const catchAll = rules.find((rule) => rule.system === true);
    if (catchAll) {
      const actions = (catchAll.actions ?? {}) as { appSignOn?: Inputs };
      await ctx.client.put(`/api/v1/policies/${policy.id}/rules/${catchAll.id}`, {
        ...catchAll,
        actions: { ...actions, appSignOn: { ...actions.appSignOn, access: "DENY" } },
      });
    }
  }
  return policy.id;
}

/** okta_app_signon_policy_rule (buildAppSignOnPolicyRule): people only when the rule names any. */
export async function createAppSignOnPolicyRule(ctx: ProvisioningContext, r: DeclaredResource): Promise<string> {
  const policyId = ctx.ref(r.inputs.policyId);
  const users = { include: ctx.refs(r.inputs.usersIncluded), exclude: ctx.refs(r.inputs.usersExcluded) };
  const groups = { include: ctx.refs(r.inputs.groupsIncluded), exclude: ctx.refs(r.inputs.groupsExcluded) };
  const named = (condition: { include: string[]; exclude: string[] }) => condition.include.length + condition.exclude.length > 0;
  const rule = await ctx.client.post<Created>(`/api/v1/policies/${policyId}/rules`, {
    type: "ACCESS_POLICY",
    name: text(r.inputs.name),
    priority: count(r.inputs.priority, 0),
    conditions: {
      network: { connection: text(r.inputs.networkConnection, "ANYWHERE") },
      platform: {},
      ...(named(users) || named(groups) ? { people: { ...(named(users) ? { users } : {}), ...(named(groups) ? { groups } : {}) } } : {}),
    },
    actions: {
      appSignOn: {
        access: text(r.inputs.access, "ALLOW"),
        verificationMethod: {
          type: text(r.inputs.type, "ASSURANCE"),
          factorMode: text(r.inputs.factorMode, "2FA"),
          reauthenticateIn: text(r.inputs.reAuthenticationFrequency, "PT2H"),
          constraints: list(r.inputs.constraints).map((json) => JSON.parse(json) as unknown),
        },
      },
    },
  });
  if (r.inputs.status === "INACTIVE") await ctx.client.post(`/api/v1/policies/${policyId}/rules/${rule.id}/lifecycle/deactivate`);
  return rule.id;
}

/** okta_policy_signon: status in the body, priority only when set. */
export async function createSessionPolicy(ctx: ProvisioningContext, r: DeclaredResource): Promise<string> {
  const policy = await ctx.client.post<Created>("/api/v1/policies", {
    ...policyBody("OKTA_SIGN_ON", r),
    status: text(r.inputs.status, "ACTIVE"),
    ...(typeof r.inputs.priority === "number" ? { priority: r.inputs.priority } : {}),
    conditions: { people: { groups: { include: ctx.refs(r.inputs.groupsIncluded) } } },
  });
  return policy.id;
}

/**
 * okta_policy_rule_signon (buildSignOnPolicyRule): the schema's defaults go out with the rule, the
 * session lifetimes (120 minutes each) and "any identity provider" included.
 */
export async function createSessionPolicyRule(ctx: ProvisioningContext, r: DeclaredResource): Promise<string> {
  const policyId = ctx.ref(r.inputs.policyId);
  const rule = await ctx.client.post<Created>(`/api/v1/policies/${policyId}/rules`, {
    type: "SIGN_ON",
    name: text(r.inputs.name),
    status: text(r.inputs.status, "ACTIVE"),
    ...(typeof r.inputs.priority === "number" ? { priority: r.inputs.priority } : {}),
    conditions: {
      authContext: { authType: text(r.inputs.authtype, "ANY") },
      identityProvider: { provider: text(r.inputs.identityProvider, "ANY") },
      network: { connection: text(r.inputs.networkConnection, "ANYWHERE") },
    },
    actions: {
      signon: {
        access: text(r.inputs.access, "ALLOW"),
        rememberDeviceByDefault: flag(r.inputs.mfaRememberDevice, false),
        requireFactor: flag(r.inputs.mfaRequired, false),
        session: {
          maxSessionIdleMinutes: count(r.inputs.sessionIdle, 120),
          maxSessionLifetimeMinutes: count(r.inputs.sessionLifetime, 120),
          usePersistentCookie: flag(r.inputs.sessionPersistent, false),
        },
        ...(typeof r.inputs.primaryFactor === "string" ? { primaryFactor: r.inputs.primaryFactor } : {}),
      },
    },
  });
  return rule.id;
}

export async function createAccessPolicy(ctx: ProvisioningContext, r: DeclaredResource): Promise<string> {
  const serverId = ctx.ref(r.inputs.authServerId);
  const policy = await ctx.client.post<Created>(`/api/v1/authorizationServers/${serverId}/policies`, {
    ...policyBody("OAUTH_AUTHORIZATION_POLICY", r),
    priority: r.inputs.priority,
    status: text(r.inputs.status, "ACTIVE"),
    conditions: { clients: { include: ctx.refs(r.inputs.clientWhitelists) } },
  });
  return policy.id;
}

export async function createAccessPolicyRule(ctx: ProvisioningContext, r: DeclaredResource): Promise<string> {
  const serverId = ctx.ref(r.inputs.authServerId);
  const policyId = ctx.ref(r.inputs.policyId);
  const rule = await ctx.client.post<Created>(`/api/v1/authorizationServers/${serverId}/policies/${policyId}/rules`, {
    type: "RESOURCE_ACCESS",
    name: text(r.inputs.name),
    priority: r.inputs.priority,
    status: text(r.inputs.status, "ACTIVE"),
    conditions: {
      grantTypes: { include: list(r.inputs.grantTypeWhitelists) },
      scopes: { include: list(r.inputs.scopeWhitelists) },
      people: { groups: { include: ctx.refs(r.inputs.groupWhitelists) }, users: { include: ctx.refs(r.inputs.userWhitelists) } },
    },
    actions: { token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 } },
  });
  return rule.id;
}

/**
 * okta_app_oauth creates the app active, with the schema's defaults (hidden from the dashboard and
 * the iOS app, the built-in username template, ...), then assigns its authentication policy in a
 * second call.
 */
export async function createOAuthApp(ctx: ProvisioningContext, r: DeclaredResource): Promise<{ id: string; clientId: string }> {
  const app = await ctx.client.post<Created>("/api/v1/apps?activate=true", {
    name: "oidc_client",
    label: text(r.inputs.label),
    signOnMode: "OPENID_CONNECT",
    accessibility: r.inputs.accessibilitySelfService === true ? { selfService: true } : {},
    visibility: {
      hide: { iOS: flag(r.inputs.hideIos, true), web: flag(r.inputs.hideWeb, true) },
      ...(r.inputs.autoSubmitToolbar === true ? { autoSubmitToolbar: true } : {}),
    },
    credentials: {
      oauthClient: {
        autoKeyRotation: flag(r.inputs.autoKeyRotation, true),
        token_endpoint_auth_method: text(r.inputs.tokenEndpointAuthMethod, "client_secret_basic"),
        pkce_required: r.inputs.pkceRequired === true,
      },
      userNameTemplate: { template: text(r.inputs.userNameTemplate, "${source.login}"), type: text(r.inputs.userNameTemplateType, "BUILT_IN") },
    },
    settings: {
      notes: {},
      oauthClient: {
        application_type: text(r.inputs.type, "web"),
        consent_method: text(r.inputs.consentMethod, "TRUSTED"),
        dpop_bound_access_tokens: false,
        grant_types: list(r.inputs.grantTypes),
        idp_initiated_login: { default_scope: [], mode: text(r.inputs.loginMode, "DISABLED") },
        issuer_mode: text(r.inputs.issuerMode, "ORG_URL"),
        redirect_uris: list(r.inputs.redirectUris),
        response_types: list(r.inputs.responseTypes),
        wildcard_redirect: text(r.inputs.wildcardRedirect, "DISABLED"),
      },
    },
  });
  if (r.inputs.authenticationPolicy) {
    await ctx.client.put(`/api/v1/apps/${app.id}/policies/${ctx.ref(r.inputs.authenticationPolicy)}`, undefined);
  }
  return { id: app.id, clientId: app.credentials?.oauthClient?.client_id ?? app.id };
}

export async function assignGroupToApp(ctx: ProvisioningContext, r: DeclaredResource): Promise<string> {
  const appId = ctx.ref(r.inputs.appId);
  const groupId = ctx.ref(r.inputs.groupId);
  await ctx.client.put(`/api/v1/apps/${appId}/groups/${groupId}`, { priority: r.inputs.priority ?? 0 });
  return `${appId}/${groupId}`;
}
