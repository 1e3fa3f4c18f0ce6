import { describe, expect, it } from "vitest";
import { VariantId } from "../../src/catalogue/variants";
import { IdTokenDefect } from "../../src/emulator";
import { devStackOrgs } from "../helpers/orgs";
import { expectNoSecrets, resultOf, SMOKE_ORG, smokeAgainst, targetsOf } from "./emulatorHarness";

/**
 * The smoke check end to end against an org that hands out ID tokens it must not accept: each
 * defect fails the variant that received it at the `id-token` step, and nothing else.
 */

const { dev, orgFor } = devStackOrgs(SMOKE_ORG);

async function runWith(defect: IdTokenDefect, variants: VariantId[]) {
  const emulator = await orgFor();
  emulator.injectFault({ kind: "id-token", defect });
  const run = await smokeAgainst(emulator, targetsOf(dev(), variants));
  expectNoSecrets(run.output, run.secrets);
  return { ...run, emulator };
}

describe("the smoke check refuses the ID token of a hostile or broken org", () => {
  it.each<[IdTokenDefect, RegExp]>([
    ["bad-signature", /the ID token's signature does not verify against the JWKS of `http:\/\/127\.0\.0\.1:\d+` \(signature\)/],
    ["alg-none", /the ID token's signature does not verify .* \(algorithm\)/],
    ["wrong-issuer", /the ID token's `iss` claim does not match \(expected issuer `http:\/\/127\.0\.0\.1:\d+`/],
    ["wrong-audience", /the ID token's `aud` claim does not match .* audience `0oa\w+`\)/],
    ["wrong-azp", /the ID token's `azp` claim does not match/],
    ["expired", /the ID token is already expired: check this machine's clock/],
  ])("%s: the variant that got it fails at id-token, the next one passes", async (defect, diagnosis) => {
    const run = await runWith(defect, ["oob-email", "otp"]);
    const [first, next] = run.report.results;
    expect(first).toMatchObject({ status: "fail", step: "id-token" });
    expect(first.diagnosis).toMatch(diagnosis);
    expect(next).toMatchObject({ status: "pass", step: "id-token" });
  });

  it("jwks-without-kid: the run's JWKS lacks the token's key, so every variant fails at id-token", async () => {
    const run = await runWith("jwks-without-kid", ["oob-email", "otp"]);
    for (const variant of ["oob-email", "otp"] as const) {
      expect(resultOf(run.report, variant)).toMatchObject({ status: "fail", step: "id-token" });
      expect(resultOf(run.report, variant).diagnosis).toMatch(/signature does not verify .* \(unknown_key\)/);
    }
    expect(run.emulator.requests.filter((r) => r.path.endsWith("/keys"))).toHaveLength(1);
  });
});
