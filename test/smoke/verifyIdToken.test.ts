import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { JsonWebKeySet } from "../../src/smoke/discovery";
import { ProblemError } from "../../src/smoke/problem";
import { verifyIdToken } from "../../src/smoke/verifyIdToken";

const ISSUER = "https://dev-1.okta.com";
const CLIENT = "0oaCLIENT";
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

let signer: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
let jwks: JsonWebKeySet;
let otherJwks: JsonWebKeySet;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  signer = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" }] };
  const other = await generateKeyPair("RS256", { extractable: true });
  otherJwks = { keys: [{ ...(await exportJWK(other.publicKey)), kid: "k1", alg: "RS256", use: "sig" }] };
});

function idToken(claims: { iss?: string; aud?: string; exp?: number } = {}, kid = "k1") {
  return new SignJWT({ sub: "00u1" })
    .setProtectedHeader({ alg: "RS256", kid })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? CLIENT)
    .setIssuedAt(NOW / 1000)
    .setExpirationTime(claims.exp ?? NOW / 1000 + 3600)
    .sign(signer);
}

async function codeOf(promise: Promise<void>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  return error instanceof ProblemError ? error.problem : error;
}

describe("verifyIdToken", () => {
  it("accepts a token signed by a key of the JWKS for this issuer and client", async () => {
    await expect(verifyIdToken(await idToken(), jwks, { issuer: ISSUER, clientId: CLIENT, now: NOW })).resolves.toBeUndefined();
  });

  it.each([
    ["another issuer", { iss: "https://evil.example" }, { code: "id_token_claim", detail: { claim: "iss" } }],
    ["another audience", { aud: "0oaOTHER" }, { code: "id_token_claim", detail: { claim: "aud" } }],
    ["an expired token", { exp: NOW / 1000 - 3600 }, { code: "id_token_expired" }],
  ])("rejects %s", async (_name, claims, expected) => {
    expect(await codeOf(verifyIdToken(await idToken(claims), jwks, { issuer: ISSUER, clientId: CLIENT, now: NOW }))).toMatchObject(expected);
  });

  it("tolerates a minute of clock drift on exp, not more", async () => {
    await expect(verifyIdToken(await idToken({ exp: NOW / 1000 - 50 }), jwks, { issuer: ISSUER, clientId: CLIENT, now: NOW })).resolves.toBeUndefined();
    expect(await codeOf(verifyIdToken(await idToken({ exp: NOW / 1000 - 70 }), jwks, { issuer: ISSUER, clientId: CLIENT, now: NOW }))).toMatchObject({
      code: "id_token_expired",
    });
  });

  it("rejects a signature from a key the JWKS does not hold", async () => {
    expect(await codeOf(verifyIdToken(await idToken(), otherJwks, { issuer: ISSUER, clientId: CLIENT, now: NOW }))).toMatchObject({
      code: "id_token_signature",
    });
    expect(await codeOf(verifyIdToken(await idToken({}, "k2"), jwks, { issuer: ISSUER, clientId: CLIENT, now: NOW }))).toMatchObject({
      code: "id_token_unknown_key",
    });
  });

  it("rejects a token without `exp`: one that never expires is not an ID token", async () => {
    const noExp = await new SignJWT({ sub: "00u1" })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer(ISSUER)
      .setAudience(CLIENT)
      .setIssuedAt(NOW / 1000)
      .sign(signer);
    expect(await codeOf(verifyIdToken(noExp, jwks, { issuer: ISSUER, clientId: CLIENT, now: NOW }))).toMatchObject({
      code: "id_token_claim",
      detail: { claim: "exp" },
    });
  });

  it("rejects a token authorized for another party (`azp`), and takes one authorized for this client", async () => {
    const forOther = await new SignJWT({ sub: "00u1", azp: "0oaOTHER" })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer(ISSUER)
      .setAudience(CLIENT)
      .setIssuedAt(NOW / 1000)
      .setExpirationTime(NOW / 1000 + 3600)
      .sign(signer);
    expect(await codeOf(verifyIdToken(forOther, jwks, { issuer: ISSUER, clientId: CLIENT, now: NOW }))).toMatchObject({
      code: "id_token_claim",
      detail: { claim: "azp" },
    });
    const forUs = await new SignJWT({ sub: "00u1", azp: CLIENT })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer(ISSUER)
      .setAudience(CLIENT)
      .setIssuedAt(NOW / 1000)
      .setExpirationTime(NOW / 1000 + 3600)
      .sign(signer);
    await expect(verifyIdToken(forUs, jwks, { issuer: ISSUER, clientId: CLIENT, now: NOW })).resolves.toBeUndefined();
  });

  it("rejects an unsigned token (`alg: none`)", async () => {
    const unsigned = new UnsecuredJWT({ sub: "00u1" }).setIssuer(ISSUER).setAudience(CLIENT).setExpirationTime(NOW / 1000 + 3600).encode();
    expect(await codeOf(verifyIdToken(unsigned, jwks, { issuer: ISSUER, clientId: CLIENT, now: NOW }))).toMatchObject({
      code: "id_token_algorithm",
    });
  });

  it("rejects something that is not a JWT, without quoting it", async () => {
    const problem = await codeOf(verifyIdToken("not.a.jwt-secret", jwks, { issuer: ISSUER, clientId: CLIENT, now: NOW }));
    expect(problem).toEqual({ code: "id_token_invalid", detail: { reason: "ERR_JWS_INVALID" } });
    expect(JSON.stringify(problem)).not.toContain("jwt-secret");
  });
});
