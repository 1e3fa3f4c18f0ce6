import { CryptoKey, exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runSmoke } from "../../src/smoke";
import { DOCS_MFA_PUSH, DOCS_PUSH } from "../fixtures/oktaDocumentedExchanges";
import { FakeClock } from "./fakeClock";
import { json, localServer, LocalServer } from "./localServer";

/**
 * The smoke check against an org that answers exactly as Okta's guide shows (response bodies
 * copied from the docs), sending exactly the requests the guide shows: the client is pinned to
 * Okta's documented exchange, not to the emulator that shares its assumptions.
 */

const CLIENT_ID = "0oaDOCUMENTED0000000";
const USER = "testuser@example.com";
let signer: CryptoKey;
let publicJwk: Record<string, unknown>;
let server: LocalServer | undefined;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  signer = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: "docs", alg: "RS256", use: "sig" };
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Okta per the guide: every answer a documented example; the ID token signed here, since the docs elide it. */
async function documentedOkta(): Promise<LocalServer> {
  let pending = true;
  const started = await localServer(async (req, res, body) => {
    const url = started.url;
    const form = Object.fromEntries(new URLSearchParams(body));
    switch (req.url) {
      case "/.well-known/openid-configuration":
        return json(res, 200, { issuer: url, token_endpoint: `${url}/oauth2/v1/token`, jwks_uri: `${url}/oauth2/v1/keys` });
      case "/oauth2/v1/keys":
        return json(res, 200, { keys: [publicJwk] });
      case "/oauth2/v1/primary-authenticate":
        return json(res, 200, DOCS_PUSH.primaryAuthenticateResponse);
      case "/oauth2/v1/challenge":
        return json(res, 200, DOCS_MFA_PUSH.challengeResponse);
      case "/oauth2/v1/token": {
        if (form.grant_type === "password") return json(res, 403, DOCS_MFA_PUSH.mfaRequiredResponse);
        if (pending) {
          pending = false;
          return json(res, 400, DOCS_PUSH.pendingResponse);
        }
        const now = Math.floor(Date.now() / 1000);
        const idToken = await new SignJWT({ sub: "00u1" })
          .setProtectedHeader({ alg: "RS256", kid: "docs" })
          .setIssuer(url)
          .setAudience(CLIENT_ID)
          .setIssuedAt(now)
          .setExpirationTime(now + 3600)
          .sign(signer);
        return json(res, 200, { ...DOCS_PUSH.tokenResponse, id_token: idToken });
      }
      default:
        return json(res, 404, {});
    }
  });
  return started;
}

const fill = (template: Record<string, string>, values: Record<string, string>) =>
  Object.fromEntries(Object.entries(template).map(([k, v]) => [k, values[v] ?? v]));

function formsTo(path: string): Record<string, string>[] {
  return server!.received.filter((r) => r.path === path).map((r) => Object.fromEntries(new URLSearchParams(r.body)));
}

describe("the smoke check speaks Okta's documented exchange", () => {
  it("Okta Verify push as primary factor: /primary-authenticate, then polls /token through authorization_pending", async () => {
    server = await documentedOkta();
    const report = await runSmoke({
      issuer: server.url,
      targets: [{ variant: "oob-okta-verify", app: "Documented", clientId: CLIENT_ID }],
      username: USER,
      interactive: true,
      clock: new FakeClock(Date.now()),
    });
    expect(report.results[0]).toMatchObject({ status: "pass", step: "id-token" });
    const values = { "{client_id}": CLIENT_ID, "{testuser@example.com}": USER, "{oob_code}": DOCS_PUSH.primaryAuthenticateResponse.oob_code };
    expect(formsTo("/oauth2/v1/primary-authenticate")).toEqual([fill(DOCS_PUSH.primaryAuthenticateRequest, values)]);
    expect(formsTo("/oauth2/v1/token")).toEqual([fill(DOCS_PUSH.pollRequest, values), fill(DOCS_PUSH.pollRequest, values)]);
  });

  it("Okta Verify push as second factor: password, mfa_required (403), /challenge, then polls /token", async () => {
    server = await documentedOkta();
    const report = await runSmoke({
      issuer: server.url,
      targets: [{ variant: "mfa-oob-okta-verify", app: "Documented", clientId: CLIENT_ID }],
      username: USER,
      password: "correct-horse-1A!",
      interactive: true,
      clock: new FakeClock(Date.now()),
    });
    expect(report.results[0]).toMatchObject({ status: "pass", step: "id-token" });
    const values = { "{client_id}": CLIENT_ID, "{testuser@example.com}": USER, "{userpassword}": "correct-horse-1A!" };
    const [password, ...polls] = formsTo("/oauth2/v1/token");
    expect(password).toEqual(fill(DOCS_MFA_PUSH.passwordRequest, values));
    expect(formsTo("/oauth2/v1/challenge")).toEqual([fill(DOCS_MFA_PUSH.challengeRequest, values)]);
    expect(polls).toEqual([fill(DOCS_MFA_PUSH.pollRequest, values), fill(DOCS_MFA_PUSH.pollRequest, values)]);
  });
});
