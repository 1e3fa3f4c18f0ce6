import { Answer } from "../answer";
import { methodNotAllowed, notFound } from "../errors";
import { routeMatcher } from "../routeTable";
import { EmulatorState } from "../state";
import { authorizeManagementCall } from "./accessTokens";
import { ApiRequest, ApiRoute } from "./api";
import { ADMIN_ROLE_ROUTES } from "./adminRoles";
import { APP_GRANT_ROUTES } from "./appGrants";
import { APP_ROUTES } from "./apps";
import { AUTH_SERVER_CLAIM_ROUTES } from "./authServerClaims";
import { AUTH_SERVER_POLICY_ROUTES } from "./authServerPolicies";
import { AUTH_SERVER_SCOPE_ROUTES } from "./authServerScopes";
import { AUTHENTICATOR_ROUTES } from "./authenticators";
import { AUTHORIZATION_SERVER_ROUTES } from "./authorizationServers";
import { DEVICE_ASSURANCE_ROUTES } from "./deviceAssurances";
import { GROUP_RULE_ROUTES } from "./groupRules";
import { GROUP_ROUTES } from "./groups";
import { INLINE_HOOK_ROUTES } from "./inlineHooks";
import { NETWORK_ZONE_ROUTES } from "./networkZones";
import { organizationAnswer } from "./organization";
import { POLICY_ROUTES } from "./policies";
import { POLICY_RULE_ROUTES } from "./policyRules";
import { POLICY_SIMULATION_ROUTES } from "./policySimulation";
import { USER_ACCOUNT_ROUTES } from "./userAccounts";
import { USER_CREDENTIAL_ROUTES } from "./userCredentials";
import { USER_FACTOR_ROUTES } from "./userFactors";
import { USER_RISK_ROUTES } from "./userRisk";
import { USER_SCHEMA_ROUTES } from "./userSchema";
import { USER_TYPE_ROUTES } from "./userTypes";
import { WEBAUTHN_AAGUID_ROUTES } from "./webauthnAaguids";

/**
 * The management surface, in the order rows are tried (a literal path before a `{name}` one of the
 * same shape). docs/okta-emulator.md lists the same rows.
 */
export const MANAGEMENT_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/.well-known/okta-organization",
    description: "the org's pipeline and settings (no credentials)",
    handle: (state) => organizationAnswer(state),
  },
  ...POLICY_SIMULATION_ROUTES,
  ...AUTHENTICATOR_ROUTES,
  ...WEBAUTHN_AAGUID_ROUTES,
  ...POLICY_ROUTES,
  ...POLICY_RULE_ROUTES,
  ...USER_FACTOR_ROUTES,
  ...APP_GRANT_ROUTES,
  ...APP_ROUTES,
  ...USER_ACCOUNT_ROUTES,
  ...USER_CREDENTIAL_ROUTES,
  ...ADMIN_ROLE_ROUTES,
  ...GROUP_RULE_ROUTES,
  ...USER_RISK_ROUTES,
  ...USER_SCHEMA_ROUTES,
  ...USER_TYPE_ROUTES,
  ...GROUP_ROUTES,
  ...NETWORK_ZONE_ROUTES,
  ...INLINE_HOOK_ROUTES,
  ...DEVICE_ASSURANCE_ROUTES,
  ...AUTHORIZATION_SERVER_ROUTES,
  ...AUTH_SERVER_POLICY_ROUTES,
  ...AUTH_SERVER_SCOPE_ROUTES,
  ...AUTH_SERVER_CLAIM_ROUTES,
];

const matchManagement = routeMatcher(MANAGEMENT_ROUTES);

/**
 * The management API subset (`/api/v1/...`, credentials checked before the path) and the org's
 * metadata; undefined for other paths, and for another method on the metadata path, as before it had a table.
 */
export async function managementRoute(state: EmulatorState, request: ApiRequest): Promise<Answer | undefined> {
  const isApi = request.path.startsWith("/api/v1/");
  if (isApi) {
    const caller = await authorizeManagementCall(state, request);
    if ("status" in caller) return caller;
    request.caller = caller;
  }
  const found = matchManagement(request.method, request.path);
  if ("route" in found) return found.route.handle(state, found.params, request);
  if (!isApi) return undefined;
  throw found.pathKnown ? methodNotAllowed() : notFound(request.path, "Path");
}
