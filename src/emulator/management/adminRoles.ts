import { jsonAnswer, noContent } from "../answer";
import { ManagementApiError, notFound, validationFailed } from "../errors";
import { AdminRoleAssignment, OrgUser } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso } from "./api";
import { STANDARD_ROLES, listedOrder, roleAssignmentId, roleAssignmentJson } from "./adminRoleShapes";
import { userFor } from "./userAccounts";

function assignmentOf(user: OrgUser, roleAssignmentId: string): AdminRoleAssignment {
  const found = user.adminRoles?.find((r) => r.id === roleAssignmentId);
  if (!found) throw notFound(roleAssignmentId, "RoleAssignment");
  return found;
}

/** Okta's answer to a role a user already holds; the provider retries it as a conflict. */
const alreadyAssigned = () => new ManagementApiError(409, "E0000090", "The role specified is already assigned to the user.");

export const ADMIN_ROLE_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/users/{userId}/roles",
    description: "a user's admin role assignments",
    handle: (state, [id]) => {
      const user = userFor(state, id);
      return jsonAnswer(200, listedOrder(user.adminRoles ?? []).map((r) => roleAssignmentJson(state.url, user.id, r)));
    },
  },
  {
    method: "POST",
    path: "/api/v1/users/{userId}/roles",
    description: "assign a standard admin role to a user (disableNotifications accepted)",
    handle: (state: EmulatorState, [id], request) => {
      const user = userFor(state, id);
      const type = jsonBody(request).type;
      if (typeof type !== "string" || !(type in STANDARD_ROLES)) throw validationFailed("type", []);
      if (user.adminRoles?.some((r) => r.type === type)) throw alreadyAssigned();
      const now = nowIso();
      const role: AdminRoleAssignment = { id: roleAssignmentId(type), type, created: now, lastUpdated: now };
      (user.adminRoles ??= []).push(role);
      return jsonAnswer(201, roleAssignmentJson(state.url, user.id, role));
    },
  },
  {
    method: "GET",
    path: "/api/v1/users/{userId}/roles/{roleAssignmentId}",
    description: "one of a user's admin role assignments",
    handle: (state, [id, roleId]) => {
      const user = userFor(state, id);
      return jsonAnswer(200, roleAssignmentJson(state.url, user.id, assignmentOf(user, roleId)));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/users/{userId}/roles/{roleAssignmentId}",
    description: "unassign an admin role from a user",
    handle: (state, [id, roleId]) => {
      const user = userFor(state, id);
      const role = assignmentOf(user, roleId);
      user.adminRoles = user.adminRoles?.filter((r) => r !== role);
      return noContent();
    },
  },
];
