import { ApiRequest } from "./api";

/**
 * Okta's `Link` header on a list answer: the page's own URL, `rel="self"`. The emulator answers
 * every list in one page, so there is never a `rel="next"`.
 */
export function selfLinkHeader(orgUrl: string, request: ApiRequest): Record<string, string> {
  const query = request.query.toString();
  return { Link: `<${orgUrl}${request.path}${query ? `?${query}` : ""}>; rel="self"` };
}
