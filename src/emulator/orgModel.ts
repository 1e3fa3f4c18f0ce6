import { OktaVerifyMode, oktaVerifyModeOf } from "../catalogue/oktaVerify";
import { EVERYONE_GROUP_ID, oktaId } from "../okta/ids";
import { EnrollSetting, LifecycleStatus } from "../okta/status";
import { OrgBaseline, authenticatorKind } from "./baseline";

export interface Authenticator {
  id: string;
  key: string;
  name: string;
  type: string;
  status: LifecycleStatus;
  methods: Map<string, LifecycleStatus>;
  usedByPolicies: string[];
  /**
   * Okta's settings for the key, as a PUT last set them: only Email's `allowedFor` is enforced (the
   * flows refuse an authenticator that is for recovery only); the rest is echoed back.
   */
  settings?: Record<string, unknown>;
  /** A custom app's push provider (`{type: "PUSH", configuration: {fcm|apns}}`), echoed. */
  provider?: Record<string, unknown>;
  /** Each method's `settings` as last written (WebAuthn's user verification, attachment, AAGUID groups). */
  methodSettings?: Record<string, Record<string, unknown>>;
  /** WebAuthn's custom AAGUIDs: the security keys the admin described to Okta. */
  aaguids?: CustomAaguid[];
  created: string;
  lastUpdated: string;
}

export interface CustomAaguid {
  aaguid: string;
  name: string;
  authenticatorCharacteristics: Record<string, unknown>;
  attestationRootCertificates?: unknown[];
}

export interface EnrollmentPolicy {
  id: string;
  /** By `enrollmentKeyOf` the authenticator; one not listed cannot be enrolled (NOT_ALLOWED). */
  settings: Map<string, EnrollSetting>;
  created: string;
  lastUpdated: string;
  /** Written through the API; the default policy's Default Rule is added when first read. */
  rules?: EnrollmentRule[];
}

/** When a user is asked to enroll (Okta's `actions.enroll.self`): echoed, not enforced by the flows. */
export type EnrollWhen = "CHALLENGE" | "LOGIN" | "NEVER";

export interface EnrollmentRule {
  id: string;
  name: string;
  priority: number;
  status: LifecycleStatus;
  enroll: EnrollWhen;
  /** The default policy's Default Rule: cannot be deleted, deactivated or moved. */
  system?: boolean;
  /** `conditions` as last written (people, network), echoed back. */
  submitted?: Record<string, unknown>;
  created?: string;
  lastUpdated?: string;
}

/** An authenticator enrollment policy created through the API, for the users of its groups. */
export interface CustomEnrollmentPolicy extends EnrollmentPolicy {
  name: string;
  description?: string;
  status: LifecycleStatus;
  priority: number;
  groupsIncluded: string[];
}

export interface Group {
  id: string;
  name: string;
  userIds: Set<string>;
  /** OKTA_GROUP, or BUILT_IN for Everyone. */
  type?: "OKTA_GROUP" | "BUILT_IN";
  description?: string;
  created?: string;
  lastUpdated?: string;
}

/** An app's assignment to a group (`PUT /api/v1/apps/{id}/groups/{groupId}`). */
export interface GroupAssignment {
  priority?: number;
  profile: Record<string, unknown>;
  lastUpdated: string;
}

export interface OAuthApp {
  id: string;
  clientId: string;
  label: string;
  grantTypes: string[];
  tokenEndpointAuthMethod: string;
  authenticationPolicyId?: string;
  /** Okta answers `invalid_client` for an INACTIVE app's client id. */
  status: LifecycleStatus;
  applicationType: string;
  redirectUris: string[];
  responseTypes: string[];
  pkceRequired: boolean;
  /** Only for confidential clients; answered by the create and updates, never by a read. */
  clientSecret?: string;
  issuerMode: string;
  /** The groups claim of the app's ID tokens, as the internal idToken settings take it (echoed, not minted). */
  groupsClaim?: Record<string, unknown>;
  /** By group id: the groups whose users may use the app. */
  groupAssignments: Map<string, GroupAssignment>;
  /** Okta API scopes an admin granted the app (`/api/v1/apps/{id}/grants`): what a service app's token may hold. */
  grants?: AppGrant[];
  /** The body of the last create or update: what Okta echoes back that no flow reads (visibility, notes, ...). */
  submitted: Record<string, unknown>;
  created: string;
  lastUpdated: string;
}

export interface AppGrant {
  id: string;
  scopeId: string;
  issuer: string;
  status: "ACTIVE" | "REVOKED";
  created: string;
  lastUpdated: string;
}

/** One class of a rule's constraint; `required: false` only narrows the types that count for it. */
export interface ClassConstraint {
  types?: string[];
  required: boolean;
  /** Kept for the API to echo; the flows do not model devices. */
  deviceBound?: string;
}

export interface RuleConstraint {
  knowledge?: ClassConstraint;
  possession?: ClassConstraint;
}

export interface PeopleCondition {
  usersIncluded: string[];
  usersExcluded: string[];
  groupsIncluded: string[];
  groupsExcluded: string[];
}

export interface AppSignOnRule extends PeopleCondition {
  id: string;
  name: string;
  priority: number;
  status: LifecycleStatus;
  access: "ALLOW" | "DENY";
  factorMode: "1FA" | "2FA";
  constraints: RuleConstraint[];
  /** Okta's catch-all rule: cannot be deleted or moved. */
  system?: boolean;
  /** `conditions` and `actions` as last written: Okta echoes what no flow reads (network, platform, ...). */
  submitted?: Record<string, unknown>;
  created?: string;
  lastUpdated?: string;
}

export interface AppSignOnPolicy {
  id: string;
  name: string;
  rules: AppSignOnRule[];
  description?: string;
  status?: LifecycleStatus;
  /** The org's default policy; Okta's presets are system policies too. */
  system?: boolean;
  /** One of the policies every org has for Okta's own apps (Admin Console, Dashboard, Browser Plugin), listed first. */
  preset?: boolean;
  created?: string;
  lastUpdated?: string;
}

export interface SessionRule {
  id: string;
  name: string;
  priority: number;
  status: LifecycleStatus;
  access: "ALLOW" | "DENY";
  primaryFactor: string;
  system?: boolean;
  /** `conditions` and `actions` as last written, for the fields no flow reads. */
  submitted?: Record<string, unknown>;
  created?: string;
  lastUpdated?: string;
}

/** A global session policy (Okta's OKTA_SIGN_ON type). */
export interface SessionPolicy {
  id: string;
  name: string;
  priority: number;
  status: LifecycleStatus;
  groupsIncluded: string[];
  rules: SessionRule[];
  description?: string;
  system?: boolean;
  created?: string;
  lastUpdated?: string;
}

export interface AccessRule {
  id: string;
  name: string;
  priority: number;
  status: LifecycleStatus;
  grantTypes: string[];
  scopes: string[];
  groups: string[];
  users: string[];
  /** `conditions` and `actions` (token lifetimes, hooks) as last written, echoed back. */
  submitted?: Record<string, unknown>;
  created?: string;
  lastUpdated?: string;
}

export interface AccessPolicy {
  id: string;
  name: string;
  priority: number;
  status: LifecycleStatus;
  /** Client ids, or ALL_CLIENTS. */
  clients: string[];
  rules: AccessRule[];
  description?: string;
  created?: string;
  lastUpdated?: string;
}

/** A scope a server lets clients ask for; Okta's OIDC ones are `system`. */
export interface AuthServerScope {
  id: string;
  name: string;
  displayName: string;
  description: string;
  system: boolean;
  consent: "IMPLICIT" | "REQUIRED" | "FLEXIBLE";
  metadataPublish: "ALL_CLIENTS" | "NO_CLIENTS";
  optional: boolean;
  /** Granted when a request names no scope. */
  default: boolean;
}

/** A claim a server puts in its tokens; Okta's OIDC ones are `system` (valueType SYSTEM, but `sub`). */
export interface AuthServerClaim {
  id: string;
  name: string;
  status: LifecycleStatus;
  claimType: "RESOURCE" | "IDENTITY";
  valueType: "EXPRESSION" | "GROUPS" | "SYSTEM";
  /** The expression or group filter; absent for SYSTEM claims. */
  value?: string;
  /** The scopes that bring it into a token; none means every token of its type. */
  scopes: string[];
  system: boolean;
  alwaysIncludeInToken: boolean;
  /** How a GROUPS claim matches group names (EQUALS, STARTS_WITH, CONTAINS, REGEX). */
  groupFilterType?: string;
}

export interface CustomAuthorizationServer {
  id: string;
  name: string;
  audience: string;
  policies: AccessPolicy[];
  /** An INACTIVE server answers no OAuth request. */
  status?: LifecycleStatus;
  description?: string;
  issuerMode?: string;
  /** How Okta rotates the server's signing key; AUTO unless a write asked for MANUAL. */
  rotationMode?: "AUTO" | "MANUAL";
  /** Filled with Okta's built-in ones when first read (authServerBuiltIns.ts), so servers saved before they were modelled get them too. */
  scopes?: AuthServerScope[];
  claims?: AuthServerClaim[];
  created?: string;
  lastUpdated?: string;
}

/**
 * Okta's user statuses the emulator moves through: activated without a password a user is
 * PROVISIONED (cannot sign in yet); DELETE deactivates (DEPROVISIONED) before it deletes.
 */
export type UserStatus = "STAGED" | "PROVISIONED" | "ACTIVE" | "LOCKED_OUT" | "DEPROVISIONED";

export interface OrgUser {
  id: string;
  status: UserStatus;
  /** Profile attributes the flows do not read (secondEmail, postalAddress, custom ones), echoed back. */
  otherProfile: Record<string, unknown>;
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  mobilePhone: string;
  password: string;
  /** Only the question is ever answered back; the answer is kept to check it, as Okta does. */
  recoveryQuestion?: { question: string; answer: string };
  totpSecret: string;
  /** Failed sign-in attempts in a row; the password policy's lockout counts them. */
  failedSignIns?: number;
  /** When the last SMS or voice code went out, per channel: Okta throttles them. */
  phoneSentAt?: Partial<Record<"sms" | "voice", number[]>>;
  /** Time step of the last accepted passcode: Okta accepts each once, and none older. */
  lastTotpStep?: number;
  /** Id of the Google Authenticator factor; a new enrollment through the factors API gets a new one. */
  totpFactorId: string;
  /**
   * The simulated user enrolls in every usable authenticator on its own; only a deleted factor
   * stays unenrolled until it is enrolled again through the factors API.
   */
  unenrolled: Set<string>;
  pendingTotp?: { factorId: string; secret: string };
  /** Standard admin roles assigned to the user; absent from orgs saved before they existed. */
  adminRoles?: AdminRoleAssignment[];
  /** The user's type; absent for the org's default type. */
  typeId?: string;
  /** The risk level an administrator set (Okta's "Admin override risk"); absent until one is set. */
  riskLevel?: "HIGH" | "LOW";
  created: string;
  statusChanged?: string;
  lastUpdated?: string;
}

/** A standard admin role assigned to a user (`POST /api/v1/users/{id}/roles`). */
export interface AdminRoleAssignment {
  id: string;
  type: string;
  created: string;
  lastUpdated: string;
}

/**
 * A group rule: users the expression selects are to join `groupIds`. Stored and echoed; the
 * emulator does not evaluate Okta's expression language, so no membership follows from it.
 */
export interface GroupRule {
  id: string;
  name: string;
  status: LifecycleStatus;
  expression: { type: string; value: string };
  usersExcluded: string[];
  groupsExcluded: string[];
  groupIds: string[];
  created: string;
  lastUpdated: string;
}

/** IP (gateways, proxies), DYNAMIC (locations, proxyType, asns) or DYNAMIC_V2 (include/exclude lists). */
export type NetworkZoneType = "IP" | "DYNAMIC" | "DYNAMIC_V2";

export interface NetworkZone {
  id: string;
  name: string;
  type: NetworkZoneType;
  status: LifecycleStatus;
  usage: "POLICY" | "BLOCKLIST";
  /** Okta's own zones (LegacyIpZone, BlockedIpZone): editable, not deletable. */
  system?: boolean;
  /** The type's own fields as Okta stores them (gateways, locations, ...), echoed back. */
  definition: Record<string, unknown>;
  created: string;
  lastUpdated: string;
}

/**
 * An inline hook: where Okta would call out during a flow. Stored and echoed; the emulator calls no
 * hook. The channel's secrets (`authScheme.value`, `clientSecret`) are never kept: Okta never
 * answers them either.
 */
export interface InlineHook {
  id: string;
  name: string;
  type: string;
  version: string;
  status: LifecycleStatus;
  channel: { type: string; version: string; config: Record<string, unknown> };
  created: string;
  lastUpdated: string;
}

/** A device assurance policy: the device conditions an app sign-in rule can require. Stored and echoed. */
export interface DeviceAssurance {
  id: string;
  name: string;
  platform: string;
  /** The platform's conditions as last written (osVersion, screenLockType, thirdPartySignalProviders, ...). */
  conditions: Record<string, unknown>;
  createdDate: string;
  createdBy: string;
  lastUpdate: string;
  lastUpdatedBy: string;
}

/** A type's profile schema: Okta's base properties as an administrator changed them, and custom ones. */
export interface UserProfileSchema {
  /** Custom properties by name, stored as Okta answers them. */
  custom: Record<string, Record<string, unknown>>;
  /** Changes to base properties (permissions, master, required, login's pattern), by property name. */
  base: Record<string, Record<string, unknown>>;
  lastUpdated: string;
}

/** A user type (`oty…`); its profile schema has the id with the same suffix (`osc…`). */
export interface UserType {
  id: string;
  name: string;
  displayName: string;
  description?: string;
  /** The org's own type, which Okta creates with the org and gives every user not given another. */
  default: boolean;
  createdBy: string;
  lastUpdatedBy: string;
  created: string;
  lastUpdated: string;
  schema: UserProfileSchema;
}

export interface Org {
  /**
   * "flexible": Flexible Okta Verify is on, Okta Verify is one authenticator per method and Okta
   * refuses `okta_verify` in writes (src/emulator/flexibleOktaVerify.ts). Absent: classic.
   */
  oktaVerify?: OktaVerifyMode;
  authenticators: Authenticator[];
  enrollment: EnrollmentPolicy;
  /** Custom MFA_ENROLL policies, before the default one; absent from orgs saved before they existed. */
  enrollmentPolicies?: CustomEnrollmentPolicy[];
  groups: Map<string, Group>;
  apps: OAuthApp[];
  appSignOnPolicies: Map<string, AppSignOnPolicy>;
  defaultAppSignOnPolicy: AppSignOnPolicy;
  /** Ordered by priority; the org's default policy is last. */
  sessionPolicies: SessionPolicy[];
  authorizationServers: Map<string, CustomAuthorizationServer>;
  /** Absent from orgs saved before group rules existed. */
  groupRules?: GroupRule[];
  /** Absent from orgs saved before network zones existed; a fresh org has Okta's system zones. */
  networkZones?: NetworkZone[];
  /** Absent from orgs saved before inline hooks existed. */
  inlineHooks?: InlineHook[];
  /** Absent from orgs saved before device assurances existed. */
  deviceAssurances?: DeviceAssurance[];
  /** The test user the evaluation declared; also in `users`, with the ones created through the API. */
  user: OrgUser;
  users: OrgUser[];
  /** The default type first; absent from orgs saved before types existed (they get the default one on first use). */
  userTypes?: UserType[];
  created: string;
}

export const ALL_CLIENTS = "ALL_CLIENTS";
export const EVERYONE_KEYWORD = "EVERYONE";
const CATCH_ALL_RULE_NAME = "Catch-all Rule";
const CATCH_ALL_PRIORITY = 99;

/** A catch-all rule as Okta creates it; "Any 2 factor types" unless edited. */
export function catchAllRule(policyId: string, access: "ALLOW" | "DENY"): AppSignOnRule {
  return {
    id: oktaId("rul", `${policyId}::catch-all`),
    name: CATCH_ALL_RULE_NAME,
    priority: CATCH_ALL_PRIORITY,
    status: "ACTIVE",
    access,
    factorMode: "2FA",
    constraints: [],
    usersIncluded: [],
    usersExcluded: [],
    groupsIncluded: [],
    groupsExcluded: [],
    system: true,
  };
}

export function baselineOrg(baseline: OrgBaseline, user: OrgUser, now: string): Org {
  const oktaVerify = oktaVerifyModeOf(baseline.authenticators.map((a) => a.key));
  const defaultAppPolicyId = oktaId("rst", "Default Policy");
  const defaultSessionPolicyId = oktaId("00p", "Default Global Session Policy");
  const org: Org = {
    ...(oktaVerify === "flexible" ? { oktaVerify } : {}),
    authenticators: [],
    enrollment: {
      id: oktaId("00p", "Default MFA_ENROLL Policy"),
      settings: new Map(Object.entries(baseline.enrollment)),
      created: now,
      lastUpdated: now,
    },
    groups: new Map([[EVERYONE_GROUP_ID, everyoneGroup(now)]]),
    apps: [],
    appSignOnPolicies: new Map(presetAppSignOnPolicies(now).map((p) => [p.id, p])),
    defaultAppSignOnPolicy: {
      id: defaultAppPolicyId,
      // What every recorded Identity Engine org calls its system app sign-in policy, and how it describes it.
      name: "Any two factors",
      description: "Require two factors to access.",
      status: "ACTIVE",
      system: true,
      rules: [catchAllRule(defaultAppPolicyId, "ALLOW")],
      created: now,
      lastUpdated: now,
    },
    sessionPolicies: [
      {
        id: defaultSessionPolicyId,
        name: "Default Policy",
        description: "The default policy applies in all situations if no other policy applies.",
        priority: Number.MAX_SAFE_INTEGER,
        status: "ACTIVE",
        system: true,
        groupsIncluded: [EVERYONE_GROUP_ID],
        created: now,
        lastUpdated: now,
        rules: [
          {
            id: oktaId("0pr", `${defaultSessionPolicyId}::Default Rule`),
            name: "Default Rule",
            priority: 1,
            status: "ACTIVE",
            access: "ALLOW",
            primaryFactor: "PASSWORD_IDP",
            system: true,
          },
        ],
      },
    ],
    authorizationServers: new Map([["default", defaultAuthorizationServer()]]),
    networkZones: systemNetworkZones(now),
    user,
    users: [user],
    created: now,
  };
  for (const a of baseline.authenticators) {
    const added = addAuthenticator(org, a.key, a.name);
    added.status = a.status;
    if (a.methods) added.methods = new Map(Object.entries(a.methods));
    added.usedByPolicies = [...(a.usedByPolicies ?? [])];
    if (a.settings) added.settings = structuredClone(a.settings);
  }
  return org;
}

/**
 * The authentication policies of Okta's own apps, which every recorded org lists first, in this
 * order, as ordinary (non-system) policies without conditions. The recordings never read their
 * rules: each has Okta's catch-all, the Admin Console's asking for two factors (Okta requires MFA
 * for it), the end-user Dashboard's and the Browser Plugin's for one.
 */
export const PRESET_APP_POLICIES: readonly { name: string; factorMode: "1FA" | "2FA" }[] = [
  { name: "Okta Admin Console", factorMode: "2FA" },
  { name: "Okta Dashboard", factorMode: "1FA" },
  { name: "Okta Browser Plugin", factorMode: "1FA" },
];

function presetAppSignOnPolicies(now: string): AppSignOnPolicy[] {
  return PRESET_APP_POLICIES.map(({ name, factorMode }) => {
    const id = oktaId("rst", `preset::${name}`);
    return {
      id,
      name,
      status: "ACTIVE",
      preset: true,
      rules: [{ ...catchAllRule(id, "ALLOW"), factorMode }],
      created: now,
      lastUpdated: now,
    };
  });
}

/**
 * The system IP zones Okta documents in every org: LegacyIpZone (the gateways of
 * the org's policies) and BlockedIpZone (the IP blocklist), both ACTIVE and empty until edited.
 */
export function systemNetworkZones(now: string): NetworkZone[] {
  return ([["LegacyIpZone", "POLICY"], ["BlockedIpZone", "BLOCKLIST"]] as const).map(([name, usage]) => ({
    id: oktaId("nzo", name),
    name,
    type: "IP",
    status: "ACTIVE",
    usage,
    system: true,
    definition: { gateways: null, proxies: null },
    created: now,
    lastUpdated: now,
  }));
}

/** Every user is in Everyone; Okta lists it as a BUILT_IN group. */
function everyoneGroup(now: string): Group {
  return {
    id: EVERYONE_GROUP_ID,
    name: "Everyone",
    description: "All users in your organization",
    type: "BUILT_IN",
    userIds: new Set<string>(),
    created: now,
    lastUpdated: now,
  };
}

/**
 * Every org has the `default` custom server. Its Default Policy Rule allows the classic grants
 * only: direct authentication grants need a rule of their own (guide step "authorization server").
 */
function defaultAuthorizationServer(): CustomAuthorizationServer {
  return {
    id: "default",
    name: "default",
    description: "Default Authorization Server for your Applications",
    audience: "api://default",
    status: "ACTIVE",
    // Every recorded org's `default` server answers DYNAMIC (issuer from the domain a request used).
    issuerMode: "DYNAMIC",
    policies: [
      {
        id: oktaId("00p", "default::Default Policy"),
        name: "Default Policy",
        priority: 1,
        status: "ACTIVE",
        clients: [ALL_CLIENTS],
        rules: [
          {
            id: oktaId("0pr", "default::Default Policy Rule"),
            name: "Default Policy Rule",
            priority: 1,
            status: "ACTIVE",
            grantTypes: ["authorization_code", "client_credentials", "urn:ietf:params:oauth:grant-type:device_code"],
            scopes: ["*"],
            groups: [EVERYONE_KEYWORD],
            users: [],
          },
        ],
      },
    ],
  };
}

/** Adds a never-enabled authenticator the way Okta does: ACTIVE, default methods, not enrollable yet. */
export function addAuthenticator(org: Org, key: string, name?: string, id?: string): Authenticator {
  const kind = authenticatorKind(key);
  const authenticator: Authenticator = {
    id: id ?? oktaId("aut", key),
    key,
    name: name ?? kind?.name ?? key,
    type: kind?.type ?? "app",
    status: "ACTIVE",
    methods: new Map(Object.entries(kind?.methods ?? {})),
    usedByPolicies: [],
    ...(kind?.settings ? { settings: structuredClone(kind.settings) } : {}),
    ...(kind?.methodSettings ? { methodSettings: structuredClone(kind.methodSettings) } : {}),
    created: org.created,
    lastUpdated: org.created,
  };
  org.authenticators.push(authenticator);
  const enrollmentKey = enrollmentKeyOf(authenticator);
  if (!org.enrollment.settings.has(enrollmentKey)) org.enrollment.settings.set(enrollmentKey, "NOT_ALLOWED");
  return authenticator;
}

/**
 * What enrollment policies know an authenticator by: its key, or for a kind an org may add many of
 * (custom apps) its id, as Okta's policies list them (`{key: "custom_app", id, enroll}`).
 */
export function enrollmentKeyOf(authenticator: Authenticator): string {
  return authenticatorKind(authenticator.key)?.repeatable ? authenticator.id : authenticator.key;
}

export function authenticatorByKey(org: Org, key: string): Authenticator | undefined {
  return org.authenticators.find((a) => a.key === key);
}

/**
 * The enrollment setting of `key` in the default policy or, given a user, in the policy that
 * applies to the user: as Okta evaluates them, the first ACTIVE custom policy (by priority) whose
 * groups hold the user, else the default one.
 */
export function enrollmentOf(org: Org, key: string, userId?: string): EnrollSetting {
  const policy = userId === undefined ? org.enrollment : enrollmentPolicyFor(org, userId);
  return policy.settings.get(key) ?? "NOT_ALLOWED";
}

function enrollmentPolicyFor(org: Org, userId: string): EnrollmentPolicy {
  const groups = groupIdsOf(org, userId);
  const applies = (p: CustomEnrollmentPolicy) => p.status === "ACTIVE" && p.groupsIncluded.some((g) => groups.has(g));
  return byPriority(org.enrollmentPolicies ?? []).find(applies) ?? org.enrollment;
}

/** The groups a user is in; everyone is in Everyone. */
export function groupIdsOf(org: Org, userId: string): Set<string> {
  const ids = new Set<string>([EVERYONE_GROUP_ID]);
  for (const group of org.groups.values()) if (group.userIds.has(userId)) ids.add(group.id);
  return ids;
}

/** Okta's people condition: no inclusion means everyone; exclusions win. */
export function peopleConditionMatches(org: Org, condition: PeopleCondition, userId: string): boolean {
  const groups = groupIdsOf(org, userId);
  if (condition.usersExcluded.includes(userId) || condition.groupsExcluded.some((g) => groups.has(g))) return false;
  if (condition.usersIncluded.length === 0 && condition.groupsIncluded.length === 0) return true;
  return condition.usersIncluded.includes(userId) || condition.groupsIncluded.some((g) => groups.has(g));
}

export function userById(org: Org, id: string): OrgUser | undefined {
  return org.users.find((u) => u.id === id);
}

/** A user that can sign in, or could but for a lockout; logins are compared without case, as Okta does. */
export function signInUserByLogin(org: Org, login: string): OrgUser | undefined {
  return org.users.find((u) => (u.status === "ACTIVE" || u.status === "LOCKED_OUT") && u.login.toLowerCase() === login.toLowerCase());
}


export function byPriority<T extends { priority: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.priority - b.priority);
}
