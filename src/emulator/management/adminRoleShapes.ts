import { randomBytes } from "node:crypto";
import { Secret } from "otpauth";
import { oktaId } from "../../okta/ids";
import { AdminRoleAssignment } from "../orgModel";
import { link } from "./links";

/**
 * Okta's standard admin roles (docs/okta-emulator.md, "Admin roles"): the label Okta answers, and
 * what a role can be narrowed to. Okta's role guide prints the labels in sentence case; its API
 * answers them capitalised, as every recorded assignment shows ("Application Administrator").
 */
export const STANDARD_ROLES: Readonly<Record<string, { label: string; targets?: "groups" | "apps" }>> = {
  SUPER_ADMIN: { label: "Super Administrator" },
  ORG_ADMIN: { label: "Organization Administrator" },
  APP_ADMIN: { label: "Application Administrator", targets: "apps" },
  USER_ADMIN: { label: "Group Administrator", targets: "groups" },
  HELP_DESK_ADMIN: { label: "Help Desk Administrator", targets: "groups" },
  GROUP_MEMBERSHIP_ADMIN: { label: "Group Membership Administrator", targets: "groups" },
  READ_ONLY_ADMIN: { label: "Read-only Administrator" },
  MOBILE_ADMIN: { label: "Mobile Administrator" },
  API_ACCESS_MANAGEMENT_ADMIN: { label: "API Access Management Administrator" },
  REPORT_ADMIN: { label: "Report Administrator" },
};

/**
 * A role that can be narrowed to groups or apps has, on every user, the id Okta derives from its
 * type (RFC 4648 base32 of `APP_ADMIN`, unpadded: `IFIFAX2BIRGUSTQ`, as each recorded org answers); the others
 * get an `ra1` id of their own.
 */
export function roleAssignmentId(type: string): string {
  return STANDARD_ROLES[type]?.targets ? Secret.fromUTF8(type).base32 : oktaId("ra1", randomBytes(12).toString("hex"));
}

/** Okta lists the narrowable roles first, then the others, each in the order they were assigned. */
export function listedOrder(assignments: readonly AdminRoleAssignment[]): AdminRoleAssignment[] {
  const narrowable = (a: AdminRoleAssignment) => (STANDARD_ROLES[a.type]?.targets ? 0 : 1);
  return [...assignments].sort((a, b) => narrowable(a) - narrowable(b));
}

export function roleAssignmentJson(url: string, userId: string, role: AdminRoleAssignment): Record<string, unknown> {
  return {
    id: role.id,
    label: STANDARD_ROLES[role.type]?.label ?? role.type,
    type: role.type,
    status: "ACTIVE",
    created: role.created,
    lastUpdated: role.lastUpdated,
    assignmentType: "USER",
    _links: { assignee: link(`${url}/api/v1/users/${userId}`) },
  };
}
