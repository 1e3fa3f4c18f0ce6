import { z } from "zod";

/**
 * The shape of a saved org (orgModel.ts), checked whole before the emulator serves it: a state file
 * edited by hand or by another tool must stop the start with what is wrong, not answer 500s later.
 * Fields only echoed back are checked to be objects; everything a flow or a listing reads is typed.
 */
const lifecycle = z.enum(["ACTIVE", "INACTIVE"]);
const enrollSetting = z.enum(["OPTIONAL", "REQUIRED", "NOT_ALLOWED"]);
const text = z.string();
const ids = z.array(text);
const record = z.record(z.string(), z.unknown());
const priority = z.number().finite();
/** Okta's timestamps, on every object that has them. */
const stamped = { created: text.optional(), lastUpdated: text.optional() };
/** What a policy keeps besides its rules: Okta's own policies are `system`. */
const policyRecord = { description: text.optional(), system: z.boolean().optional(), ...stamped };
/** What a rule keeps besides its conditions: Okta's own rules are `system`, ours keep the body sent. */
const ruleRecord = { system: z.boolean().optional(), submitted: record.optional(), ...stamped };
/** What every ordered policy and rule has: an id, a name, its place in the order and its status. */
const ranked = { id: text, name: text, priority, status: lifecycle };

const authenticator = z.object({
  id: text,
  key: text,
  name: text,
  type: text,
  status: lifecycle,
  methods: z.map(text, lifecycle),
  usedByPolicies: ids,
  settings: record.optional(),
  provider: record.optional(),
  methodSettings: z.record(text, record).optional(),
  aaguids: z
    .array(z.object({ aaguid: text, name: text, authenticatorCharacteristics: record, attestationRootCertificates: z.array(z.unknown()).optional() }))
    .optional(),
  created: text,
  lastUpdated: text,
});

const enrollmentRule = z.object({
  ...ranked,
  enroll: z.enum(["CHALLENGE", "LOGIN", "NEVER"]),
  ...ruleRecord,
});

const enrollmentPolicy = z.object({
  id: text,
  settings: z.map(text, enrollSetting),
  created: text,
  lastUpdated: text,
  rules: z.array(enrollmentRule).optional(),
});

const customEnrollmentPolicy = enrollmentPolicy.extend({
  name: text,
  description: text.optional(),
  status: lifecycle,
  priority,
  groupsIncluded: ids,
});

const group = z.object({
  id: text,
  name: text,
  userIds: z.set(text),
  type: z.enum(["OKTA_GROUP", "BUILT_IN"]).optional(),
  description: text.optional(),
  ...stamped,
});

const app = z.object({
  id: text,
  clientId: text,
  label: text,
  grantTypes: ids,
  tokenEndpointAuthMethod: text,
  authenticationPolicyId: text.optional(),
  status: lifecycle,
  applicationType: text,
  redirectUris: ids,
  responseTypes: ids,
  pkceRequired: z.boolean(),
  clientSecret: text.optional(),
  issuerMode: text,
  groupsClaim: record.optional(),
  groupAssignments: z.map(text, z.object({ priority: priority.optional(), profile: record, lastUpdated: text })),
  grants: z
    .array(z.object({ id: text, scopeId: text, issuer: text, status: z.enum(["ACTIVE", "REVOKED"]), created: text, lastUpdated: text }))
    .optional(),
  submitted: record,
  created: text,
  lastUpdated: text,
});

const classConstraint = z.object({ types: ids.optional(), required: z.boolean(), deviceBound: text.optional() });

const appSignOnRule = z.object({
  ...ranked,
  access: z.enum(["ALLOW", "DENY"]),
  factorMode: z.enum(["1FA", "2FA"]),
  constraints: z.array(z.object({ knowledge: classConstraint.optional(), possession: classConstraint.optional() })),
  usersIncluded: ids,
  usersExcluded: ids,
  groupsIncluded: ids,
  groupsExcluded: ids,
  ...ruleRecord,
});

const appSignOnPolicy = z.object({
  id: text,
  name: text,
  rules: z.array(appSignOnRule),
  status: lifecycle.optional(),
  ...policyRecord,
});

const sessionPolicy = z.object({
  ...ranked,
  groupsIncluded: ids,
  rules: z.array(
    z.object({
      ...ranked,
      access: z.enum(["ALLOW", "DENY"]),
      primaryFactor: text,
      ...ruleRecord,
    }),
  ),
  ...policyRecord,
});

const accessPolicy = z.object({
  ...ranked,
  clients: ids,
  rules: z.array(
    z.object({
      ...ranked,
      grantTypes: ids,
      scopes: ids,
      groups: ids,
      users: ids,
      submitted: record.optional(),
      ...stamped,
    }),
  ),
  description: text.optional(),
  ...stamped,
});

const authServerScope = z.object({
  id: text,
  name: text,
  displayName: text,
  description: text,
  system: z.boolean(),
  consent: z.enum(["IMPLICIT", "REQUIRED", "FLEXIBLE"]),
  metadataPublish: z.enum(["ALL_CLIENTS", "NO_CLIENTS"]),
  optional: z.boolean(),
  default: z.boolean(),
});

const authServerClaim = z.object({
  id: text,
  name: text,
  status: lifecycle,
  claimType: z.enum(["RESOURCE", "IDENTITY"]),
  valueType: z.enum(["EXPRESSION", "GROUPS", "SYSTEM"]),
  value: text.optional(),
  scopes: ids,
  system: z.boolean(),
  alwaysIncludeInToken: z.boolean(),
  groupFilterType: text.optional(),
});

const authorizationServer = z.object({
  id: text,
  name: text,
  audience: text,
  policies: z.array(accessPolicy),
  status: lifecycle.optional(),
  description: text.optional(),
  issuerMode: text.optional(),
  rotationMode: z.enum(["AUTO", "MANUAL"]).optional(),
  scopes: z.array(authServerScope).optional(),
  claims: z.array(authServerClaim).optional(),
  ...stamped,
});

const user = z.object({
  id: text,
  status: z.enum(["STAGED", "PROVISIONED", "ACTIVE", "DEPROVISIONED"]),
  otherProfile: record,
  login: text,
  email: text,
  firstName: text,
  lastName: text,
  mobilePhone: text,
  password: text,
  recoveryQuestion: z.object({ question: text, answer: text }).optional(),
  totpSecret: text,
  lastTotpStep: z.number().optional(),
  totpFactorId: text,
  unenrolled: z.set(text),
  pendingTotp: z.object({ factorId: text, secret: text }).optional(),
  adminRoles: z.array(z.object({ id: text, type: text, created: text, lastUpdated: text })).optional(),
  typeId: text.optional(),
  riskLevel: z.enum(["HIGH", "LOW"]).optional(),
  created: text,
  statusChanged: text.optional(),
  lastUpdated: text.optional(),
});

const groupRule = z.object({
  id: text,
  name: text,
  status: lifecycle,
  expression: z.object({ type: text, value: text }),
  usersExcluded: ids,
  groupsExcluded: ids,
  groupIds: ids,
  created: text,
  lastUpdated: text,
});

const networkZone = z.object({
  id: text,
  name: text,
  type: z.enum(["IP", "DYNAMIC", "DYNAMIC_V2"]),
  status: lifecycle,
  usage: z.enum(["POLICY", "BLOCKLIST"]),
  system: z.boolean().optional(),
  definition: record,
  created: text,
  lastUpdated: text,
});

const inlineHook = z.object({
  id: text,
  name: text,
  type: text,
  version: text,
  status: lifecycle,
  channel: z.object({ type: text, version: text, config: record }),
  created: text,
  lastUpdated: text,
});

const deviceAssurance = z.object({
  id: text,
  name: text,
  platform: text,
  conditions: record,
  createdDate: text,
  createdBy: text,
  lastUpdate: text,
  lastUpdatedBy: text,
});

const userType = z.object({
  id: text,
  name: text,
  displayName: text,
  description: text.optional(),
  default: z.boolean(),
  createdBy: text,
  lastUpdatedBy: text,
  created: text,
  lastUpdated: text,
  schema: z.object({ custom: z.record(text, record), base: z.record(text, record), lastUpdated: text }),
});

export const orgSchema = z.object({
  authenticators: z.array(authenticator),
  enrollment: enrollmentPolicy,
  enrollmentPolicies: z.array(customEnrollmentPolicy).optional(),
  groups: z.map(text, group),
  apps: z.array(app),
  appSignOnPolicies: z.map(text, appSignOnPolicy),
  defaultAppSignOnPolicy: appSignOnPolicy,
  sessionPolicies: z.array(sessionPolicy),
  authorizationServers: z.map(text, authorizationServer),
  groupRules: z.array(groupRule).optional(),
  networkZones: z.array(networkZone).optional(),
  inlineHooks: z.array(inlineHook).optional(),
  deviceAssurances: z.array(deviceAssurance).optional(),
  user,
  users: z.array(user),
  userTypes: z.array(userType).optional(),
  created: text,
});

/** The first problem of a saved org, as `org.apps: expected array, received string`; undefined when it is whole. */
export function orgProblem(value: unknown): string | undefined {
  const result = orgSchema.safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const path = ["org", ...issue.path.map(String)].join(".");
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : "";
  return `${path}: ${issue.message}${more}`;
}

