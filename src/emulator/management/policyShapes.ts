import { AppSignOnPolicy, Org, SessionPolicy } from "../orgModel";
import { enrollmentPolicyJson } from "./authenticatorShapes";
import { Links, link } from "./links";
import { PolicyRef, sessionPoliciesInOrder } from "./policyStore";

/** Okta's JSON for the policies the emulator serves (`GET /api/v1/policies/{id}`). */

type Json = Record<string, unknown>;

function policyLinks(url: string, id: string, status: string | undefined, system: boolean | undefined): Links {
  const self = `${url}/api/v1/policies/${id}`;
  const links: Links = {
    self: system ? link(self, "GET", "PUT") : link(self, "GET", "PUT", "DELETE"),
    rules: link(`${self}/rules`, "GET", "POST"),
  };
  if (!system) {
    const lifecycle = status === "INACTIVE" ? "activate" : "deactivate";
    links[lifecycle] = link(`${self}/lifecycle/${lifecycle}`, "POST");
  }
  return links;
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

export function policyJson(url: string, org: Org, ref: PolicyRef): Json {
  switch (ref.type) {
    case "MFA_ENROLL":
      return enrollmentPolicyJson(url, org);
    case "ACCESS_POLICY":
      return accessPolicyJson(url, ref.policy);
    case "OKTA_SIGN_ON":
      return sessionPolicyJson(url, org, ref.policy);
  }
}
