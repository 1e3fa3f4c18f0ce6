import { OAuthError } from "../errors";
import { AUTHENTICATOR_UNUSABLE } from "../policyChecks";
import { FactorKind, factorAuthenticator } from "../factors";
import { Org, authenticatorByKey } from "../orgModel";

/** Okta's `allowedFor` values under which an authenticator cannot sign anyone in. */
const NOT_FOR_AUTHENTICATION = new Set(["recovery", "none"]);

/**
 * An authenticator's "Used for" must include authentication: a fresh org's Email is for recovery
 * only. Okta does not document its answer for this case; the emulator gives the one Okta documents
 * for an authenticator that cannot be used (docs/direct-auth-reference.md#errors,
 * direct_auth_factor_enrollment_required).
 */
export function usedForAuthentication(org: Org, factor: FactorKind): OAuthError | undefined {
  const authenticator = authenticatorByKey(org, factorAuthenticator(org, factor).key);
  const allowedFor = authenticator?.settings?.allowedFor;
  if (!authenticator || typeof allowedFor !== "string" || !NOT_FOR_AUTHENTICATION.has(allowedFor)) return undefined;
  return AUTHENTICATOR_UNUSABLE();
}
