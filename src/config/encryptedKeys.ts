import * as pulumi from "@pulumi/pulumi";
import { ConfigProblem } from "./configError";
import { CONFIG_NAMESPACE, KEY_HELP, RawConfig } from "./schema";

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

export function encryptedPlainKeyProblem(key: string): ConfigProblem {
  const short = key.startsWith(`${CONFIG_NAMESPACE}:`) ? key.slice(CONFIG_NAMESPACE.length + 1) : "";
  const help = Object.hasOwn(KEY_HELP, short) ? KEY_HELP[short as keyof RawConfig] : undefined;
  return {
    key,
    problem: "is encrypted (secure:) but is not a secret: set it in plain text, without --secret; the program needs it to decide what to declare",
    expected: "a plain value; only credentials such as okta:apiToken, okta:accessToken or okta:privateKey are set with --secret",
    example: help?.example ?? `pulumi config set ${key} VALUE`,
  };
}

/**
 * The same rule for a running program, so `pulumi up` refuses what the offline plan refuses. The
 * engine passes the secret keys' names; the SDK reads them with a function it does not type.
 */
export function encryptedPlainKeyProblems(all: Record<string, string>): ConfigProblem[] {
  const isSecret = (pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean }).isConfigSecret;
  if (!isSecret) return [];
  return Object.keys(all)
    .filter((key) => !mayBeEncrypted(key) && isSecret(key))
    .map(encryptedPlainKeyProblem);
}
