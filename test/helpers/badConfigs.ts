import { expect } from "vitest";
import { ConfigError } from "../../src/config/configError";
import { TESTER } from "./stackConfig";

/**
 * The bad-config cases. Each must name the offending key, say what was expected and show a
 * command that sets a valid value (`exampleSets` is the key that command must set).
 */
export interface BadConfig {
  case: string;
  /** `okta-direct-auth` values, as in the stack file. */
  values: Record<string, unknown>;
  /** Replaces the default `okta:` settings when the case is about them. */
  okta?: Record<string, string>;
  key: string;
  problem: RegExp;
  expectedMentions: string;
  exampleSets: string;
}

const NS = "okta-direct-auth";

export const BAD_CONFIGS: readonly BadConfig[] = [
  {
    case: "unknown variant (closest id suggested)",
    values: { variants: ["otp", "mfa-oob-okta-verfy"], testUser: TESTER },
    key: `${NS}:variants[1]`,
    problem: /unknown variant "mfa-oob-okta-verfy"; did you mean "mfa-oob-okta-verify"\?/,
    expectedMentions: "otp, mfa-otp, oob-okta-verify, mfa-oob-okta-verify, oob-phone, mfa-oob-phone, oob-email, mfa-oob-email",
    exampleSets: `${NS}:variants[0]`,
  },
  {
    case: "unknown variant in a grouped app",
    values: { apps: [{ name: "Email", variants: ["oob-emial"] }], testUser: TESTER },
    key: `${NS}:apps[0].variants[0]`,
    problem: /unknown variant "oob-emial"; did you mean "oob-email"\?/,
    expectedMentions: "{name, variants}",
    exampleSets: `${NS}:apps[0].variants[0]`,
  },
  {
    case: "empty variant list",
    values: { variants: [], testUser: TESTER },
    key: `${NS}:variants`,
    problem: /must not be empty/,
    expectedMentions: "non-empty list",
    exampleSets: `${NS}:variants[0]`,
  },
  {
    case: "grouped app without variants",
    values: { apps: [{ name: "Nothing", variants: [] }], testUser: TESTER },
    key: `${NS}:apps[0].variants`,
    problem: /must not be empty/,
    expectedMentions: "{name, variants}",
    exampleSets: `${NS}:apps[0].variants[0]`,
  },
  {
    case: "duplicate variant",
    values: { variants: ["otp", "mfa-otp", "otp"], testUser: TESTER },
    key: `${NS}:variants[2]`,
    problem: /variant "otp" is listed twice/,
    expectedMentions: "distinct variant ids",
    exampleSets: `${NS}:variants[0]`,
  },
  {
    case: "MFA and primary-factor variants on one app (and why not)",
    values: { apps: [{ name: "Mixed", variants: ["otp", "mfa-otp"] }], testUser: TESTER },
    key: `${NS}:apps[0].variants`,
    problem:
      /app "Mixed" mixes primary-factor \(1FA\): otp with MFA \(2FA\): mfa-otp\..*password alone satisfies the policy.*never mfa_required/,
    expectedMentions: "1FA and MFA variants on separate apps",
    exampleSets: `${NS}:apps[0].variants[0]`,
  },
  {
    case: "one variant on two apps",
    values: { apps: [{ name: "OTP", variants: ["otp"] }, { name: "Also OTP", variants: ["oob-email", "otp"] }], testUser: TESTER },
    key: `${NS}:apps[1].variants`,
    problem: /variant "otp" is already on app "OTP"/,
    expectedMentions: "each variant on one app",
    exampleSets: `${NS}:apps[0].variants[0]`,
  },
  {
    case: "login that is not an email-style login",
    values: { variants: ["otp"], testUser: { login: "tester" } },
    key: `${NS}:testUser.login`,
    problem: /"tester" is not valid/,
    expectedMentions: "email-style Okta login",
    exampleSets: `${NS}:testUser.login`,
  },
  {
    case: "unknown enrollment value",
    values: { variants: ["otp"], testUser: TESTER, enrollment: "SOMETIMES" },
    key: `${NS}:enrollment`,
    problem: /"SOMETIMES" is not one of "OPTIONAL", "REQUIRED"/,
    expectedMentions: `"OPTIONAL" or "REQUIRED"`,
    exampleSets: `${NS}:enrollment`,
  },
  {
    case: "an empty name kept for the session policy",
    values: { variants: ["otp"], testUser: TESTER, names: { sessionPolicy: "  " } },
    key: `${NS}:names.sessionPolicy`,
    problem: /must not be empty/,
    expectedMentions: "{sessionGroup?, sessionPolicy?, authorizationServerPolicy?}",
    exampleSets: `${NS}:names.sessionPolicy`,
  },
  {
    case: "a misspelt name key",
    values: { variants: ["otp"], testUser: TESTER, names: { sessionGrup: "Direct Auth testers" } },
    key: `${NS}:names.sessionGrup`,
    problem: /unknown key; did you mean "sessionGroup"\?/,
    expectedMentions: "sessionGroup",
    exampleSets: `${NS}:names.sessionPolicy`,
  },
  {
    case: "unknown catchAll value",
    values: { variants: ["otp"], testUser: TESTER, catchAll: "REJECT" },
    key: `${NS}:catchAll`,
    problem: /"REJECT" is not one of "DENY", "ALLOW"/,
    expectedMentions: `"DENY" or "ALLOW"`,
    exampleSets: `${NS}:catchAll`,
  },
  {
    case: "an Okta Verify kind Okta does not have",
    values: { variants: ["oob-okta-verify"], testUser: TESTER, oktaVerify: "split" },
    key: `${NS}:oktaVerify`,
    problem: /"split" is not one of "classic", "flexible"/,
    expectedMentions: `"classic" (one okta_verify authenticator) or "flexible"`,
    exampleSets: `${NS}:oktaVerify`,
  },
  {
    case: "misspelt key inside an object",
    values: { variants: ["otp"], testUser: { logn: TESTER.login } },
    key: `${NS}:testUser.logn`,
    problem: /unknown key; did you mean "login"\?/,
    expectedMentions: "login, create, firstName, lastName",
    exampleSets: `${NS}:testUser.login`,
  },
  {
    case: "misspelt top-level key",
    values: { varients: ["otp"], testUser: TESTER },
    key: `${NS}:varients`,
    problem: /unknown key; did you mean "variants"\?/,
    expectedMentions: "variants, apps, authorizationServer, testUser",
    exampleSets: `${NS}:variants`,
  },
  {
    case: "both variants and apps",
    values: { variants: ["otp"], apps: [{ name: "MFA", variants: ["mfa-otp"] }], testUser: TESTER },
    key: `${NS}:apps`,
    problem: /either variants .* or apps .*, not both/,
    expectedMentions: "{name, variants}",
    exampleSets: `${NS}:apps[0]`,
  },
  {
    case: "neither variants nor apps",
    values: { testUser: TESTER },
    key: `${NS}:variants`,
    problem: /required/,
    expectedMentions: "variant ids",
    exampleSets: `${NS}:variants[0]`,
  },
  {
    case: "missing okta:orgName",
    values: { variants: ["otp"], testUser: TESTER },
    okta: {},
    key: "okta:orgName",
    problem: /required/,
    expectedMentions: "subdomain",
    exampleSets: "okta:orgName",
  },
  {
    case: "test-user login longer than Okta's 100 characters",
    values: { variants: ["otp"], testUser: { login: `${"a".repeat(95)}@example.com` } },
    key: `${NS}:testUser.login`,
    problem: /^is 107 characters long; at most 100$/,
    expectedMentions: "at most 100 characters",
    exampleSets: `${NS}:testUser.login`,
  },
  {
    case: "test-user last name longer than Okta's 50 characters",
    values: { variants: ["otp"], testUser: { ...TESTER, create: true, lastName: "L".repeat(51) } },
    key: `${NS}:testUser.lastName`,
    problem: /^is 51 characters long; at most 50$/,
    expectedMentions: "at most 50 characters each",
    exampleSets: `${NS}:testUser`,
  },
  {
    case: "app name longer than Okta's 100-character app label",
    values: { apps: [{ name: "A".repeat(101), variants: ["otp"] }], testUser: TESTER },
    key: `${NS}:apps[0].name`,
    problem: /^is 101 characters long; at most 100$/,
    expectedMentions: "names of at most 100 characters",
    exampleSets: `${NS}:apps[0].name`,
  },
  {
    case: "authorization server name longer than 255 characters",
    values: { variants: ["otp"], testUser: TESTER, authorizationServer: "s".repeat(256) },
    key: `${NS}:authorizationServer`,
    problem: /^is 256 characters long; at most 255$/,
    expectedMentions: "custom authorization server",
    exampleSets: `${NS}:authorizationServer`,
  },
  {
    case: "20,000 copies of one variant, as one problem",
    values: { variants: Array(20_000).fill("otp"), testUser: TESTER },
    key: `${NS}:variants`,
    problem: /^has 20000 entries; at most 8$/,
    expectedMentions: "distinct variant ids",
    exampleSets: `${NS}:variants[0]`,
  },
  {
    case: "redirect URI with a script scheme",
    values: { variants: ["otp"], testUser: TESTER, redirectUri: "javascript:alert(document.cookie)" },
    key: `${NS}:redirectUri`,
    problem: /"javascript:alert\(document.cookie\)" uses the javascript: scheme/,
    expectedMentions: "private-use scheme",
    exampleSets: `${NS}:redirectUri com.example.directauth:/callback`,
  },
  {
    case: "plain http redirect URI to a host other than loopback",
    values: { variants: ["otp"], testUser: TESTER, redirectUri: "http://app.example.com/callback" },
    key: `${NS}:redirectUri`,
    problem: /plain http to another host; http is only allowed to 127\.0\.0\.1, \[::1\] or localhost/,
    expectedMentions: "http only to 127.0.0.1, [::1] or localhost",
    exampleSets: `${NS}:redirectUri`,
  },
  {
    case: "misspelt key in the namespace (okta-direct-auth:variant)",
    values: { variant: ["otp"], testUser: TESTER },
    key: `${NS}:variant`,
    problem: /unknown key; did you mean "variants"\?/,
    expectedMentions: "variants, apps",
    exampleSets: `${NS}:variants`,
  },
  {
    case: "misspelt namespace",
    values: { variants: ["otp"], testUser: TESTER },
    okta: { "okta:orgName": "dev-1", "okta-direct-aut:catchAll": "ALLOW" },
    key: "okta-direct-aut:catchAll",
    problem: /unknown namespace "okta-direct-aut"; did you mean "okta-direct-auth:catchAll"\?/,
    expectedMentions: "okta-direct-auth: or okta: namespace",
    exampleSets: `${NS}:catchAll`,
  },
  {
    case: "key without a namespace in a stack file",
    values: { testUser: TESTER },
    okta: { "okta:orgName": "dev-1", variants: '["otp"]' },
    key: "variants",
    problem: /has no namespace; did you mean "okta-direct-auth:variants"\?/,
    expectedMentions: "okta-direct-auth: or okta: namespace",
    exampleSets: `${NS}:variants`,
  },
  {
    case: "misspelt okta provider setting (the org would silently be on okta.com)",
    values: { variants: ["otp"], testUser: TESTER },
    okta: { "okta:orgName": "dev-1", "okta:baseURL": "oktapreview.com" },
    key: "okta:baseURL",
    problem: /unknown okta provider setting; did you mean "okta:baseUrl"\?/,
    expectedMentions: "okta:baseUrl",
    exampleSets: "okta:baseURL",
  },
  {
    case: "org name that is not a hostname label (it would become the issuer and the management target)",
    values: { variants: ["otp"], testUser: TESTER },
    okta: { "okta:orgName": "evil.example.com/#" },
    key: "okta:orgName",
    problem: /"evil\.example\.com\/#" is not an org subdomain/,
    expectedMentions: "subdomain, e.g. dev-123456",
    exampleSets: "okta:orgName dev-123456",
  },
  {
    case: "base URL that is not a hostname",
    values: { variants: ["otp"], testUser: TESTER },
    okta: { "okta:orgName": "dev-1", "okta:baseUrl": "okta.com/x?" },
    key: "okta:baseUrl",
    problem: /"okta\.com\/x\?" is not a hostname/,
    expectedMentions: "okta.com, oktapreview.com",
    exampleSets: "okta:baseUrl okta.com",
  },
  ...(
    [
      ["an ESC in an app name", { apps: [{ name: "Direct\u001b[2J Auth", variants: ["otp"] }], testUser: TESTER }, "apps[0].name", "U+001B at position 7", "{name, variants}", "apps[0].name"],
      ["a BEL in an app name", { apps: [{ name: "Bell\u0007", variants: ["otp"] }], testUser: TESTER }, "apps[0].name", "U+0007 at position 5", "{name, variants}", "apps[0].name"],
      ["a NUL in the login", { variants: ["otp"], testUser: { login: "tester\u0000@example.com" } }, "testUser.login", "U+0000 at position 7", "email-style", "testUser.login"],
      ["a zero-width space in the login", { variants: ["otp"], testUser: { login: "tes\u200bter@example.com" } }, "testUser.login", "U+200B at position 4", "email-style", "testUser.login"],
      ["a right-to-left override in the login", { variants: ["otp"], testUser: { login: "\u202etester@example.com" } }, "testUser.login", "U+202E at position 1", "email-style", "testUser.login"],
      ["a zero-width joiner in a last name", { variants: ["otp"], testUser: { ...TESTER, lastName: "Test\u200der" } }, "testUser.lastName", "U+200D at position 5", "email-style", "testUser.login"],
      ["an ESC in the authorization server", { variants: ["otp"], testUser: TESTER, authorizationServer: "default\u001b]0;x\u0007" }, "authorizationServer", "U+001B at position 8", "custom authorization server", "authorizationServer"],
    ] as const
  ).map(([what, values, key, where, expectedMentions, exampleSets]) => ({
    case: `${what} (an invisible or control character)`,
    values,
    key: `${NS}:${key}`,
    problem: new RegExp(`contains an invisible or control character \\(${where.replace("+", "\\+")}\\)`),
    expectedMentions,
    exampleSets: `${NS}:${exampleSets}`,
  })),
  {
    case: "a login mixing Latin and Cyrillic look-alikes",
    values: { variants: ["otp"], testUser: { login: "p\u0430ypal@example.com" } },
    key: `${NS}:testUser.login`,
    problem: /mixes Latin and Cyrillic letters in "p.ypal" \("p" U\+0070 is Latin, "а" U\+0430 is Cyrillic\)/,
    expectedMentions: "email-style",
    exampleSets: `${NS}:testUser.login`,
  },
];

/** The error names the key, says why and what was expected, and shows a command that fixes it. */
export function expectReported(error: unknown, bad: BadConfig): void {
  expect(error).toBeInstanceOf(ConfigError);
  const { problems, message } = error as ConfigError;
  const problem = problems.find((p) => p.key === bad.key);
  expect(problem, `no problem reported for ${bad.key} in:\n${message}`).toBeDefined();
  expect(problem!.problem).toMatch(bad.problem);
  expect(problem!.expected).toContain(bad.expectedMentions);
  expect(problem!.example).toMatch(/^pulumi config (set|rm) /);
  expect(problem!.example).toContain(bad.exampleSets);
  expect(message).toContain(`${bad.key}: ${problem!.problem}`);
  expect(message).toContain(`expected: ${problem!.expected}`);
  expect(message).toContain(`example:  ${problem!.example}`);
}
