import { randomBytes } from "node:crypto";
import { oktaId } from "../../evaluate/oktaIds";
import { jsonAnswer, noContent } from "../answer";
import { notFound, validationFailed } from "../errors";
import { OrgUser, UserStatus, groupIdsOf } from "../orgModel";
import { EmulatorState } from "../state";
import { newTotpSecret } from "../testUser";
import { ApiRoute, jsonBody, nowIso, section } from "./api";
import { groupJson } from "./groupShapes";
import { fieldOf, limited, listMatches } from "./listQuery";
import { passwordOf, profileFields, recoveryQuestionOf } from "./userInput";
import { userJson } from "./userShapes";

const ID = "([^/]+)";
const USER = `^/api/v1/users/${ID}`;

/** Ids and logins both name a user in the path; a login arrives URL-encoded (`@` as %40). */
export function userFor(state: EmulatorState, encodedIdOrLogin: string): OrgUser {
  const idOrLogin = decodeURIComponent(encodedIdOrLogin);
  const user = state.org.users.find((u) => u.id === idOrLogin || u.login.toLowerCase() === idOrLogin.toLowerCase());
  if (user) return user;
  throw notFound(idOrLogin, "User");
}

function setStatus(user: OrgUser, status: UserStatus): void {
  user.status = status;
  user.statusChanged = user.lastUpdated = nowIso();
}

/** With a password and `activate` (the default) the user is ACTIVE at once; otherwise STAGED. */
function createUser(state: EmulatorState, body: Record<string, unknown>, activate: boolean): OrgUser {
  const fields = profileFields(state.org, body);
  const password = passwordOf(body) ?? "";
  const recoveryQuestion = recoveryQuestionOf(section(body.credentials));
  const id = oktaId("00u", randomBytes(12).toString("hex"));
  const now = nowIso();
  const user: OrgUser = {
    ...fields,
    id,
    status: activate ? "ACTIVE" : "STAGED",
    password,
    recoveryQuestion,
    totpSecret: newTotpSecret(),
    totpFactorId: oktaId("uft", `${id}:google_otp`),
    unenrolled: new Set(),
    created: now,
    statusChanged: now,
    lastUpdated: now,
  };
  state.org.users.push(user);
  const groupIds = Array.isArray(body.groupIds) ? body.groupIds : [];
  for (const groupId of groupIds) state.org.groups.get(String(groupId))?.userIds.add(id);
  return user;
}

/** POST merges what the body sends; PUT replaces the profile when it sends one. Both may set the password. */
function updateUser(state: EmulatorState, user: OrgUser, body: Record<string, unknown>, merge: boolean): void {
  if (body.profile !== undefined) {
    const profile = merge ? { ...currentProfile(user), ...(body.profile as object) } : body.profile;
    const fields = profileFields(state.org, { profile }, user);
    Object.assign(user, fields);
  }
  const password = passwordOf(body);
  if (password !== undefined) user.password = password;
  user.lastUpdated = nowIso();
}

function currentProfile(user: OrgUser): Record<string, unknown> {
  const { login, email, firstName, lastName, mobilePhone } = user;
  return { ...user.otherProfile, login, email, firstName, lastName, mobilePhone };
}

/** Okta's list leaves deprovisioned users out unless a filter or search asks for them. */
function listed(state: EmulatorState, query: URLSearchParams): Record<string, unknown>[] {
  const asked = query.has("filter") || query.has("search");
  return state.org.users
    .filter((u) => asked || u.status !== "DEPROVISIONED")
    .map((u) => userJson(state.url, u))
    .filter((json) => {
      const profile = json.profile as Record<string, unknown>;
      const names = [profile.login, profile.email, profile.firstName, profile.lastName].map(String);
      return listMatches(query, names, (path) => fieldOf(json, path));
    });
}

export const USER_ACCOUNT_ROUTES: ApiRoute[] = [
  {
    method: "POST",
    pattern: /^\/api\/v1\/users$/,
    handle: (state, _params, request) => {
      const user = createUser(state, jsonBody(request), request.query.get("activate") !== "false");
      return jsonAnswer(200, userJson(state.url, user));
    },
  },
  {
    method: "GET",
    pattern: /^\/api\/v1\/users$/,
    handle: (state, _params, request) => jsonAnswer(200, limited(listed(state, request.query), request.query)),
  },
  {
    method: "GET",
    pattern: new RegExp(`${USER}$`),
    handle: (state, [idOrLogin]) => jsonAnswer(200, userJson(state.url, userFor(state, idOrLogin))),
  },
  ...(["POST", "PUT"] as const).map(
    (method): ApiRoute => ({
      method,
      pattern: new RegExp(`${USER}$`),
      handle: (state, [id], request) => {
        const user = userFor(state, id);
        updateUser(state, user, jsonBody(request), method === "POST");
        return jsonAnswer(200, userJson(state.url, user));
      },
    }),
  ),
  {
    method: "DELETE",
    pattern: new RegExp(`${USER}$`),
    handle: (state, [id]) => {
      const user = userFor(state, id);
      if (user.status !== "DEPROVISIONED") setStatus(user, "DEPROVISIONED");
      else {
        state.org.users.splice(state.org.users.indexOf(user), 1);
        for (const group of state.org.groups.values()) group.userIds.delete(user.id);
      }
      return noContent();
    },
  },
  {
    method: "POST",
    pattern: new RegExp(`${USER}/lifecycle/(activate|deactivate)$`),
    handle: (state, [id, verb]) => {
      const user = userFor(state, id);
      const target: UserStatus = verb === "activate" ? "ACTIVE" : "DEPROVISIONED";
      if (user.status === target) {
        throw validationFailed("status", [`The user is already ${target === "ACTIVE" ? "active" : "deactivated"}.`]);
      }
      setStatus(user, target);
      return verb === "activate" ? jsonAnswer(200, {}) : noContent();
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`${USER}/groups$`),
    handle: (state, [id]) => {
      const user = userFor(state, id);
      const groups = [...groupIdsOf(state.org, user.id)].map((g) => state.org.groups.get(g)).filter((g) => g !== undefined);
      return jsonAnswer(200, groups.map((g) => groupJson(state.url, g)));
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`${USER}/roles$`),
    handle: (state, [id]) => {
      userFor(state, id);
      return jsonAnswer(200, []);
    },
  },
];
