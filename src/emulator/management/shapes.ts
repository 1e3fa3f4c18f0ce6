import { EVERYONE_GROUP_ID } from "../../evaluate/offlineOkta";
import { oktaId } from "../../evaluate/oktaIds";
import { Authenticator, Org, OrgUser, enrollmentOf } from "../orgModel";
import { Links, link } from "./links";

/** Okta's JSON for the management objects the emulator serves; never a password or unrequested secret. */


export function authenticatorJson(url: string, a: Authenticator): Record<string, unknown> {
  const self = `${url}/api/v1/authenticators/${a.id}`;
  const lifecycle = a.status === "ACTIVE" ? "deactivate" : "activate";
  const links: Links = {
    self: link(self, "GET", "PUT"),
    methods: link(`${self}/methods`, "GET"),
    [lifecycle]: link(`${self}/lifecycle/${lifecycle}`, "POST"),
  };
  return {
    type: a.type,
    id: a.id,
    key: a.key,
    status: a.status,
    name: a.name,
    created: a.created,
    lastUpdated: a.lastUpdated,
    ...(a.settings ? { settings: a.settings } : {}),
    _links: links,
  };
}

export function methodJson(url: string, a: Authenticator, type: string): Record<string, unknown> {
  const self = `${url}/api/v1/authenticators/${a.id}/methods/${type}`;
  const status = a.methods.get(type);
  const lifecycle = status === "ACTIVE" ? "deactivate" : "activate";
  return {
    type,
    status,
    _links: { self: link(self, "GET", "PUT"), [lifecycle]: link(`${self}/lifecycle/${lifecycle}`, "POST") },
  };
}

/** Every ACTIVE authenticator is listed (NOT_ALLOWED unless set); INACTIVE ones are left out, as Okta does. */
export function enrollmentPolicyJson(url: string, org: Org): Record<string, unknown> {
  const policy = org.enrollment;
  return {
    id: policy.id,
    status: "ACTIVE",
    name: "Default Policy",
    description: "The default policy applies in all situations if no other policy applies.",
    priority: 1,
    system: true,
    conditions: { people: { groups: { include: [EVERYONE_GROUP_ID] } } },
    created: policy.created,
    lastUpdated: policy.lastUpdated,
    settings: {
      type: "AUTHENTICATORS",
      authenticators: org.authenticators
        .filter((a) => a.status === "ACTIVE")
        .map((a) => ({ key: a.key, enroll: { self: enrollmentOf(org, a.key) } })),
    },
    _links: { self: link(`${url}/api/v1/policies/${policy.id}`, "GET", "PUT") },
    type: "MFA_ENROLL",
  };
}

/** Never a secret: `password: {}` for a user who has one, the recovery question without its answer. */
export function userCredentialsJson(user: OrgUser): Record<string, unknown> {
  return {
    ...(user.password ? { password: {} } : {}),
    ...(user.recoveryQuestion ? { recovery_question: { question: user.recoveryQuestion.question } } : {}),
    provider: { type: "OKTA", name: "OKTA" },
  };
}


export function userJson(url: string, user: OrgUser): Record<string, unknown> {
  const self = `${url}/api/v1/users/${user.id}`;
  const lifecycle = user.status === "ACTIVE" ? "deactivate" : "activate";
  const changed = user.statusChanged ?? user.created;
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.status === "ACTIVE" ? changed : null,
    statusChanged: changed,
    lastLogin: null,
    lastUpdated: user.lastUpdated ?? user.created,
    passwordChanged: user.password ? user.created : null,
    type: { id: oktaId("oty", "default") },
    profile: {
      firstName: user.firstName,
      lastName: user.lastName,
      mobilePhone: user.mobilePhone || null,
      secondEmail: null,
      ...user.otherProfile,
      login: user.login,
      email: user.email,
    },
    credentials: {
      ...userCredentialsJson(user),
      emails: [{ value: user.email, status: "VERIFIED", type: "PRIMARY" }],
    },
    _links: {
      self: link(self),
      [lifecycle]: { href: `${self}/lifecycle/${lifecycle}`, method: "POST" },
    },
  };
}

export interface FactorView {
  id: string;
  /** The authenticator the factor is an enrollment in. */
  key: string;
  factorType: string;
  provider: string;
  status: "ACTIVE" | "PENDING_ACTIVATION";
  profile: Record<string, unknown>;
}

export function factorJson(url: string, user: OrgUser, factor: FactorView): Record<string, unknown> {
  const self = `${url}/api/v1/users/${user.id}/factors/${factor.id}`;
  const links: Links = { self: link(self, "GET", "DELETE"), user: link(`${url}/api/v1/users/${user.id}`, "GET") };
  if (factor.status === "PENDING_ACTIVATION") links.activate = link(`${self}/lifecycle/activate`, "POST");
  else links.verify = link(`${self}/verify`, "POST");
  return {
    id: factor.id,
    factorType: factor.factorType,
    provider: factor.provider,
    vendorName: factor.provider,
    status: factor.status,
    created: user.created,
    lastUpdated: user.created,
    profile: factor.profile,
    _links: links,
  };
}
