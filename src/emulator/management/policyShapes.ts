import { EVERYONE_GROUP_ID } from "../../okta/ids";
import { AppSignOnPolicy, CustomEnrollmentPolicy, EnrollmentPolicy, Org, SessionPolicy, enrollmentKeyOf } from "../orgModel";
import { Links, link } from "./links";
import { PolicyRef, enrollmentPoliciesInOrder, sessionPoliciesInOrder } from "./policyStore";

/** Okta's JSON for the policies the emulator serves (`GET /api/v1/policies/{id}`). */

type Json = Record<string, unknown>;

/** A default (system) policy links itself and its rules; any other its app mappings and lifecycle too. */
function policyLinks(url: string, id: string, status: string | undefined, system: boolean | undefined): Links {
  const self = `${url}/api/v1/policies/${id}`;
  if (system) return { self: link(self, "GET", "PUT"), rules: link(`${self}/rules`, "GET", "POST") };
  const lifecycle = status === "INACTIVE" ? "activate" : "deactivate";
  return {
    mappings: link(`${self}/mappings`, "GET", "POST"),
    self: link(self, "GET", "PUT", "DELETE"),
    rules: link(`${self}/rules`, "GET", "POST"),
    [lifecycle]: link(`${self}/lifecycle/${lifecycle}`, "POST"),
  };
}

function accessPolicyJson(url: string, policy: AppSignOnPolicy): Json {
  return {
    id: policy.id,
    status: policy.status ?? "ACTIVE",
    name: policy.name,
    ...(policy.description === undefined ? {} : { description: policy.description }),
    priority: 1,
    system: policy.system ?? false,
    conditions: null,
    created: policy.created ?? null,
    lastUpdated: policy.lastUpdated ?? null,
    _links: policyLinks(url, policy.id, policy.status, policy.system),
    type: "ACCESS_POLICY",
  };
}

/** Session policies are ordered: Okta reports each one's rank, the default policy last. */
function sessionPolicyJson(url: string, org: Org, policy: SessionPolicy): Json {
  return {
    id: policy.id,
    status: policy.status,
    name: policy.name,
    ...(policy.description === undefined ? {} : { description: policy.description }),
    priority: sessionPoliciesInOrder(org).indexOf(policy) + 1,
    system: policy.system ?? false,
    conditions: { people: { groups: { include: policy.groupsIncluded } } },
    created: policy.created ?? null,
    lastUpdated: policy.lastUpdated ?? null,
    _links: policyLinks(url, policy.id, policy.status, policy.system),
    type: "OKTA_SIGN_ON",
  };
}

/**
 * An enrollment policy lists every ACTIVE authenticator of the org, NOT_ALLOWED unless the policy
 * sets it, as Okta answers; INACTIVE ones are left out.
 */
function enrollmentSettingsJson(org: Org, policy: EnrollmentPolicy): Json {
  return {
    type: "AUTHENTICATORS",
    authenticators: org.authenticators
      .filter((a) => a.status === "ACTIVE")
      .map((a) => {
        const enrollmentKey = enrollmentKeyOf(a);
        return { key: a.key, ...(enrollmentKey === a.key ? {} : { id: a.id }), enroll: { self: policy.settings.get(enrollmentKey) ?? "NOT_ALLOWED" } };
      }),
  };
}

function customEnrollmentJson(url: string, org: Org, policy: CustomEnrollmentPolicy): Json {
  return {
    id: policy.id,
    status: policy.status,
    name: policy.name,
    ...(policy.description === undefined ? {} : { description: policy.description }),
    priority: enrollmentPoliciesInOrder(org).indexOf(policy) + 1,
    system: false,
    conditions: { people: { groups: { include: policy.groupsIncluded } } },
    created: policy.created,
    lastUpdated: policy.lastUpdated,
    settings: enrollmentSettingsJson(org, policy),
    _links: policyLinks(url, policy.id, policy.status, false),
    type: "MFA_ENROLL",
  };
}

/** The default enrollment policy ranks after every custom one, and links its rules as every default policy does. */
function defaultEnrollmentJson(url: string, org: Org): Json {
  const policy = org.enrollment;
  return {
    id: policy.id,
    status: "ACTIVE",
    name: "Default Policy",
    description: "The default policy applies in all situations if no other policy applies.",
    priority: enrollmentPoliciesInOrder(org).length + 1,
    system: true,
    conditions: { people: { groups: { include: [EVERYONE_GROUP_ID] } } },
    created: policy.created,
    lastUpdated: policy.lastUpdated,
    settings: enrollmentSettingsJson(org, policy),
    _links: policyLinks(url, policy.id, "ACTIVE", true),
    type: "MFA_ENROLL",
  };
}

export function policyJson(url: string, org: Org, ref: PolicyRef): Json {
  switch (ref.type) {
    case "MFA_ENROLL":
      return ref.system ? defaultEnrollmentJson(url, org) : customEnrollmentJson(url, org, ref.policy);
    case "ACCESS_POLICY":
      return accessPolicyJson(url, ref.policy);
    case "OKTA_SIGN_ON":
      return sessionPolicyJson(url, org, ref.policy);
  }
}
