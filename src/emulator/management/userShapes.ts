import { oktaId } from "../../evaluate/oktaIds";
import { OrgUser } from "../orgModel";
import { Links, link } from "./links";

/** Okta's JSON for users and their factors; never a password, recovery answer or unrequested secret. */

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
