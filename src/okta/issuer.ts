/**
 * Org authorization server: the org URL itself; custom: `{org}/oauth2/{id}`
 * (docs/direct-auth-reference.md#wire-protocol).
 */
export function issuerUrl(orgUrl: string, authServerId?: string): string {
  const base = orgUrl.replace(/\/+$/, "");
  return authServerId ? `${base}/oauth2/${authServerId}` : base;
}

export function orgUrl(orgName: string, baseUrl: string): string {
  return `https://${orgName}.${baseUrl}`;
}
