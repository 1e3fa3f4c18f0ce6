import { quoted } from "./quoted";

/** No Okta limit we know of; a bound keeps a hostile value from flooding the app's settings. */
export const MAX_REDIRECT_URI = 2048;

/** Schemes that run script or read local or inline data wherever the redirect is followed. */
const REFUSED_SCHEMES = new Set(["javascript", "vbscript", "data", "file", "blob", "about", "filesystem"]);

/** Okta's native-app rule: plain http only back to the device itself. */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

/**
 * Why `uri` cannot be a native app's redirect URI, or undefined when it can: https, a private-use
 * scheme (`com.example.directauth:/callback`) or http on a loopback host (RFC 8252 §7).
 */
export function redirectUriProblem(uri: string): string | undefined {
  if (uri.length > MAX_REDIRECT_URI) return `is ${uri.length} characters long; at most ${MAX_REDIRECT_URI}`;
  const url = parsed(uri);
  if (!url) return `${quoted(uri)} is not a URI with a scheme`;
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (REFUSED_SCHEMES.has(scheme)) return `${quoted(uri)} uses the ${scheme}: scheme, which a client must never be redirected to`;
  if (scheme === "http" && !LOOPBACK_HOSTS.has(url.hostname)) {
    return `${quoted(uri)} is plain http to another host; http is only allowed to 127.0.0.1, [::1] or localhost`;
  }
  // RFC 6749 §3.1.2: a redirection endpoint URI must not include a fragment.
  if (uri.includes("#")) return `${quoted(uri)} has a fragment (#), which a redirect URI must not have`;
  return undefined;
}

function parsed(uri: string): URL | undefined {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(uri) && URL.canParse(uri) ? new URL(uri) : undefined;
}
