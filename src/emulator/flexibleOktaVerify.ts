import { CLASSIC_OKTA_VERIFY_KEY, FLEXIBLE_OKTA_VERIFY_KEYS } from "../catalogue/oktaVerify";
import { ManagementApiError, validationFailed } from "./errors";
import { Org } from "./orgModel";

/**
 * Where Okta refuses `okta_verify` once Flexible Okta Verify is on (its API reference and the Okta
 * Verify integration guide, docs/direct-auth-reference.md#flexible-okta-verify): creating or replacing
 * an authenticator, an authenticator enrollment policy's entries, an app sign-in policy rule's
 * authentication methods. Reads still answer. Okta documents the rule, not the response: the
 * emulator answers its validation error with the reference's own sentence as the cause.
 */
const NO_LONGER_ACCEPTED =
  `When the Flexible Okta Verify authenticator configuration feature is enabled, ${CLASSIC_OKTA_VERIFY_KEY} is no longer accepted. ` +
  `Use ${FLEXIBLE_OKTA_VERIFY_KEYS.totp}, ${FLEXIBLE_OKTA_VERIFY_KEYS.push}, or ${FLEXIBLE_OKTA_VERIFY_KEYS.signed_nonce} instead.`;

export function classicOktaVerifyRefused(org: Org, key: unknown, field: string): ManagementApiError | undefined {
  if (org.oktaVerify !== "flexible" || key !== CLASSIC_OKTA_VERIFY_KEY) return undefined;
  return validationFailed(field, [`${field}: ${NO_LONGER_ACCEPTED}`]);
}

/** The `authenticationMethods` (and excluded ones) of a rule's constraints that name `okta_verify`. */
export function constraintsRefused(org: Org, constraints: readonly unknown[]): ManagementApiError | undefined {
  for (const constraint of constraints) {
    for (const kind of ["knowledge", "possession"]) {
      const value = (constraint as Record<string, Record<string, unknown> | undefined>)?.[kind];
      for (const list of ["authenticationMethods", "excludedAuthenticationMethods"]) {
        const methods = value?.[list];
        if (!Array.isArray(methods)) continue;
        for (const method of methods) {
          const refused = classicOktaVerifyRefused(org, (method as { key?: unknown })?.key, `verificationMethod.constraints.${kind}.${list}`);
          if (refused) return refused;
        }
      }
    }
  }
  return undefined;
}
