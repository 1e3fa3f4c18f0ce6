import { Answer, jsonAnswer } from "./answer";
import { Route, routeMatcher } from "./routeTable";
import { EmulatorState } from "./state";

/** The simulated humans' side door; faults and rate limits never hit it, since it is not Okta. */
export const EMULATOR_PATH_PREFIX = "/__emulator/";

interface TestSurfaceCall {
  state: EmulatorState;
  query: URLSearchParams;
}

function outbox({ state, query }: TestSurfaceCall): Answer {
  const login = query.get("login");
  if (!login) return jsonAnswer(400, { error: "invalid_request", error_description: "The 'login' query parameter is required." });
  return jsonAnswer(200, { messages: state.outbox.read(login, query.get("channel") ?? undefined) });
}

/** The emulator's own test surface, not an Okta endpoint. docs/okta-emulator.md lists the same rows. */
export const TEST_SURFACE_ROUTES: Route<(call: TestSurfaceCall) => Answer>[] = [
  { method: "GET", path: `${EMULATOR_PATH_PREFIX}outbox`, handle: outbox, description: "codes the org would have sent by SMS, voice or email" },
];

const matchTestSurface = routeMatcher(TEST_SURFACE_ROUTES);

/** Undefined for any other path or method: Okta has no such path, so it answers 404 like any unknown one. */
export function testSurfaceRoute(state: EmulatorState, request: { method: string; path: string; query: URLSearchParams }): Answer | Promise<Answer> | undefined {
  const found = matchTestSurface(request.method, request.path);
  return "route" in found ? found.route.handle({ state, query: request.query }) : undefined;
}
