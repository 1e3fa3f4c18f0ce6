import { checkedOrgUrl } from "./orgAddress";
import { transportProblem } from "../http/transport";

/**
 * How the org-settings resources reach Okta's management API: the same credentials the `okta:`
 * provider uses. Kept as one object so it can travel as a single Pulumi secret input.
 */
export interface OktaConnection {
  orgUrl: string;
  apiToken?: string;
  accessToken?: string;
  /** OAuth service app (Okta's recommendation): client credentials with a private_key_jwt assertion. */
  clientId?: string;
  privateKey?: string;
  privateKeyId?: string;
  scopes?: string[];
}

type Source = Record<string, string | undefined>;

/**
 * Reads the `okta:` provider settings from stack config (full keys) falling back to the env variables
 * the provider reads. `okta:httpProxy` replaces the org URL entirely, as it does for the provider.
 */
export function connectionFromSettings(config: Source, env: Source = process.env): OktaConnection {
  const pick = (key: string, envKey: string) => config[`okta:${key}`] ?? env[envKey];
  const orgName = pick("orgName", "OKTA_ORG_NAME");
  const baseUrl = pick("baseUrl", "OKTA_BASE_URL") ?? "okta.com";
  const proxy = pick("httpProxy", "OKTA_HTTP_PROXY");
  if (proxy !== undefined) checkProxy(proxy, config["okta:httpProxy"] !== undefined ? "okta:httpProxy" : "OKTA_HTTP_PROXY");
  const scopes = pick("scopes", "OKTA_API_SCOPES");
  // Never a made-up org: credentials sent to a guessed URL would reach somebody else's tenant.
  const url = proxy ?? (orgName ? checkedOrgUrl(orgName, baseUrl) : undefined);
  if (!url) throw new Error("no Okta org: set okta:orgName (or the OKTA_ORG_NAME env variable)");
  return dropUndefined({
    orgUrl: url,
    apiToken: pick("apiToken", "OKTA_API_TOKEN"),
    accessToken: pick("accessToken", "OKTA_ACCESS_TOKEN"),
    clientId: pick("clientId", "OKTA_API_CLIENT_ID"),
    privateKey: pick("privateKey", "OKTA_API_PRIVATE_KEY"),
    privateKeyId: pick("privateKeyId", "OKTA_API_PRIVATE_KEY_ID"),
    scopes: scopes ? parseScopes(scopes) : undefined,
  });
}

/** The management credentials travel to this URL: in clear text only to this machine (the emulator). */
function checkProxy(url: string, key: string): void {
  const problem = transportProblem(url);
  if (problem) {
    throw new Error(
      `${key} must be an https URL, or plain http to a loopback host (${problem}): for example https://proxy.example.com or http://127.0.0.1:8080`,
    );
  }
}

function parseScopes(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed.startsWith("[")) return JSON.parse(trimmed) as string[];
  return trimmed.split(/[\s,]+/).filter(Boolean);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function hasCredentials(c: OktaConnection): boolean {
  return Boolean(c.apiToken || c.accessToken || (c.clientId && c.privateKey));
}

export function describeMissingCredentials(): string {
  return (
    "no Okta management credentials: set okta:apiToken (pulumi config set --secret okta:apiToken ...), " +
    "or okta:clientId + okta:privateKey + okta:privateKeyId + okta:scopes, or the OKTA_API_TOKEN env variable"
  );
}
