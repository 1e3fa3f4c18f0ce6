import { JWK } from "jose";
import { LapsingMap } from "../lapsing";
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

/** How long a DPoP nonce handed out is accepted (our choice: Okta does not publish it). */
const NONCE_LIFETIME_MS = 24 * 3600_000;
/** Nonces, used jtis and tokens remembered at most; beyond, the oldest go first. */
const MAX_REMEMBERED = 10_000;

/**
 * The org's service apps and what their tokens need remembered: the DPoP nonces handed out, the
 * access tokens issued, and the `jti`s already used (assertions and proofs are single-use).
 */
export class ServiceApps {
  private readonly nonces = new LapsingMap<true>(MAX_REMEMBERED);
  private readonly usedJtis = new LapsingMap<true>(MAX_REMEMBERED);
  private readonly tokens = new LapsingMap<ServiceAccessToken>(MAX_REMEMBERED);

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

  newNonce(nowMs = Date.now()): string {
    const nonce = opaqueToken();
    this.nonces.set(nonce, true, nowMs + NONCE_LIFETIME_MS);
    return nonce;
  }

  knowsNonce(nonce: string | undefined): boolean {
    return nonce !== undefined && this.nonces.has(nonce);
  }

  /**
   * False when the jti was used before; marks it used otherwise, until `untilMs`: the time after
   * which the proof or assertion carrying it is refused anyway (out of its window, or expired).
   */
  useJti(jti: string, untilMs: number): boolean {
    if (this.usedJtis.has(jti)) return false;
    this.usedJtis.set(jti, true, untilMs);
    return true;
  }

  issue(token: ServiceAccessToken): string {
    const accessToken = opaqueToken();
    this.tokens.set(accessToken, token, token.expiresAt);
    return accessToken;
  }

  /** An issued, unexpired token. */
  token(accessToken: string): ServiceAccessToken | undefined {
    return this.tokens.get(accessToken);
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
