import { IncomingHttpHeaders } from "node:http";
import { Answer } from "../answer";
import { malformedBody, validationFailed } from "../errors";
import { nestingDepth } from "../jsonDepth";
import { Route } from "../routeTable";
import { EmulatorState } from "../state";

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** Scheme, host and port the client addressed (\`http://127.0.0.1\` through a proxy): DPoP's \`htu\` names it. */
  origin: string;
  /** Who the credentials name; set once the call is authorized. */
  caller?: ManagementCaller;
}

/** The SSWS token's owner (the org's administrator), a service app's token, or nobody (an org without credentials). */
export type ManagementCaller = { kind: "administrator" } | { kind: "service-app"; clientId: string } | { kind: "anonymous" };

/** `params` are the path's placeholders' values (ids, method types, lifecycle verbs), in order. */
export type ApiHandler = (state: EmulatorState, params: string[], request: ApiRequest) => Answer | Promise<Answer>;

/** A row of the management surface's route table. */
export type ApiRoute = Route<ApiHandler>;

/**
 * How deeply a request body may nest objects and arrays. Okta's own bodies nest fewer than ten
 * levels; a deeper one is refused before it is parsed, so no handler, listing or state save ever
 * recurses through it.
 */
export const MAX_BODY_DEPTH = 64;

export function jsonBody(request: ApiRequest): Record<string, unknown> {
  if (nestingDepth(request.body) > MAX_BODY_DEPTH) throw malformedBody();
  try {
    const parsed: unknown = JSON.parse(request.body || "{}");
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below, as Okta does for any body it cannot read
  }
  throw malformedBody();
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** A nested object of a request or stored body; `{}` when it is absent or not an object. */
export function section(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** One of `allowed`; `fallback` when absent and one is given, else 400 E0000001 naming the field. */
export function enumField<T extends string>(value: unknown, allowed: readonly T[], field: string, fallback?: T): T {
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw validationFailed(field, [`${field}: Must be one of ${allowed.join(", ")}.`]);
}
