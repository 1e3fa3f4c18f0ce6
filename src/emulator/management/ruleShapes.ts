import { AppSignOnRule, EnrollmentRule, SessionRule } from "../orgModel";
import { section } from "./api";
import { Links, link } from "./links";

/** Okta's JSON for policy rules: app sign-in (ACCESS_POLICY), global session (SIGN_ON) and enrollment (MFA_ENROLL). */

type Json = Record<string, unknown>;

function ruleLinks(url: string, policyId: string, rule: { id: string; status: string; system?: boolean }): Links {
  const self = `${url}/api/v1/policies/${policyId}/rules/${rule.id}`;
  if (rule.system) return { self: link(self, "GET", "PUT") };
  const lifecycle = rule.status === "ACTIVE" ? "deactivate" : "activate";
  return { self: link(self, "GET", "PUT", "DELETE"), [lifecycle]: link(`${self}/lifecycle/${lifecycle}`, "POST") };
}

interface RuleCommon {
  id: string;
  status: string;
  name: string;
  priority: number;
  created?: string;
  lastUpdated?: string;
  system?: boolean;
}

/** What every kind of rule answers first, in Okta's order; unknown timestamps as null. */
export function ruleHeader(rule: RuleCommon): Json {
  return {
    id: rule.id,
    status: rule.status,
    name: rule.name,
    priority: rule.priority,
    created: rule.created ?? null,
    lastUpdated: rule.lastUpdated ?? null,
    system: rule.system ?? false,
  };
}

function include(ids: string[], excluded: string[]): Json {
  return { ...(ids.length ? { include: ids } : {}), exclude: excluded };
}

export function appSignOnRuleJson(url: string, policyId: string, rule: AppSignOnRule): Json {
  const submitted = section(rule.submitted);
  const appSignOn = section(section(submitted.actions).appSignOn);
  const people: Json = { users: include(rule.usersIncluded, rule.usersExcluded) };
  if (rule.groupsIncluded.length || rule.groupsExcluded.length) people.groups = include(rule.groupsIncluded, rule.groupsExcluded);
  const conditions = rule.system
    ? null
    : { network: { connection: "ANYWHERE" }, userType: { include: [], exclude: [] }, ...section(submitted.conditions), people };
  return {
    ...ruleHeader(rule),
    conditions,
    actions: {
      appSignOn: {
        keepMeSignedIn: { postAuth: "NOT_ALLOWED" },
        ...appSignOn,
        access: rule.access,
        verificationMethod: verificationMethodJson(rule, section(appSignOn.verificationMethod)),
      },
    },
    _links: ruleLinks(url, policyId, rule),
    type: "ACCESS_POLICY",
  };
}

function verificationMethodJson(rule: AppSignOnRule, stored: Json): Json {
  if (stored.type === "AUTH_METHOD_CHAIN") return stored;
  return {
    reauthenticateIn: "PT12H",
    ...stored,
    factorMode: rule.factorMode,
    type: "ASSURANCE",
    ...(rule.constraints.length ? { constraints: rule.constraints } : {}),
  };
}

export function sessionRuleJson(url: string, policyId: string, rule: SessionRule): Json {
  const submitted = section(rule.submitted);
  const signon = section(section(submitted.actions).signon);
  return {
    ...ruleHeader(rule),
    conditions: {
      people: { users: { exclude: [] } },
      network: { connection: "ANYWHERE" },
      authContext: { authType: "ANY" },
      ...section(submitted.conditions),
    },
    actions: {
      signon: {
        requireFactor: false,
        rememberDeviceByDefault: false,
        session: { usePersistentCookie: false, maxSessionIdleMinutes: 120, maxSessionLifetimeMinutes: 0 },
        ...signon,
        access: rule.access,
        primaryFactor: rule.primaryFactor,
      },
    },
    _links: ruleLinks(url, policyId, rule),
    type: "SIGN_ON",
  };
}

/** `priority` is the rule's rank: Okta keeps the Default Rule after the rules added before it. */
export function enrollmentRuleJson(url: string, policyId: string, rule: EnrollmentRule, rank: number): Json {
  return {
    ...ruleHeader(rule),
    priority: rank,
    conditions: { people: { users: { exclude: [] } }, network: { connection: "ANYWHERE" }, ...section(section(rule.submitted).conditions) },
    actions: { enroll: { self: rule.enroll } },
    _links: ruleLinks(url, policyId, rule),
    type: "MFA_ENROLL",
  };
}
