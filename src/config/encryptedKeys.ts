/**
 * Provider settings that are credentials (or go with them): the only config of ours a stack may
 * encrypt. The program never reads them to decide what to declare, so an offline plan does without.
 */
const CREDENTIAL_KEYS = new Set(["okta:apiToken", "okta:accessToken", "okta:privateKey", "okta:privateKeyId", "okta:clientId"]);

/** Other projects' and providers' keys are theirs to encrypt; ours and the org's address must stay readable. */
const READ_IN_PLAIN_TEXT = ["okta-direct-auth:", "okta:"];

export function mayBeEncrypted(key: string): boolean {
  return CREDENTIAL_KEYS.has(key) || !READ_IN_PLAIN_TEXT.some((prefix) => key.startsWith(prefix));
}
