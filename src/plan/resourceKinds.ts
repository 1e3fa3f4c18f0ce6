import { CATCH_ALL_KIND } from "../orgSettings/catchAllRuleProvider";

/**
 * What a reviewer needs to know per resource type: what to call it, which input changes make the
 * provider delete and re-create it, and what deleting it does to the org. Types not listed here
 * (a type added later) are shown by their type token and treated as destructive to delete, since
 * nothing says otherwise.
 */
export interface ResourceKind {
  noun: string;
  /**
   * Inputs whose change forces replacement: `ForceNew` in terraform-provider-okta's schemas, which
   * the bridged provider keeps.
   */
  replacedBy: readonly string[];
  /** What deleting or replacing it breaks; undefined when it is harmless. */
  onDelete?: string;
  /** Inputs worth a glance in a one-line terminal listing. */
  summary: readonly string[];
}

const KINDS: Record<string, ResourceKind> = {
  "okta:user/user:User": {
    noun: "user",
    replacedBy: [],
    onDelete: "the user is deleted with their enrolled factors",
    summary: ["login"],
  },
  "random:index/randomPassword:RandomPassword": {
    noun: "generated password",
    // Every input of a random password forces a new one, which changes the test user's password.
    replacedBy: ["length", "special", "minLower", "minUpper", "minNumeric", "minSpecial", "overrideSpecial"],
    summary: [],
  },
  // Retained on delete: removing it from the stack leaves the authenticator as it is in the org.
  "okta:index/authenticator:Authenticator": { noun: "authenticator", replacedBy: ["key"], summary: ["key", "status"] },
  // The org-wide settings record (src/orgSettings); deleting it restores what it recorded.
  "pulumi-nodejs:dynamic:Resource": {
    noun: "org-wide authenticator settings",
    replacedBy: [],
    onDelete: "each authenticator's status, methods, enrollment and what it is used for (Email's allowedFor) go back to what they were before this stack",
    summary: ["authenticators"],
  },
  "okta:auth/serverPolicy:ServerPolicy": {
    noun: "authorization server access policy",
    replacedBy: [],
    onDelete: "the custom authorization server stops allowing the apps' Direct Auth grants",
    summary: ["authServerId"],
  },
  "okta:auth/serverPolicyRule:ServerPolicyRule": {
    noun: "authorization server policy rule",
    replacedBy: [],
    onDelete: "the custom authorization server stops allowing the apps' Direct Auth grants",
    summary: ["grantTypeWhitelists"],
  },
  "okta:app/oAuth:OAuth": {
    noun: "native app",
    replacedBy: ["type", "clientId"],
    onDelete: "its client ID stops working: every client configured with it must be given the new one",
    summary: ["grantTypes"],
  },
  "okta:app/groupAssignment:GroupAssignment": {
    noun: "app assignment",
    replacedBy: ["appId", "groupId"],
    onDelete: "users lose access to the app",
    summary: ["groupId"],
  },
  "okta:index/appSignonPolicy:AppSignonPolicy": {
    noun: "app sign-in policy",
    replacedBy: [],
    onDelete: "apps using it fall back to the org's default authentication policy",
    summary: [],
  },
  "okta:index/appSignonPolicyRule:AppSignonPolicyRule": {
    noun: "app sign-in policy rule",
    replacedBy: ["policyId"],
    onDelete: "the test user's Direct Auth sign-ins are no longer allowed by it",
    summary: ["factorMode", "usersIncluded"],
  },
  "okta:group/group:Group": {
    noun: "group",
    replacedBy: [],
    onDelete: "the group is deleted and the session policy scoped to it matches no one",
    summary: [],
  },
  "okta:index/groupMemberships:GroupMemberships": { noun: "group memberships", replacedBy: ["groupId"], summary: ["users"] },
  "okta:policy/signon:Signon": {
    noun: "global session policy",
    replacedBy: [],
    onDelete: "the test user's sessions fall back to the org's default rule; primary-factor flows may stop working",
    summary: [],
  },
  "okta:policy/ruleSignon:RuleSignon": {
    noun: "global session policy rule",
    replacedBy: ["policyId", "name"],
    onDelete: "the test user's sessions fall back to the org's default rule; primary-factor flows may stop working",
    summary: ["primaryFactor"],
  },
};

/** The other dynamic resource shares the type token; its `settingsKind` input tells it apart. */
const CATCH_ALL_RECORD: ResourceKind = {
  noun: "catch-all access of an app sign-in policy",
  replacedBy: ["policyId"],
  onDelete: "the policy's catch-all rule gets back the access it had before this stack (nothing, when the policy goes too)",
  summary: ["access"],
};

export function kindOf(type: string, properties?: Record<string, unknown>): ResourceKind {
  if (properties?.settingsKind === CATCH_ALL_KIND) return CATCH_ALL_RECORD;
  return KINDS[type] ?? { noun: type, replacedBy: [], onDelete: "Pulumi deletes it from the org", summary: [] };
}

/** The name the object has in the Admin Console, when its inputs carry one. */
export function displayNameOf(inputs: Record<string, unknown>): string | undefined {
  for (const field of ["label", "name", "login"]) {
    const value = inputs[field];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

export function describeResource(resource: { type: string; displayName?: string; properties?: Record<string, unknown> }): string {
  const noun = kindOf(resource.type, resource.properties).noun;
  return resource.displayName === undefined ? noun : `${noun} "${resource.displayName}"`;
}
