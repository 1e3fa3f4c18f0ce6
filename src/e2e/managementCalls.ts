/** One answered request, as the emulator records it. */
export interface AnsweredRequest {
  method: string;
  path: string;
  status: number;
}

/** Management calls of one step, by `METHOD /endpoint` with ids written as `{id}`, most frequent first. */
export interface CallCounts {
  total: number;
  byEndpoint: { endpoint: string; calls: number }[];
}

/** Okta ids (`0oa1b2c3...`, 20 characters), logins in a path (`tester%40example.com`) and authenticator method types stay apart from the words of the path. */
const OKTA_ID = /^[0-9a-z]{2,4}[0-9A-Za-z]{12,}$/;
const LOGIN = /(@|%40)/i;

export function endpointOf(path: string): string {
  return path
    .split("/")
    .map((segment) => (OKTA_ID.test(segment) && /\d/.test(segment) ? "{id}" : LOGIN.test(segment) ? "{login}" : segment))
    .join("/");
}

/** The management API only (`/api/...`): OAuth endpoints and the emulator's own side door are not management calls. */
export function countManagementCalls(requests: readonly AnsweredRequest[]): CallCounts {
  const counts = new Map<string, number>();
  for (const request of requests) {
    if (!request.path.startsWith("/api/")) continue;
    const endpoint = `${request.method} ${endpointOf(request.path)}`;
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
  }
  const byEndpoint = [...counts]
    .map(([endpoint, calls]) => ({ endpoint, calls }))
    .sort((a, b) => b.calls - a.calls || a.endpoint.localeCompare(b.endpoint));
  return { total: byEndpoint.reduce((sum, e) => sum + e.calls, 0), byEndpoint };
}
