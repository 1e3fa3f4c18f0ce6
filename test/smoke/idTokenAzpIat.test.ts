import { exportJWK, generateKeyPair, JWTPayload, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { JsonWebKeySet } from "../../src/smoke/discovery";
import { ProblemError } from "../../src/smoke/problem";
import { verifyIdToken } from "../../src/smoke/verifyIdToken";

const ISSUER = "https://dev-1.okta.com";
const CLIENT = "0oaCLIENT";
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const expected = { issuer: ISSUER, clientId: CLIENT, now: NOW };

let signer: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
let jwks: JsonWebKeySet;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  signer = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" }] };
});

/** An ID token of this issuer, valid for an hour from NOW, with `claims` over the usual ones. */
function idToken(claims: JWTPayload) {
  return new SignJWT({ sub: "00u1", iss: ISSUER, aud: CLIENT, iat: NOW / 1000, exp: NOW / 1000 + 3600, ...claims })
    .setProtectedHeader({ alg: "RS256", kid: "k1" })
    .sign(signer);
}

async function problemOf(claims: JWTPayload) {
  const error = await verifyIdToken(await idToken(claims), jwks, expected).then(() => undefined, (e: unknown) => e);
  return error instanceof ProblemError ? error.problem : error;
}

describe("ID token validation, OIDC Core 3.1.3.7", () => {
  it("refuses several audiences without an azp", async () => {
    expect(await problemOf({ aud: ["0oaOTHER", CLIENT] })).toMatchObject({ code: "id_token_claim", detail: { claim: "azp" } });
  });

  it("refuses several audiences whose azp is another party", async () => {
    expect(await problemOf({ aud: ["0oaOTHER", CLIENT], azp: "0oaOTHER" })).toMatchObject({ code: "id_token_claim", detail: { claim: "azp" } });
  });

  it("accepts several audiences whose azp is this client, and one audience without azp", async () => {
    expect(await problemOf({ aud: ["0oaOTHER", CLIENT], azp: CLIENT })).toBeUndefined();
    expect(await problemOf({ aud: [CLIENT] })).toBeUndefined();
  });

  it("refuses a token issued ten years ahead", async () => {
    const tenYears = 10 * 365 * 24 * 3600;
    expect(await problemOf({ iat: NOW / 1000 + tenYears, exp: NOW / 1000 + tenYears + 3600 })).toMatchObject({
      code: "id_token_claim",
      detail: { claim: "iat" },
    });
  });

  it("tolerates a minute of clock drift on iat, not more", async () => {
    expect(await problemOf({ iat: NOW / 1000 + 60 })).toBeUndefined();
    expect(await problemOf({ iat: NOW / 1000 + 61 })).toMatchObject({ code: "id_token_claim", detail: { claim: "iat" } });
  });

  it("refuses a token without iat", async () => {
    expect(await problemOf({ iat: undefined })).toMatchObject({ code: "id_token_claim", detail: { claim: "iat" } });
  });
});
