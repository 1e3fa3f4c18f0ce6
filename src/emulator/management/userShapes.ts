import { oktaId } from "../../okta/ids";
import { OrgUser, UserType } from "../orgModel";
import { Link, Links, link } from "./links";
import { schemaIdOf } from "./userTypeStore";

/** Okta's JSON for users and their factors; never a password, recovery answer or unrequested secret. */

/** Never a secret: `password: {}` for a user who has one, the recovery question without its answer. */
export function userCredentialsJson(user: OrgUser): Record<string, unknown> {
  return {
    ...(user.password ? { password: {} } : {}),
    ...(user.recoveryQuestion ? { recovery_question: { question: user.recoveryQuestion.question } } : {}),
    provider: { type: "OKTA", name: "OKTA" },
  };
}


/** The org's default realm, which Okta names on every user of a 2026 org. */
const REALM_ID = oktaId("guo", "default");

type LinkedAction = { href: string; method: string };

/** The lifecycle and credential operations Okta links for the user's current status, in Okta's order. */
function userLinks(url: string, user: OrgUser, userType: UserType): Record<string, Link | LinkedAction> {
  const self = `${url}/api/v1/users/${user.id}`;
  const post = (path: string): LinkedAction => ({ href: `${self}/${path}`, method: "POST" });
  const schema = link(`${url}/api/v1/meta/schemas/user/${schemaIdOf(userType)}`);
  const type = link(`${url}/api/v1/meta/types/user/${userType.id}`);
  const resetFactors = post("lifecycle/reset_factors");
  switch (user.status) {
    case "STAGED":
      return { schema, activate: post("lifecycle/activate"), self: link(self), resetFactors, type };
    case "DEPROVISIONED":
      return { schema, activate: post("lifecycle/activate"), self: link(self), type, delete: { href: self, method: "DELETE" } };
    case "PROVISIONED":
      return {
        suspend: post("lifecycle/suspend"),
        schema,
        resetPassword: post("lifecycle/reset_password"),
        reactivate: post("lifecycle/reactivate"),
        self: link(self),
        resetFactors,
        type,
        deactivate: post("lifecycle/deactivate"),
      };
    case "ACTIVE":
      return {
        suspend: post("lifecycle/suspend"),
        schema,
        resetPassword: post("lifecycle/reset_password"),
        ...(user.password && {
          forgotPassword: post("credentials/forgot_password"),
          expirePassword: post("lifecycle/expire_password"),
          changeRecoveryQuestion: post("credentials/change_recovery_question"),
        }),
        self: link(self),
        resetFactors,
        type,
        ...(user.password && { changePassword: post("credentials/change_password") }),
        deactivate: post("lifecycle/deactivate"),
      };
    case "LOCKED_OUT":
      return { schema, unlock: post("lifecycle/unlock"), self: link(self), resetFactors, type, deactivate: post("lifecycle/deactivate") };
  }
}

/**
 * `statusChanged` is null until the user first changes status; `activated` is set while the user
 * is activated (ACTIVE, or PROVISIONED awaiting a password) and null once deprovisioned.
 */
export function userJson(url: string, user: OrgUser, userType: UserType): Record<string, unknown> {
  const changed = user.statusChanged ?? (user.status === "STAGED" ? null : user.created);
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.status === "ACTIVE" || user.status === "PROVISIONED" ? changed : null,
    statusChanged: changed,
    lastLogin: null,
    lastUpdated: user.lastUpdated ?? user.created,
    passwordChanged: user.password ? user.created : null,
    realmId: REALM_ID,
    type: { id: userType.id },
    profile: {
      firstName: user.firstName,
      lastName: user.lastName,
      mobilePhone: user.mobilePhone || null,
      secondEmail: null,
      ...user.otherProfile,
      login: user.login,
      email: user.email,
    },
    credentials: userCredentialsJson(user),
    _links: userLinks(url, user, userType),
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
