import { Answer } from "../answer";
import { methodNotAllowed, notFound } from "../errors";
import { EmulatorState } from "../state";
import { managementRefusal } from "./accessTokens";
import { ApiRequest, ApiRoute } from "./api";
import { AUTHENTICATOR_ROUTES } from "./authenticators";
import { POLICY_ROUTES } from "./policies";
import { USER_ROUTES } from "./users";

const ROUTES: ApiRoute[] = [...AUTHENTICATOR_ROUTES, ...POLICY_ROUTES, ...USER_ROUTES];

/** The management API subset (`/api/v1/...`); undefined for other paths. */
export async function managementRoute(state: EmulatorState, request: ApiRequest): Promise<Answer | undefined> {
  if (!request.path.startsWith("/api/v1/")) return undefined;
  const refusal = await managementRefusal(state, request);
  if (refusal) return refusal;
  let pathKnown = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(request.path);
    if (!match) continue;
    pathKnown = true;
    if (route.method === request.method) return route.handle(state, match.slice(1), request);
  }
  throw pathKnown ? methodNotAllowed() : notFound(request.path, "Path");
}
