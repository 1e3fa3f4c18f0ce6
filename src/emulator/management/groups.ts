import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { jsonAnswer, noContent } from "../answer";
import { ManagementApiError, notFound, validationFailed } from "../errors";
import { Group } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso, section } from "./api";
import { appJson } from "./appShapes";
import { groupJson } from "./groupShapes";
import { fieldOf, limited, listMatcher } from "./listQuery";
import { orgIdOf } from "./organization";
import { selfLinkHeader } from "./pageLinks";
import { userFor, userView } from "./userAccounts";


function groupById(state: EmulatorState, id: string): Group {
  const group = state.org.groups.get(id);
  if (!group) throw notFound(id, "UserGroup");
  return group;
}

/** Everyone is Okta's: its profile and members are not the API's to change. */
function changeable(group: Group): Group {
  if (group.type === "BUILT_IN") {
    throw new ManagementApiError(403, "E0000006", "You do not have permission to perform the requested action", [
      `The built-in group ${group.name} cannot be changed.`,
    ]);
  }
  return group;
}

function profileOf(body: Record<string, unknown>): { name: string; description?: string } {
  const profile = section(body.profile);
  const name = typeof profile.name === "string" ? profile.name.trim() : "";
  if (!name) throw validationFailed("name", ["name: The field cannot be left blank"]);
  return { name, description: typeof profile.description === "string" ? profile.description : undefined };
}

function nameTaken(state: EmulatorState, name: string, self?: Group): void {
  const taken = [...state.org.groups.values()].some((g) => g !== self && g.name.toLowerCase() === name.toLowerCase());
  if (taken) throw validationFailed("name", ["name: An object with this field already exists in the current organization"]);
}

export const GROUP_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/groups",
    description: "list groups (q, search, filter, limit)",
    handle: (state, _params, request) => {
      const matches = listMatcher(request.query);
      const all = [...state.org.groups.values()].map((g) => groupJson(state.url, g));
      const matching = all.filter((json) => matches([String((json.profile as { name: string }).name)], (path) => fieldOf(json, path)));
      return jsonAnswer(200, limited(matching, request.query), selfLinkHeader(state.url, request));
    },
  },
  {
    method: "POST",
    path: "/api/v1/groups",
    description: "create a group",
    handle: (state, _params, request) => {
      const profile = profileOf(jsonBody(request));
      nameTaken(state, profile.name);
      const now = nowIso();
      const group: Group = { id: oktaId("00g", randomBytes(12).toString("hex")), ...profile, type: "OKTA_GROUP", userIds: new Set(), created: now, lastUpdated: now };
      state.org.groups.set(group.id, group);
      return jsonAnswer(200, groupJson(state.url, group));
    },
  },
  {
    method: "GET",
    path: "/api/v1/groups/{groupId}",
    description: "read a group",
    handle: (state, [id]) => jsonAnswer(200, groupJson(state.url, groupById(state, id))),
  },
  {
    method: "PUT",
    path: "/api/v1/groups/{groupId}",
    description: "replace a group's profile",
    handle: (state, [id], request) => {
      const group = changeable(groupById(state, id));
      const profile = profileOf(jsonBody(request));
      nameTaken(state, profile.name, group);
      Object.assign(group, profile, { lastUpdated: nowIso() });
      return jsonAnswer(200, groupJson(state.url, group));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/groups/{groupId}",
    description: "delete a group",
    handle: (state, [id]) => {
      const group = changeable(groupById(state, id));
      state.org.groups.delete(group.id);
      for (const app of state.org.apps) app.groupAssignments.delete(group.id);
      return noContent();
    },
  },
  {
    method: "GET",
    path: "/api/v1/groups/{groupId}/users",
    description: "a group's members",
    handle: (state, [id], request) => {
      const group = groupById(state, id);
      const members = group.type === "BUILT_IN" ? state.org.users : state.org.users.filter((u) => group.userIds.has(u.id));
      return jsonAnswer(200, limited(members.map((u) => userView(state, u)), request.query), selfLinkHeader(state.url, request));
    },
  },
  {
    method: "GET",
    path: "/api/v1/groups/{groupId}/apps",
    description: "apps assigned to a group",
    handle: (state, [id], request) => {
      const group = groupById(state, id);
      const apps = state.org.apps.filter((a) => a.groupAssignments.has(group.id));
      return jsonAnswer(200, apps.map((a) => appJson(state.url, state.org, orgIdOf(state), a)), selfLinkHeader(state.url, request));
    },
  },
  ...(["PUT", "DELETE"] as const).map(
    (method): ApiRoute => ({
      method,
      path: "/api/v1/groups/{groupId}/users/{userId}",
      description: "add (PUT) or remove (DELETE) a group member",
      handle: (state, [id, userId]) => {
        const group = changeable(groupById(state, id));
        const user = userFor(state, userId);
        if (method === "PUT") group.userIds.add(user.id);
        else group.userIds.delete(user.id);
        group.lastUpdated = nowIso();
        return noContent();
      },
    }),
  ),
];
