import { z } from "zod";
import { OKTA_VERIFY_MODES } from "../catalogue/oktaVerify";
import { VARIANT_IDS } from "../catalogue/variants";
import { redirectUriProblem } from "./redirectUri";

export const CONFIG_NAMESPACE = "okta-direct-auth";

/** Okta's default login format is an email address; a typo here makes the policy rule match nobody. */
const LOGIN_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Okta's limits: a login is at most 100 characters, first and last names 50, an app label 100.
 * Policy names (255) derive from an app name plus at most a guide policy name, so the app name's
 * limit keeps them within theirs. An authorization server name has no limit we know of and is
 * bounded like a policy name. Lists can hold each variant (or channel) once.
 */
export const LIMITS = {
  login: 100,
  personName: 50,
  appName: 100,
  authorizationServer: 255,
  variants: VARIANT_IDS.length,
} as const;

/**
 * The one rule for scalars, quoted or not (README, "Configuration"): a text key takes any scalar as
 * its text (`123` and `"123"` are both the text 123), a true/false key takes true or false, as
 * text or not. Pulumi hands top-level values over as text either way, so this is the only rule
 * that reads a stack file the same whatever its quoting.
 */
const asText = (value: unknown) => (typeof value === "number" || typeof value === "boolean" ? String(value) : value);
const asFlag = (value: unknown) => (value === "true" ? true : value === "false" ? false : value);
const flag = () => z.preprocess(asFlag, z.boolean());

/** Checked before any pattern, so a hostile length is refused before a regex runs over it. */
const boundedString = (max: number, rest: (s: z.ZodString) => z.ZodString) =>
  z.preprocess(asText, rest(z.string().max(max, { abort: true })));

const variantList = z.array(z.string()).min(1).max(LIMITS.variants);

export const testUserSchema = z.strictObject({
  login: boundedString(LIMITS.login, (s) => s.regex(LOGIN_PATTERN)),
  create: flag().default(false),
  firstName: boundedString(LIMITS.personName, (s) => s.min(1)).default("Direct"),
  lastName: boundedString(LIMITS.personName, (s) => s.min(1)).default("Auth Tester"),
});

export const appGroupSchema = z.strictObject({
  name: z.preprocess(asText, z.string().trim().min(1).max(LIMITS.appName)),
  variants: variantList,
});

export const PHONE_CHANNELS = ["sms", "voice"] as const;

/** Okta's limit for a group or policy name. */
const OKTA_NAME = z.string().trim().min(1).max(255);

/**
 * Names of the objects the program otherwise names after the stack. An adopted org keeps the names
 * it has (`npm run adopt` writes them), so a stack adopted under another name renames nothing.
 */
export const orgNamesSchema = z.strictObject({
  sessionGroup: OKTA_NAME.optional(),
  sessionPolicy: OKTA_NAME.optional(),
  authorizationServerPolicy: OKTA_NAME.optional(),
});

/** Raw config as the user wrote it; variant ids are checked separately to suggest the closest one. */
export const rawConfigSchema = z.strictObject({
  variants: variantList.optional(),
  apps: z.array(appGroupSchema).min(1).max(LIMITS.variants).optional(),
  authorizationServer: z.preprocess(asText, z.string().trim().min(1).max(LIMITS.authorizationServer)).default("org"),
  testUser: testUserSchema,
  enrollment: z.enum(["OPTIONAL", "REQUIRED"]).default("OPTIONAL"),
  catchAll: z.enum(["DENY", "ALLOW"]).default("DENY"),
  redirectUri: z
    .string()
    .superRefine((uri, ctx) => {
      const problem = redirectUriProblem(uri);
      if (problem) ctx.addIssue(problem);
    })
    .default("com.example.directauth:/callback"),
  phoneChannels: z.array(z.enum(PHONE_CHANNELS)).min(1).max(PHONE_CHANNELS.length).default(["sms"]),
  oktaVerify: z.enum(OKTA_VERIFY_MODES).default("classic"),
  protect: flag().default(false),
  names: orgNamesSchema.default({}),
});

export type RawConfig = z.infer<typeof rawConfigSchema>;
export type TestUserConfig = z.infer<typeof testUserSchema>;
export type OrgNamesConfig = z.infer<typeof orgNamesSchema>;

export const CONFIG_KEYS = Object.keys(rawConfigSchema.shape) as (keyof RawConfig)[];

/** What is expected for each key, and a command that sets a valid value: shown with every error. */
export const KEY_HELP: Record<keyof RawConfig, { expected: string; example: string }> = {
  variants: {
    expected: `a non-empty list of distinct variant ids: ${VARIANT_IDS.join(", ")}`,
    example: `pulumi config set --path '${CONFIG_NAMESPACE}:variants[0]' otp`,
  },
  apps: {
    expected: `a list of {name, variants}; each variant on one app; 1FA and MFA variants on separate apps; names of at most ${LIMITS.appName} characters`,
    example: `pulumi config set --path '${CONFIG_NAMESPACE}:apps[0].name' 'Direct Auth MFA' && pulumi config set --path '${CONFIG_NAMESPACE}:apps[0].variants[0]' mfa-otp`,
  },
  authorizationServer: {
    expected: `"org" (the org authorization server) or a custom authorization server id or name such as "default"`,
    example: `pulumi config set ${CONFIG_NAMESPACE}:authorizationServer default`,
  },
  testUser: {
    expected: `{login: an email-style Okta login (at most ${LIMITS.login} characters), create?: true|false, firstName?, lastName? (at most ${LIMITS.personName} characters each)}`,
    example: `pulumi config set --path '${CONFIG_NAMESPACE}:testUser.login' tester@example.com`,
  },
  enrollment: {
    expected: `"OPTIONAL" or "REQUIRED"`,
    example: `pulumi config set ${CONFIG_NAMESPACE}:enrollment OPTIONAL`,
  },
  catchAll: {
    expected: `"DENY" or "ALLOW"`,
    example: `pulumi config set ${CONFIG_NAMESPACE}:catchAll DENY`,
  },
  redirectUri: {
    expected: "a private-use scheme URI for a native app, an https URI, or http only to 127.0.0.1, [::1] or localhost",
    example: `pulumi config set ${CONFIG_NAMESPACE}:redirectUri com.example.directauth:/callback`,
  },
  phoneChannels: {
    expected: `a non-empty list of "sms" and/or "voice"`,
    example: `pulumi config set --path '${CONFIG_NAMESPACE}:phoneChannels[0]' sms`,
  },
  oktaVerify: {
    expected: `"classic" (one okta_verify authenticator) or "flexible" (the org has Flexible Okta Verify: okta_verify_push, okta_verify_totp, okta_verify_fastpass); \`npm run adopt\` reads it from the org`,
    example: `pulumi config set ${CONFIG_NAMESPACE}:oktaVerify flexible`,
  },
  protect: {
    expected: "true or false",
    example: `pulumi config set --type bool ${CONFIG_NAMESPACE}:protect true`,
  },
  names: {
    expected: "{sessionGroup?, sessionPolicy?, authorizationServerPolicy?}: Okta names of 1 to 255 characters",
    example: `pulumi config set --path '${CONFIG_NAMESPACE}:names.sessionPolicy' 'Direct Auth 1FA sessions'`,
  },
};
