import { Answer, jsonAnswer } from "../answer";
import { oktaErrorBody } from "../errors";
import { ProofRefused, verifyProof } from "../oauth/dpopProofs";
import { EmulatorState } from "../state";
import { ApiRequest, ManagementCaller } from "./api";

const INVALID_TOKEN = { code: "E0000011", summary: "Invalid token provided" } as const;
const NO_PERMISSION = { code: "E0000006", summary: "You do not have permission to perform the requested action" } as const;

/**
 * Who may call the management API once the org has credentials: the SSWS API token, or a service
 * app's DPoP-bound access token sent as `Authorization: DPoP` with a fresh proof for this request,
 * holding the scope the call needs (`okta.<collection>.read` for reads, `.manage` for anything).
 * The proof's `htu` is the URL the client addressed, as Okta compares it with its own public URL:
 * the Okta Go SDK, sent through `okta:httpProxy`, addresses `http://127.0.0.1/...` without the port.
 * Answers who called, or Okta's refusal.
 */
export async function authorizeManagementCall(state: EmulatorState, request: ApiRequest): Promise<ManagementCaller | Answer> {
  const { apiToken } = state.settings;
  if (apiToken === undefined && !state.serviceApps.anyKnown(state.org)) return { kind: "anonymous" };
  const authorization = request.headers.authorization ?? "";
  if (apiToken !== undefined && authorization === `SSWS ${apiToken}`) return { kind: "administrator" };
  if (!authorization.startsWith("DPoP ")) return invalidToken();

  const accessToken = authorization.slice("DPoP ".length);
  const token = state.serviceApps.token(accessToken);
  const proofHeader = request.headers.dpop;
  if (!token || typeof proofHeader !== "string") return invalidToken();
  try {
    const proof = await verifyProof(proofHeader, request.method, `${request.origin}${request.path}`, accessToken);
    if (proof.jkt !== token.jkt || !state.serviceApps.useJti(proof.jti, proof.usableUntilMs)) return invalidToken();
  } catch (error) {
    if (error instanceof ProofRefused) return invalidToken();
    throw error;
  }

  const needed = neededScope(request);
  const granted = [needed, needed.replace(/\.read$/, ".manage")];
  if (token.scopes.some((s) => granted.includes(s))) return { kind: "service-app", clientId: token.clientId };
  return jsonAnswer(403, oktaErrorBody(NO_PERMISSION.code, NO_PERMISSION.summary), {
    "WWW-Authenticate":
      `DPoP authorization_uri="${state.url}/oauth2/v1/authorize", realm="${state.url}", scope="${needed}", ` +
      `error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", ` +
      `resource="${request.path}"`,
  });
}

/** Okta names its API scopes after the collection: `/api/v1/authenticators/...` needs okta.authenticators.*. */
function neededScope(request: ApiRequest): string {
  // A simulation changes nothing: Okta asks only for read access to policies.
  if (request.path === "/api/v1/policies/simulate") return "okta.policies.read";
  const collection = request.path.split("/")[3] ?? "";
  return `okta.${collection}.${request.method === "GET" ? "read" : "manage"}`;
}

function invalidToken(): Answer {
  return jsonAnswer(401, oktaErrorBody(INVALID_TOKEN.code, INVALID_TOKEN.summary));
}
