import { JWK } from "jose";
import { opaqueToken } from "../opaqueToken";
import { OAuthApp, Org } from "../orgModel";

/**
 * An "API Services" app of the org: the keys its client assertions are signed with and its granted
 * Okta API scopes. Made by an admin through the management API (see `serviceAppOf`), or given to
 * the emulator in process (tests).
 */
export interface ServiceAppRegistration {
  clientId: string;
  publicKeys: JWK[];
  scopes: string[];
}

/** A DPoP-bound access token for the management API. */
export interface ServiceAccessToken {
  clientId: string;
  scopes: string[];
  jkt: string;
  expiresAt: number;
}

/**
 * The org's service apps and what their tokens need remembered: the DPoP nonces handed out, the
 * access tokens issued, and the `jti`s already used (assertions and proofs are single-use).
 */
export class ServiceApps {
  private readonly nonces = new Set<string>();
  private readonly usedJtis = new Set<string>();
  private readonly tokens = new Map<string, ServiceAccessToken>();

  constructor(private readonly registered: readonly ServiceAppRegistration[] = []) {}

  /** Whether any service app could hold a token: then the management API wants credentials. */
  anyKnown(org: Org): boolean {
    return this.registered.length > 0 || org.apps.some((app) => serviceAppOf(app) !== undefined);
  }

  /** The service app with this client id: one given in process, else an ACTIVE one of the org. */
  find(org: Org, clientId: string): ServiceAppRegistration | undefined {
    const registered = this.registered.find((a) => a.clientId === clientId);
    if (registered) return registered;
    const app = org.apps.find((a) => a.clientId === clientId && a.status === "ACTIVE");
    return app && serviceAppOf(app);
  }

  newNonce(): string {
    const nonce = opaqueToken();
    this.nonces.add(nonce);
    return nonce;
  }

  knowsNonce(nonce: string | undefined): boolean {
    return nonce !== undefined && this.nonces.has(nonce);
  }

  /** False when the jti was used before; marks it used otherwise. */
  useJti(jti: string): boolean {
    if (this.usedJtis.has(jti)) return false;
    this.usedJtis.add(jti);
    return true;
  }

  issue(token: ServiceAccessToken): string {
    const accessToken = opaqueToken();
    this.tokens.set(accessToken, token);
    return accessToken;
  }

  /** An issued, unexpired token. */
  token(accessToken: string): ServiceAccessToken | undefined {
    const token = this.tokens.get(accessToken);
    return token && Date.now() < token.expiresAt ? token : undefined;
  }
}

/**
 * An org app as a service app, the way an admin makes one: `application_type: service`,
 * `token_endpoint_auth_method: private_key_jwt`, its public keys in `settings.oauthClient.jwks`,
 * and Okta API scopes granted to it through `POST /api/v1/apps/{id}/grants`.
 */
export function serviceAppOf(app: OAuthApp): ServiceAppRegistration | undefined {
  if (app.applicationType !== "service" || app.tokenEndpointAuthMethod !== "private_key_jwt") return undefined;
  const jwks = app.submitted.settings as { oauthClient?: { jwks?: { keys?: unknown } } } | undefined;
  const keys = jwks?.oauthClient?.jwks?.keys;
  if (!Array.isArray(keys) || keys.length === 0) return undefined;
  const scopes = (app.grants ?? []).filter((g) => g.status === "ACTIVE").map((g) => g.scopeId);
  return { clientId: app.clientId, publicKeys: keys as JWK[], scopes };
}
