import { CATCH_ALL_KIND, SETTINGS_KIND } from "./declaration";
import { GuideStepId } from "./guideSteps";

/**
 * Every resource type the program declares, once: the registry the offline org, the plan, the
 * emulator, the provisioning client and adoption all read. Entries are in creation order: what a
 * resource refers to comes before it, the order the engine's dependency graph creates them in.
 */
export interface ResourceType {
  /** Pulumi type token, as the engine sees it. */
  token: string;
  /** The project's dynamic resources share one token; their `settingsKind` input tells them apart. */
  settingsKind?: string;
  /** Okta's id prefix for the object; absent where the id is not an Okta object id. */
  idPrefix?: string;
  /** What a reviewer calls it. */
  noun: string;
  /** The guide step whose component declares it. */
  step: GuideStepId;
  /**
   * Inputs whose change forces replacement: `ForceNew` in terraform-provider-okta's schemas, which
   * the bridged provider keeps.
   */
  replacedBy: readonly string[];
  /** Outputs the real provider marks secret. */
  secretState: readonly string[];
  /** What deleting or replacing it breaks; absent when that is harmless. */
  onDelete?: string;
  /** Inputs worth a glance in a one-line terminal listing. */
  summary: readonly string[];
}

const SESSION_FALLBACK =
  "the test user's sessions fall back to the org's default rule; primary-factor flows may stop working";
const ACCESS_LOST = "the custom authorization server stops allowing the apps' Direct Auth grants";

export const RESOURCE_TYPES = {
  // A dynamic resource (src/orgSettings); deleting it restores what it recorded.
  // It comes first: it records the org as it was before the authenticators changed it, and it
  // checks the org is of the kind (oktaVerify) the stack was written for before anything is written.
  orgSettings: {
    token: "pulumi-nodejs:dynamic:Resource",
    settingsKind: SETTINGS_KIND,
    noun: "org-wide authenticator settings",
    step: "authenticators",
    replacedBy: [],
    secretState: [],
    onDelete:
      "each authenticator's status, methods, enrollment and what it is used for (Email's allowedFor) go back to what they were before this stack",
    summary: ["authenticators"],
  },
  user: {
    token: "okta:user/user:User",
    idPrefix: "00u",
    noun: "user",
    step: "test-user",
    replacedBy: [],
    secretState: [],
    onDelete: "the user is deleted with their enrolled factors",
    summary: ["login"],
  },
  password: {
    token: "random:index/randomPassword:RandomPassword",
    noun: "generated password",
    step: "test-user",
    // Every input of a random password forces a new one, which changes the test user's password.
    replacedBy: ["length", "special", "minLower", "minUpper", "minNumeric", "minSpecial", "overrideSpecial"],
    secretState: ["result", "bcryptHash"],
    summary: [],
  },
  // Retained on delete: removing it from the stack leaves the authenticator as it is in the org.
  authenticator: {
    token: "okta:index/authenticator:Authenticator",
    idPrefix: "aut",
    noun: "authenticator",
    step: "authenticators",
    replacedBy: ["key"],
    secretState: [],
    summary: ["key", "status"],
  },
  group: {
    token: "okta:group/group:Group",
    idPrefix: "00g",
    noun: "group",
    step: "session-policy",
    replacedBy: [],
    secretState: [],
    onDelete: "the group is deleted and the session policy scoped to it matches no one",
    summary: [],
  },
  groupMemberships: {
    token: "okta:index/groupMemberships:GroupMemberships",
    noun: "group memberships",
    step: "session-policy",
    replacedBy: ["groupId"],
    secretState: [],
    summary: ["users"],
  },
  appSignOnPolicy: {
    token: "okta:index/appSignonPolicy:AppSignonPolicy",
    idPrefix: "rst",
    noun: "app sign-in policy",
    step: "app-sign-in-policies",
    replacedBy: [],
    secretState: [],
    onDelete: "apps using it fall back to the org's default authentication policy",
    summary: [],
  },
  // A dynamic resource owning the policy's catch-all access, which the provider sets only when it
  // creates the policy; deleting it gives the access back.
  catchAll: {
    token: "pulumi-nodejs:dynamic:Resource",
    settingsKind: CATCH_ALL_KIND,
    noun: "catch-all access of an app sign-in policy",
    step: "app-sign-in-policies",
    replacedBy: ["policyId"],
    secretState: [],
    onDelete: "the policy's catch-all rule gets back the access it had before this stack (nothing to give back when the policy goes too)",
    summary: ["access"],
  },
  appSignOnPolicyRule: {
    token: "okta:index/appSignonPolicyRule:AppSignonPolicyRule",
    idPrefix: "rul",
    noun: "app sign-in policy rule",
    step: "app-sign-in-policies",
    replacedBy: ["policyId"],
    secretState: [],
    onDelete: "the test user's Direct Auth sign-ins are no longer allowed by it",
    summary: ["factorMode", "usersIncluded"],
  },
  sessionPolicy: {
    token: "okta:policy/signon:Signon",
    idPrefix: "00p",
    noun: "global session policy",
    step: "session-policy",
    replacedBy: [],
    secretState: [],
    onDelete: SESSION_FALLBACK,
    summary: [],
  },
  sessionPolicyRule: {
    token: "okta:policy/ruleSignon:RuleSignon",
    idPrefix: "0pr",
    noun: "global session policy rule",
    step: "session-policy",
    replacedBy: ["policyId", "name"],
    secretState: [],
    onDelete: SESSION_FALLBACK,
    summary: ["primaryFactor"],
  },
  app: {
    token: "okta:app/oAuth:OAuth",
    idPrefix: "0oa",
    noun: "native app",
    step: "apps",
    replacedBy: ["type", "clientId"],
    secretState: ["clientSecret"],
    onDelete: "its client ID stops working: every client configured with it must be given the new one",
    summary: ["grantTypes"],
  },
  groupAssignment: {
    token: "okta:app/groupAssignment:GroupAssignment",
    noun: "app assignment",
    step: "apps",
    replacedBy: ["appId", "groupId"],
    secretState: [],
    onDelete: "users lose access to the app",
    summary: ["groupId"],
  },
  // After the apps: an access policy names its clients.
  accessPolicy: {
    token: "okta:auth/serverPolicy:ServerPolicy",
    idPrefix: "00p",
    noun: "authorization server access policy",
    step: "authorization-server",
    replacedBy: [],
    secretState: [],
    onDelete: ACCESS_LOST,
    summary: ["authServerId"],
  },
  accessPolicyRule: {
    token: "okta:auth/serverPolicyRule:ServerPolicyRule",
    idPrefix: "0pr",
    noun: "authorization server policy rule",
    step: "authorization-server",
    replacedBy: [],
    secretState: [],
    onDelete: ACCESS_LOST,
    summary: ["grantTypeWhitelists"],
  },
} as const satisfies Record<string, ResourceType>;

export type ResourceTypeName = keyof typeof RESOURCE_TYPES;

/** Registry names in creation order. */
export const CREATION_ORDER = Object.keys(RESOURCE_TYPES) as ResourceTypeName[];

/** Each type token, by registry name: `TOKEN.app` is `"okta:app/oAuth:OAuth"`. */
export const TOKEN = Object.fromEntries(CREATION_ORDER.map((name) => [name, RESOURCE_TYPES[name].token])) as {
  readonly [N in ResourceTypeName]: (typeof RESOURCE_TYPES)[N]["token"];
};

/**
 * The registry's entry for a type token (and, for the project's dynamic resources, the resource's
 * inputs, whose `settingsKind` tells them apart); undefined for a type the program does not declare.
 */
export function resourceTypeOf(token: string, inputs?: Record<string, unknown>): ResourceType | undefined {
  const name = CREATION_ORDER.find((n) => matches(RESOURCE_TYPES[n], token, inputs));
  return name && RESOURCE_TYPES[name];
}

/** Whether a declared resource is of the registry's type `name`. */
export function isOfType(resource: { type: string; inputs: Record<string, unknown> }, name: ResourceTypeName): boolean {
  return resourceTypeOf(resource.type, resource.inputs) === RESOURCE_TYPES[name];
}

function matches(type: ResourceType, token: string, inputs: Record<string, unknown> | undefined): boolean {
  if (type.token !== token) return false;
  return type.settingsKind === undefined || inputs === undefined || inputs.settingsKind === type.settingsKind;
}

/** The data sources the program reads, with the id prefix of what they find. */
export const LOOKUPS = {
  everyoneGroup: { token: "okta:group/getEveryoneGroup:getEveryoneGroup", idPrefix: "00g" },
  user: { token: "okta:user/getUser:getUser", idPrefix: "00u" },
  authorizationServer: { token: "okta:auth/getServer:getServer", idPrefix: "aus" },
} as const;
