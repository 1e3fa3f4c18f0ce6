import { Answer } from "../answer";
import { methodNotAllowed, notFound } from "../errors";
import { EmulatorState } from "../state";
import { authorizeManagementCall } from "./accessTokens";
import { ApiRequest, ApiRoute } from "./api";
import { APP_GRANT_ROUTES } from "./appGrants";
import { APP_ROUTES } from "./apps";
import { AUTH_SERVER_POLICY_ROUTES } from "./authServerPolicies";
import { AUTHENTICATOR_ROUTES } from "./authenticators";
import { AUTHORIZATION_SERVER_ROUTES } from "./authorizationServers";
import { GROUP_ROUTES } from "./groups";
import { organizationAnswer } from "./organization";
import { POLICY_ROUTES } from "./policies";
import { POLICY_RULE_ROUTES } from "./policyRules";
import { POLICY_SIMULATION_ROUTES } from "./policySimulation";
import { USER_ACCOUNT_ROUTES } from "./userAccounts";
import { USER_CREDENTIAL_ROUTES } from "./userCredentials";
import { USER_FACTOR_ROUTES } from "./userFactors";

const ROUTES: ApiRoute[] = [
  ...POLICY_SIMULATION_ROUTES,
  ...AUTHENTICATOR_ROUTES,
  ...POLICY_ROUTES,
  ...POLICY_RULE_ROUTES,
  ...USER_FACTOR_ROUTES,
  ...APP_GRANT_ROUTES,
  ...APP_ROUTES,
  ...USER_ACCOUNT_ROUTES,
  ...USER_CREDENTIAL_ROUTES,
  ...GROUP_ROUTES,
  ...AUTHORIZATION_SERVER_ROUTES,
  ...AUTH_SERVER_POLICY_ROUTES,
];

/** The management API subset (`/api/v1/...`); undefined for other paths. */
export async function managementRoute(state: EmulatorState, request: ApiRequest): Promise<Answer | undefined> {
  if (request.path === "/.well-known/okta-organization" && request.method === "GET") return organizationAnswer(state);
  if (!request.path.startsWith("/api/v1/")) return undefined;
  const caller = await authorizeManagementCall(state, request);
  if ("status" in caller) return caller;
  request.caller = caller;
  let pathKnown = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(request.path);
    if (!match) continue;
    pathKnown = true;
    if (route.method === request.method) return route.handle(state, match.slice(1), request);
  }
  throw pathKnown ? methodNotAllowed() : notFound(request.path, "Path");
}
