export const ORG_NAME = "dev-123456";
export const TEST_LOGIN = "tester@example.com";
export const STACK = "test";

/** A looked-up test user, the default case; spread extra fields (`create: true`) in. */
export const TESTER = { login: TEST_LOGIN } as const;

/**
 * The flat config map Pulumi hands a program, from `okta-direct-auth` values written as in
 * `Pulumi.<stack>.yaml`: objects and lists arrive as JSON text, plain strings as they are.
 */
export function stackConfig(
  values: Record<string, unknown>,
  okta: Record<string, string> = { "okta:orgName": ORG_NAME },
): Record<string, string> {
  const config: Record<string, string> = { ...okta };
  for (const [key, value] of Object.entries(values)) {
    config[`okta-direct-auth:${key}`] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return config;
}
