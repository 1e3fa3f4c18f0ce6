import { OktaVerifyMode, isOktaVerifyKey, oktaVerifyModeOf } from "../catalogue/oktaVerify";
import { CONFIG_NAMESPACE } from "../config/schema";

const KEY = `${CONFIG_NAMESPACE}:oktaVerify`;

const WHAT: Record<OktaVerifyMode, string> = {
  classic: "one okta_verify authenticator (no Flexible Okta Verify)",
  flexible: "Flexible Okta Verify (okta_verify_push, okta_verify_totp, okta_verify_fastpass)",
};

/**
 * Why a stack written for one kind of org must not run on the other, or undefined when it may.
 * Only a stack that writes an Okta Verify key can be refused by Okta for it; the others do not care.
 */
export function oktaVerifyMismatch(
  configured: OktaVerifyMode,
  orgKeys: readonly string[],
  stackKeys: readonly string[],
): string | undefined {
  if (!stackKeys.some(isOktaVerifyKey)) return undefined;
  const org = oktaVerifyModeOf(orgKeys);
  if (org === configured) return undefined;
  return (
    `${KEY} is "${configured}", but this org has ${WHAT[org]}, and Okta refuses the other kind's Okta Verify keys: ` +
    `run \`pulumi config set ${KEY} ${org}\` (or \`npm run adopt\`, which reads it from the org), then \`pulumi up\` again; nothing was changed`
  );
}

/** A stack written for the other kind of org: thrown before anything is written. */
export class OrgKindMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OrgKindMismatchError";
  }
}

export function checkOktaVerify(configured: OktaVerifyMode, orgKeys: readonly string[], stackKeys: readonly string[]): void {
  const mismatch = oktaVerifyMismatch(configured, orgKeys, stackKeys);
  if (mismatch) throw new OrgKindMismatchError(mismatch);
}
