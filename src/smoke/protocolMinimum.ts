import { VariantId } from "../catalogue/variants";

/**
 * The fewest requests to the authorization server each flow can make (docs/direct-auth-reference.md#flows), not
 * counting discovery and JWKS (once per run). A push needs one poll per `authorization_pending` the server
 * answered, plus the poll that gets the tokens.
 */
export const PROTOCOL_MINIMUM: Record<VariantId, (pendingAnswers: number) => number> = {
  otp: () => 1,
  "mfa-otp": () => 2,
  "oob-okta-verify": (pending) => 1 + pending + 1,
  "mfa-oob-okta-verify": (pending) => 2 + pending + 1,
  "oob-phone": () => 2,
  "mfa-oob-phone": () => 3,
  "oob-email": () => 2,
  "mfa-oob-email": () => 3,
};
