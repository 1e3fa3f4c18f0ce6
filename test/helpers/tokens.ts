/**
 * Type tokens as the engine sees them, written out rather than read from the provider classes so a
 * test names the exact Okta object it expects.
 */
export const OKTA = {
  authenticator: "okta:index/authenticator:Authenticator",
  app: "okta:app/oAuth:OAuth",
  groupAssignment: "okta:app/groupAssignment:GroupAssignment",
  appSignOnPolicy: "okta:index/appSignonPolicy:AppSignonPolicy",
  appSignOnPolicyRule: "okta:index/appSignonPolicyRule:AppSignonPolicyRule",
  group: "okta:group/group:Group",
  groupMemberships: "okta:index/groupMemberships:GroupMemberships",
  sessionPolicy: "okta:policy/signon:Signon",
  sessionPolicyRule: "okta:policy/ruleSignon:RuleSignon",
  serverPolicy: "okta:auth/serverPolicy:ServerPolicy",
  serverPolicyRule: "okta:auth/serverPolicyRule:ServerPolicyRule",
  user: "okta:user/user:User",
} as const;

/** The project's dynamic resources share one type token; their `settingsKind` input tells them apart. */
export const DYNAMIC = "pulumi-nodejs:dynamic:Resource";

/**
 * Org-wide authenticator methods and enrollment, which the provider cannot manage
 * (docs/direct-auth-reference.md#enable-the-authenticator).
 */
export const ORG_SETTINGS = `${DYNAMIC}#authenticator-settings`;

/** An app sign-in policy's catch-all access, which the provider sets only when it creates the policy. */
export const CATCH_ALL = `${DYNAMIC}#catch-all-rule`;

/** The token a test names a resource by: its type, and for a dynamic resource its kind too. */
export function tokenOf(resource: { type: string; inputs: Record<string, unknown> }): string {
  return resource.type === DYNAMIC ? `${DYNAMIC}#${String(resource.inputs.settingsKind)}` : resource.type;
}

export const RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";

export const LOOKUP = {
  everyoneGroup: "okta:group/getEveryoneGroup:getEveryoneGroup",
  user: "okta:user/getUser:getUser",
  authorizationServer: "okta:auth/getServer:getServer",
} as const;

export const COMPONENT = {
  setup: "okta-direct-auth:index:DirectAuthSetup",
  testUser: "okta-direct-auth:users:TestUser",
  authenticators: "okta-direct-auth:authenticators:Authenticators",
  sessionPolicy: "okta-direct-auth:policies:TestUserSessionPolicy",
  appSignInPolicy: "okta-direct-auth:policies:AppSignInPolicy",
  nativeApp: "okta-direct-auth:apps:NativeApp",
  authorizationServerAccess: "okta-direct-auth:authorization:AuthorizationServerAccess",
} as const;
