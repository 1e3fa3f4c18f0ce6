import { validationFailed } from "../errors";
import { AppSignOnRule, RuleConstraint, EnrollWhen, EnrollmentRule, SessionRule } from "../orgModel";
import { LifecycleStatus } from "../../okta/status";
import { section } from "./api";
import { storedAccessConditions, storedSessionConditions, storedVerificationMethod } from "./ruleNormalisation";

/** What a rule create or update sets (`PUT` replaces the rule, as Okta does), once validated. */

type Json = Record<string, unknown>;

function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function nameOf(body: Json): string {
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name) throw validationFailed("name", ["name: The field cannot be left blank."]);
  return name;
}

function access(value: unknown, field: string): "ALLOW" | "DENY" {
  if (value === undefined || value === "ALLOW" || value === "DENY") return value === "DENY" ? "DENY" : "ALLOW";
  throw validationFailed(field, [`${field}: Must be ALLOW or DENY.`]);
}

export function requestedStatus(body: Json): LifecycleStatus {
  return body.status === "INACTIVE" ? "INACTIVE" : "ACTIVE";
}

/** undefined when the body leaves it out; anything but a whole number from 0 up (Okta takes 0) is refused. */
export function requestedPriority(body: Json): number | undefined {
  if (body.priority === undefined || body.priority === null) return undefined;
  if (typeof body.priority === "number" && Number.isSafeInteger(body.priority) && body.priority >= 0) return body.priority;
  throw validationFailed("priority", [`priority: The priority must be a whole number from 0 up, not ${JSON.stringify(body.priority)}.`]);
}

type AppSignOnFields = Pick<
  AppSignOnRule,
  "name" | "access" | "factorMode" | "constraints" | "usersIncluded" | "usersExcluded" | "groupsIncluded" | "groupsExcluded" | "submitted"
>;

/** An app sign-in rule: `actions.appSignOn` (access, verificationMethod) and `conditions.people`. */
export function appSignOnRuleInput(body: Json, system = false): AppSignOnFields {
  const appSignOn = section(section(body.actions).appSignOn);
  const method = section(appSignOn.verificationMethod);
  const people = section(section(body.conditions).people);
  const chain = method.type === "AUTH_METHOD_CHAIN";
  if (method.type !== undefined && method.type !== "ASSURANCE" && !chain) {
    throw validationFailed("verificationMethod", ["verificationMethod.type: Must be ASSURANCE or AUTH_METHOD_CHAIN."]);
  }
  // A chain is judged by its length: a chain with a next step asks for two factors.
  const factorMode = chain ? (chainHasNextStep(method.chains) ? "2FA" : "1FA") : (method.factorMode ?? "2FA");
  if (factorMode !== "1FA" && factorMode !== "2FA") {
    throw validationFailed("verificationMethod", ["verificationMethod.factorMode: Must be 1FA or 2FA."]);
  }
  const constraints = !chain && Array.isArray(method.constraints) ? (method.constraints as Json[]).map(withRequiredDefault) : [];
  const actions = { ...section(body.actions), appSignOn: { ...appSignOn, verificationMethod: storedVerificationMethod(method) } };
  return {
    name: nameOf(body),
    access: access(appSignOn.access, "actions.appSignOn.access"),
    factorMode,
    constraints,
    usersIncluded: system ? [] : ids(section(people.users).include),
    usersExcluded: system ? [] : ids(section(people.users).exclude),
    groupsIncluded: system ? [] : ids(section(people.groups).include),
    groupsExcluded: system ? [] : ids(section(people.groups).exclude),
    submitted: { conditions: storedAccessConditions(body.conditions), actions },
  };
}

function chainHasNextStep(chains: unknown): boolean {
  return Array.isArray(chains) && chains.some((c) => Array.isArray(section(c).next) && (section(c).next as unknown[]).length > 0);
}

/**
 * Okta's API: `required` is optional in a request and always answered; left out it is true, or
 * false when the class lists `excludedAuthenticationMethods`. (The provider always sends it: its
 * struct has no omitempty, so a constraint written without it reaches Okta as false.)
 */
function withRequiredDefault(constraint: Json): RuleConstraint {
  const normalised: Json = { ...constraint };
  for (const kind of ["knowledge", "possession"] as const) {
    const value = constraint?.[kind];
    if (!value || typeof value !== "object") continue;
    const excludes = Array.isArray((value as Json).excludedAuthenticationMethods);
    normalised[kind] = { ...value, required: typeof (value as Json).required === "boolean" ? (value as Json).required : !excludes };
  }
  return normalised as RuleConstraint;
}

const ENROLL_WHEN: readonly EnrollWhen[] = ["CHALLENGE", "LOGIN", "NEVER"];

/** An enrollment policy rule: `actions.enroll.self`, which Okta requires. */
export function enrollmentRuleInput(body: Json): Pick<EnrollmentRule, "name" | "enroll" | "submitted"> {
  const self = section(section(body.actions).enroll).self;
  if (!ENROLL_WHEN.includes(self as EnrollWhen)) {
    throw validationFailed("actions.enroll.self", [`actions.enroll.self: Must be one of ${ENROLL_WHEN.join(", ")}.`]);
  }
  return { name: nameOf(body), enroll: self as EnrollWhen, submitted: { conditions: body.conditions } };
}

const PRIMARY_FACTORS = ["PASSWORD_IDP", "PASSWORD_IDP_ANY_FACTOR"];

/** A global session rule: `actions.signon`; Identity Engine defaults the primary factor to any factor. */
export function sessionRuleInput(body: Json): Pick<SessionRule, "name" | "access" | "primaryFactor" | "submitted"> {
  const signon = section(section(body.actions).signon);
  const primaryFactor = signon.primaryFactor ?? "PASSWORD_IDP_ANY_FACTOR";
  if (typeof primaryFactor !== "string" || !PRIMARY_FACTORS.includes(primaryFactor)) {
    throw validationFailed("primaryFactor", [`actions.signon.primaryFactor: Must be one of ${PRIMARY_FACTORS.join(", ")}.`]);
  }
  return {
    name: nameOf(body),
    access: access(signon.access, "actions.signon.access"),
    primaryFactor,
    submitted: { conditions: storedSessionConditions(body.conditions), actions: body.actions },
  };
}
