import { createHash, randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { jsonAnswer, noContent } from "../answer";
import { notFound, validationFailed } from "../errors";
import { FACTOR_AUTHENTICATOR } from "../factors";
import { OrgUser, UserStatus, groupIdsOf } from "../orgModel";
import { EmulatorState } from "../state";
import { newTotpSecret } from "../orgAdministrator";
import { ApiRoute, ManagementCaller, jsonBody, nowIso, section } from "./api";
import { groupJson } from "./groupShapes";
import { fieldOf, limited, listMatcher } from "./listQuery";
import { UserFields, checkProfileDefined, passwordOf, profileFields, recoveryQuestionOf, userTypeOf } from "./userInput";
import { userJson } from "./userShapes";
import { defaultUserTypeOf, typeOfUser } from "./userTypeStore";


/** A user's JSON, with its type's ids and links. */
export function userView(state: EmulatorState, user: OrgUser): Record<string, unknown> {
  return userJson(state.url, user, typeOfUser(state.org, user));
}

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

/** Activated, a user with a password is ACTIVE; one without is PROVISIONED until a password is set. */
function activatedStatus(user: { password: string }): UserStatus {
  return user.password ? "ACTIVE" : "PROVISIONED";
}

/** `activate` (the default) activates at once; otherwise the user is STAGED, its status never changed. */
function createUser(state: EmulatorState, body: Record<string, unknown>, activate: boolean): OrgUser {
  const type = userTypeOf(state.org, body);
  checkProfileDefined(type ?? defaultUserTypeOf(state.org), body);
  const fields = profileFields(state.org, body);
  const password = passwordOf(body, fields.login) ?? "";
  const recoveryQuestion = recoveryQuestionOf(section(body.credentials));
  const id = oktaId("00u", randomBytes(12).toString("hex"));
  const now = nowIso();
  const user: OrgUser = {
    ...fields,
    id,
    ...(type && !type.default && { typeId: type.id }),
    status: activate ? activatedStatus({ password }) : "STAGED",
    password,
    recoveryQuestion,
    totpSecret: newTotpSecret(),
    totpFactorId: oktaId("uft", `${id}:google_otp`),
    // As in Okta, a new user has no Google Authenticator factor until one is enrolled through the
    // factors API; the simulated human's phone and Okta Verify device stand in for enrollments
    // made at first sign-in, which the emulator does not serve.
    unenrolled: new Set([FACTOR_AUTHENTICATOR.otp.key]),
    created: now,
    ...(activate && { statusChanged: now }),
    lastUpdated: now,
  };
  state.org.users.push(user);
  const groupIds = Array.isArray(body.groupIds) ? body.groupIds : [];
  for (const groupId of groupIds) state.org.groups.get(String(groupId))?.userIds.add(id);
  return user;
}

/** POST merges what the body sends; PUT replaces the profile when it sends one. Both may set the password. */
function updateUser(state: EmulatorState, user: OrgUser, body: Record<string, unknown>, merge: boolean): void {
  let fields: UserFields | undefined;
  if (body.profile !== undefined) {
    const profile = merge ? { ...currentProfile(user), ...(body.profile as object) } : body.profile;
    fields = profileFields(state.org, { profile }, user);
  }
  const password = passwordOf(body, fields?.login ?? user.login);
  // Okta changes a user's type only on a full replacement (PUT).
  const type = merge ? undefined : userTypeOf(state.org, body);
  if (fields) Object.assign(user, fields);
  if (type) user.typeId = type.default ? undefined : type.id;
  if (password !== undefined) user.password = password;
  user.lastUpdated = nowIso();
}

function currentProfile(user: OrgUser): Record<string, unknown> {
  const { login, email, firstName, lastName, mobilePhone } = user;
  return { ...user.otherProfile, login, email, firstName, lastName, mobilePhone };
}

/** A read's Etag: Okta's is weak, a SHA-256 of the representation, so it changes whenever the user does. */
function weakEtag(json: unknown): string {
  return `W/"${createHash("sha256").update(JSON.stringify(json)).digest("hex")}"`;
}

/**
 * Okta's list leaves deprovisioned users out unless a filter or search asks for them, and links
 * each user to itself only: the operations are linked on a single user's read.
 */
function listed(state: EmulatorState, query: URLSearchParams): Record<string, unknown>[] {
  const asked = query.has("filter") || query.has("search");
  const matches = listMatcher(query);
  return state.org.users
    .filter((u) => asked || u.status !== "DEPROVISIONED")
    .map((u) => userView(state, u))
    .filter((json) => {
      const profile = json.profile as Record<string, unknown>;
      const names = [profile.login, profile.email, profile.firstName, profile.lastName].map(String);
      return matches(names, (path) => fieldOf(json, path));
    })
    .map((json) => ({ ...json, _links: { self: (json._links as { self: unknown }).self } }));
}

/**
 * `GET /api/v1/users/me`, which the Okta provider calls first to check an SSWS token: the user who
 * owns the token, here the org's administrator (an org placed from an evaluation has only its test
 * user). A service app's token names no user, and Okta answers `me` as a user it cannot find.
 */
function currentUser(state: EmulatorState, caller: ManagementCaller | undefined): OrgUser {
  if (caller?.kind === "service-app") throw notFound("me", "User");
  return state.org.users.find((u) => u.id === state.org.user.id) ?? state.org.user;
}

export const USER_ACCOUNT_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/users/me",
    description: "the caller's own user",
    handle: (state, _params, request) => {
      const json = userView(state, currentUser(state, request.caller));
      return jsonAnswer(200, json, { etag: weakEtag(json) });
    },
  },
  {
    method: "POST",
    path: "/api/v1/users",
    description: "create a user",
    handle: (state, _params, request) => {
      const user = createUser(state, jsonBody(request), request.query.get("activate") !== "false");
      return jsonAnswer(200, userView(state, user));
    },
  },
  {
    method: "GET",
    path: "/api/v1/users",
    description: "list users (q, search, filter, limit)",
    handle: (state, _params, request) => jsonAnswer(200, limited(listed(state, request.query), request.query)),
  },
  {
    method: "GET",
    path: "/api/v1/users/{userId}",
    description: "read a user by id or login",
    handle: (state, [idOrLogin]) => {
      const json = userView(state, userFor(state, idOrLogin));
      return jsonAnswer(200, json, { etag: weakEtag(json) });
    },
  },
  ...(["POST", "PUT"] as const).map(
    (method): ApiRoute => ({
      method,
      path: "/api/v1/users/{userId}",
      description: "update (POST, partial) or replace (PUT) a user",
      handle: (state, [id], request) => {
        const user = userFor(state, id);
        updateUser(state, user, jsonBody(request), method === "POST");
        return jsonAnswer(200, userView(state, user));
      },
    }),
  ),
  {
    method: "DELETE",
    path: "/api/v1/users/{userId}",
    description: "deprovision a user; delete a deprovisioned one",
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
    path: "/api/v1/users/{userId}/lifecycle/{action:activate|deactivate}",
    description: "activate or deactivate a user",
    handle: (state, [id, verb]) => {
      const user = userFor(state, id);
      const target: UserStatus = verb === "activate" ? activatedStatus(user) : "DEPROVISIONED";
      if (user.status === target) {
        throw validationFailed("status", [`The user is already ${target === "DEPROVISIONED" ? "deactivated" : "activated"}.`]);
      }
      setStatus(user, target);
      // Both answer an empty object (activate would carry an activation link had sendEmail=false asked for one).
      return jsonAnswer(200, {});
    },
  },
  {
    method: "POST",
    path: "/api/v1/users/{userId}/lifecycle/unlock",
    description: "unlock a locked-out user",
    handle: (state, [id]) => {
      const user = userFor(state, id);
      if (user.status !== "LOCKED_OUT") throw validationFailed("status", ["The user is not locked out."]);
      setStatus(user, "ACTIVE");
      user.failedSignIns = 0;
      return jsonAnswer(200, {});
    },
  },
  {
    method: "GET",
    path: "/api/v1/users/{userId}/groups",
    description: "a user's groups",
    handle: (state, [id]) => {
      const user = userFor(state, id);
      const groups = [...groupIdsOf(state.org, user.id)].map((g) => state.org.groups.get(g)).filter((g) => g !== undefined);
      return jsonAnswer(200, groups.map((g) => groupJson(state.url, g)));
    },
  },
];
