import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { jsonAnswer, noContent } from "../answer";
import { ManagementApiError, notFound, validationFailed } from "../errors";
import { OAuthApp } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso, section } from "./api";
import { AppInput, appInputOf, catalogueNameOf } from "./appInput";
import { appGroupJson, appJson, clientSecretsJson, idTokenSettingsJson } from "./appShapes";
import { fieldOf, limited, listMatcher } from "./listQuery";
import { orgIdOf } from "./organization";
import { selfLinkHeader } from "./pageLinks";
import { policyById } from "./policyStore";


function appById(state: EmulatorState, id: string, type = "AppInstance"): OAuthApp {
  const app = state.org.apps.find((a) => a.id === id);
  if (!app) throw notFound(id, type);
  return app;
}

function groupExists(state: EmulatorState, groupId: string): void {
  if (!state.org.groups.has(groupId)) throw notFound(groupId, "UserGroup");
}

/** Okta numbers an assignment sent without a priority after the others. */
function nextAssignmentPriority(app: OAuthApp): number {
  return Math.max(0, ...[...app.groupAssignments.values()].map((a) => a.priority ?? 0)) + 1;
}

/** What the caller chose in `credentials.oauthClient` (`client_id`, `client_secret`); an empty one is not a choice. */
function chosen(body: Record<string, unknown>, key: "client_id" | "client_secret"): string | undefined {
  const value = section(section(body.credentials).oauthClient)[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function clientIdFree(state: EmulatorState, clientId: string): void {
  if (state.org.apps.some((a) => a.clientId === clientId)) {
    throw validationFailed("client_id", ["client_id: An object with this field already exists in the current organization"]);
  }
}

/**
 * A client made confidential by an update gets its secret then; one made public loses it. A secret
 * sent replaces the current one; the client id stays the one the create gave.
 */
function assign(app: OAuthApp, input: AppInput, submitted: Record<string, unknown>): void {
  Object.assign(app, input, { submitted, lastUpdated: nowIso() });
  app.clientSecret =
    input.tokenEndpointAuthMethod === "none" ? undefined : (chosen(submitted, "client_secret") ?? app.clientSecret ?? newClientSecret());
}

function newClientSecret(): string {
  return randomBytes(48).toString("base64url");
}

/**
 * Okta gives a new OIDC app one id, used as its client id unless the caller chose one;
 * confidential clients get a secret, the caller's if it sent one.
 */
function createApp(state: EmulatorState, body: Record<string, unknown>, active: boolean): OAuthApp {
  const input = appInputOf(body);
  const id = oktaId("0oa", randomBytes(16).toString("hex"));
  const clientId = chosen(body, "client_id") ?? id;
  clientIdFree(state, clientId);
  const now = nowIso();
  const app: OAuthApp = {
    ...input,
    id,
    clientId,
    status: active ? "ACTIVE" : "INACTIVE",
    clientSecret: input.tokenEndpointAuthMethod === "none" ? undefined : (chosen(body, "client_secret") ?? newClientSecret()),
    groupAssignments: new Map(),
    submitted: body,
    created: now,
    lastUpdated: now,
  };
  state.org.apps.push(app);
  return app;
}

export const APP_ROUTES: ApiRoute[] = [
  {
    method: "POST",
    path: "/api/v1/apps",
    description: "create an OIDC app",
    handle: (state, _params, request) => {
      const app = createApp(state, jsonBody(request), request.query.get("activate") !== "false");
      return jsonAnswer(200, appJson(state.url, state.org, orgIdOf(state), app, { withSecret: true }));
    },
  },
  {
    method: "GET",
    path: "/api/v1/apps",
    description: "list apps (q, filter, limit)",
    handle: (state, _params, request) => {
      const all = state.org.apps.map((app) => appJson(state.url, state.org, orgIdOf(state), app));
      const matches = listMatcher(request.query);
      const matching = all.filter((json) => matches([String(json.label), String(json.name)], (path) => fieldOf(json, path)));
      return jsonAnswer(200, limited(matching, request.query), selfLinkHeader(state.url, request));
    },
  },
  {
    method: "GET",
    path: "/api/v1/apps/{appId}",
    description: "read an app",
    handle: (state, [id]) => jsonAnswer(200, appJson(state.url, state.org, orgIdOf(state), appById(state, id))),
  },
  {
    method: "PUT",
    path: "/api/v1/apps/{appId}",
    description: "replace an app",
    handle: (state, [id], request) => {
      const app = appById(state, id);
      const body = jsonBody(request);
      assign(app, appInputOf(body), body);
      return jsonAnswer(200, appJson(state.url, state.org, orgIdOf(state), app, { withSecret: true }));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/apps/{appId}",
    description: "delete an inactive app",
    handle: (state, [id]) => {
      const app = appById(state, id);
      if (app.status === "ACTIVE") {
        throw new ManagementApiError(403, "E0000056", "Delete application forbidden.", ["The application must be deactivated before it can be deleted."]);
      }
      state.org.apps.splice(state.org.apps.indexOf(app), 1);
      return noContent();
    },
  },
  {
    method: "POST",
    path: "/api/v1/apps/{appId}/lifecycle/{action:activate|deactivate}",
    description: "activate or deactivate an app",
    handle: (state, [id, verb]) => {
      const app = appById(state, id);
      app.status = verb === "activate" ? "ACTIVE" : "INACTIVE";
      app.lastUpdated = nowIso();
      return jsonAnswer(200, {});
    },
  },
  {
    method: "GET",
    path: "/api/v1/apps/{appId}/credentials/secrets",
    description: "an app's client secrets",
    handle: (state, [id]) => jsonAnswer(200, clientSecretsJson(state.url, appById(state, id))),
  },
  {
    method: "GET",
    path: "/api/v1/apps/{appId}/groups",
    description: "groups assigned to an app",
    handle: (state, [id], request) => {
      const app = appById(state, id);
      const assignments = [...app.groupAssignments].map(([groupId, a]) => appGroupJson(state.url, app, groupId, a));
      return jsonAnswer(200, assignments, selfLinkHeader(state.url, request));
    },
  },
  {
    method: "GET",
    path: "/api/v1/apps/{appId}/groups/{groupId}",
    description: "one group assignment",
    handle: (state, [id, groupId]) => {
      const app = appById(state, id);
      const assignment = app.groupAssignments.get(groupId);
      if (!assignment) throw notFound(groupId, "ApplicationGroupAssignment");
      return jsonAnswer(200, appGroupJson(state.url, app, groupId, assignment));
    },
  },
  {
    method: "PUT",
    path: "/api/v1/apps/{appId}/groups/{groupId}",
    description: "assign a group to an app",
    handle: (state, [id, groupId], request) => {
      const app = appById(state, id);
      groupExists(state, groupId);
      const body = jsonBody(request);
      const priority = typeof body.priority === "number" ? body.priority : nextAssignmentPriority(app);
      const profile = body.profile && typeof body.profile === "object" ? (body.profile as Record<string, unknown>) : {};
      const assignment = { priority, profile, lastUpdated: nowIso() };
      app.groupAssignments.set(groupId, assignment);
      return jsonAnswer(200, appGroupJson(state.url, app, groupId, assignment));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/apps/{appId}/groups/{groupId}",
    description: "remove a group assignment",
    handle: (state, [id, groupId]) => {
      appById(state, id).groupAssignments.delete(groupId);
      return noContent();
    },
  },
  {
    method: "PUT",
    path: "/api/v1/apps/{appId}/policies/{policyId}",
    description: "set an app's access policy",
    handle: (state, [id, policyId]) => {
      const app = appById(state, id);
      const policy = policyById(state.org, policyId);
      if (policy.type !== "ACCESS_POLICY") throw notFound(policyId, "Policy");
      app.authenticationPolicyId = policyId;
      app.lastUpdated = nowIso();
      return noContent();
    },
  },
  {
    method: "GET",
    path: "/api/v1/internal/apps/{appId}/settings/oauth/idToken",
    description: "an app's ID token settings (a catalogue app's are the catalogue's: 404)",
    handle: (state, [id]) => {
      const app = appById(state, id, "OAuth2AppInstance");
      if (catalogueNameOf(app.submitted) !== undefined) throw notFound(id, "OAuth2AppInstance");
      return jsonAnswer(200, idTokenSettingsJson(state.url, app));
    },
  },
  {
    method: "POST",
    path: "/api/v1/internal/apps/{appId}/settings/oauth/idToken",
    description: "set an app's ID token settings",
    handle: (state, [id], request) => {
      const app = appById(state, id, "OAuth2AppInstance");
      const { issuerMode, ...claim } = jsonBody(request);
      if (typeof issuerMode === "string") app.issuerMode = issuerMode;
      if (claim.name !== undefined) app.groupsClaim = claim;
      return jsonAnswer(200, { issuer: null, orgUrl: null, customUrl: null, audience: null, issuerMode: app.issuerMode, ...app.groupsClaim });
    },
  },
];
