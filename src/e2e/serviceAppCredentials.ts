import { generateKeyPairSync, randomUUID } from "node:crypto";
import { OktaManagementClient } from "../orgSettings/managementClient";

/** The Okta API scopes README asks of a service app for this program. */
export const SERVICE_APP_SCOPES = [
  "okta.apps.manage",
  "okta.authenticators.manage",
  "okta.policies.manage",
  "okta.groups.manage",
  "okta.users.manage",
  "okta.authorizationServers.manage",
];

export interface ServiceAppCredentials {
  clientId: string;
  /** PEM (PKCS#1, which every Okta SDK reads); in memory only. */
  privateKey: string;
  privateKeyId: string;
  scopes: string[];
}

/**
 * An API Services app made as an admin makes one in the Admin Console, through the management
 * API: public client authentication with its own key (private_key_jwt, the key in the app's JWKS),
 * DPoP-bound tokens, and each Okta API scope granted to it.
 */
export async function createServiceApp(admin: OktaManagementClient, orgUrl: string, label: string): Promise<ServiceAppCredentials> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKeyId = randomUUID();
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: privateKeyId, alg: "RS256", use: "sig" };
  const app = await admin.post<{ id: string; credentials: { oauthClient: { client_id: string } } }>("/api/v1/apps", {
    name: "oidc_client",
    label,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt", autoKeyRotation: true } },
    settings: {
      oauthClient: {
        application_type: "service",
        grant_types: ["client_credentials"],
        response_types: ["token"],
        dpop_bound_access_tokens: true,
        jwks: { keys: [jwk] },
      },
    },
  });
  for (const scopeId of SERVICE_APP_SCOPES) await admin.post(`/api/v1/apps/${app.id}/grants`, { issuer: orgUrl, scopeId });
  return {
    clientId: app.credentials.oauthClient.client_id,
    privateKey: privateKey.export({ format: "pem", type: "pkcs1" }).toString(),
    privateKeyId,
    scopes: SERVICE_APP_SCOPES,
  };
}
