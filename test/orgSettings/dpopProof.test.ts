import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { dpopProof, newDpopKey } from "../../src/orgSettings/dpopProof";

// RFC 9449 section 7.1's example: this access token's SHA-256, base64url-encoded, is its `ath`.
const RFC_ACCESS_TOKEN = "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU";
const RFC_ATH = "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo";

describe("a DPoP proof (RFC 9449)", () => {
  it("is an ES256 dpop+jwt signed by the key whose public half, and only that, is in its header", async () => {
    const key = await newDpopKey();
    const proof = await dpopProof(key, "POST", "https://example.okta.com/oauth2/v1/token");
    const header = decodeProtectedHeader(proof);
    expect(header).toEqual({ alg: "ES256", typ: "dpop+jwt", jwk: { kty: "EC", crv: "P-256", x: expect.any(String), y: expect.any(String) } });
    await expect(jwtVerify(proof, await importJWK(header.jwk!, "ES256"))).resolves.toBeDefined();
  });

  it("names the method and the URL without its query or fragment, with a fresh id and the time", async () => {
    const key = await newDpopKey();
    const before = Math.floor(Date.now() / 1000);
    const claims = decodeJwt(await dpopProof(key, "GET", "https://example.okta.com/api/v1/authenticators?limit=200#top"));
    expect(claims).toEqual({ htm: "GET", htu: "https://example.okta.com/api/v1/authenticators", iat: expect.any(Number), jti: expect.any(String) });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.iat).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    const again = decodeJwt(await dpopProof(key, "GET", "https://example.okta.com/api/v1/authenticators#methods"));
    expect(again.htu).toBe("https://example.okta.com/api/v1/authenticators");
    expect(again.jti).not.toBe(claims.jti);
  });

  it("carries the server's nonce and the access token's hash when bound to them", async () => {
    const claims = decodeJwt(
      await dpopProof(await newDpopKey(), "PUT", "https://example.okta.com/api/v1/authenticators/aut1", { nonce: "server-nonce", accessToken: RFC_ACCESS_TOKEN }),
    );
    expect(claims).toMatchObject({ htm: "PUT", nonce: "server-nonce", ath: RFC_ATH });
  });

  it("leaves out a nonce and an access token that are empty", async () => {
    const claims = decodeJwt(await dpopProof(await newDpopKey(), "POST", "https://example.okta.com/oauth2/v1/token", { nonce: "", accessToken: "" }));
    expect(Object.keys(claims).sort()).toEqual(["htm", "htu", "iat", "jti"]);
  });
});
