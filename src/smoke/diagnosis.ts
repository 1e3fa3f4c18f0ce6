import { AUTHENTICATORS, USE_NEEDED } from "../catalogue/authenticators";
import { FactorMode, Variant } from "../catalogue/variants";
import { OktaVerifyMode, authenticatorKeyIn } from "../catalogue/oktaVerify";
import { ruleRequirement } from "../model/constraints";
import { GuideStepId, guideStep } from "../okta/guideSteps";
import { customServerId } from "./discovery";
import { Evidence, RefusingPolicy } from "./policyEvidence";
import { Problem } from "./problem";
import { Step } from "./types";

/** Everything a sentence may mention; all of it is safe to print (no secrets, no tokens). */
export interface DiagnosisInput {
  problem: Problem;
  step: Step;
  variant: Variant;
  app: string;
  clientId: string;
  issuer: string;
  username: string;
  scope: string;
  /** Grant type of the request that failed. */
  grantType?: string;
  channel?: string;
  /** Grant types the stack declared for the app, when the target came from a stack. */
  declaredGrantTypes?: readonly string[];
  /** The kind of org the stack was written for, when the target came from a stack. */
  oktaVerify?: OktaVerifyMode;
  /** What reading the org found behind a policy refusal, when the smoke check could read it. */
  evidence?: Evidence;
}

export interface DiagnosisRule {
  /** OAuth `error`, Okta `errorCode`, or one of the smoke check's own codes; absent matches any. */
  codes?: readonly string[];
  /** Okta's words in `error_description`. */
  reason?: RegExp;
  /** The policy that evidence found refusing; Okta's words never say. */
  evidence?: RefusingPolicy;
  steps?: readonly Step[];
  factorModes?: readonly FactorMode[];
  /** The guide step to revisit; its heading is what the sentence names. */
  guideStep?: GuideStepId;
  /** The config key or resource that holds the fix. */
  fixIn?: (input: DiagnosisInput) => string;
  what: (input: DiagnosisInput) => string;
  fix: (input: DiagnosisInput) => string;
}

const q = (value: string | number | undefined) => `\`${value ?? "?"}\``;
const detail = (input: DiagnosisInput, key: string) => input.problem.detail?.[key];
const authenticatorOf = (input: DiagnosisInput) => AUTHENTICATORS[input.variant.authenticatorKey];
/** The key as the org names it; Okta Verify's push is `okta_verify_push` where Flexible Okta Verify is on. */
const keyOf = (input: DiagnosisInput) => {
  const key = input.variant.authenticatorKey;
  if (input.oktaVerify) return q(authenticatorKeyIn(input.oktaVerify, key));
  const flexible = authenticatorKeyIn("flexible", key);
  return flexible === key ? q(key) : `${q(key)} (${q(flexible)} with Flexible Okta Verify)`;
};
const isCustomServer = (input: DiagnosisInput) => customServerId(input.issuer) !== undefined;
const ruleChoice = (mode: FactorMode) => ruleRequirement(mode).consoleChoice;
const said = (input: DiagnosisInput) => (input.problem.description ? ` ("${input.problem.description}")` : "");
const rerun = "re-run `pulumi up`";
/**
 * The finding and where it came from, so the reader knows it was read from the org, not guessed.
 * Only the rules that match on a finding say it.
 */
const found = ({ evidence }: DiagnosisInput) => ` (${evidence!.finding!.detail}; found by ${evidence!.source})`;
const checkedPolicies = (input: DiagnosisInput) =>
  [input.variant.factorMode === "1FA" && "global session policy", isCustomServer(input) && "access policy"].filter(Boolean).join(" or the ");
const IS_PROMPTED = /prompted_grant_type_disabled|grant type .*disabled|cannot use a grant type/i;

function grantFix(input: DiagnosisInput): string {
  const declared = input.grantType && input.declaredGrantTypes?.includes(input.grantType);
  return declared
    ? `the stack declares it, so the org has drifted from the stack: ${rerun} (\`pulumi refresh\` shows the drift)`
    : `tick it on the app (add variant ${q(input.variant.id)} to \`okta-direct-auth:variants\` or \`apps\`) and ${rerun}`;
}

/**
 * Okta does not say which cause it met, and a fresh org's Email is for recovery only: the "Used for"
 * the stack sets comes first for the authenticators whose flows need it.
 */
function usedForFix(input: DiagnosisInput): string {
  const needed = USE_NEEDED[input.variant.authenticatorKey];
  if (!needed) return "";
  return `set ${authenticatorOf(input).name}'s "Used for" to "Authentication and recovery" (settings.allowedFor ${needed}; \`pulumi up\` sets it for ${q(input.variant.id)}), `;
}

function methodOf(input: DiagnosisInput): string {
  return input.channel ? ` with its ${q(input.channel)} method` : "";
}

/**
 * Spec §3's error table as data: the first rule whose fields all match the problem wins, so
 * specific rules (a reason, a step) come before the general one for the same code.
 */
export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = [
  {
    codes: ["unauthorized_client"],
    guideStep: "apps",
    fixIn: () => "`okta.app.OAuth` grantTypes",
    what: (i) => `the app ${q(i.app)} does not allow the ${q(i.grantType)} grant`,
    fix: grantFix,
  },
  {
    codes: ["unsupported_grant_type"],
    guideStep: "authorization-server",
    fixIn: () => "`okta-direct-auth:authorizationServer`",
    what: (i) => `the authorization server ${q(i.issuer)} does not know the ${q(i.grantType)} grant`,
    fix: () =>
      "check that the issuer is the authorization server the apps use and that the org runs Identity Engine (Classic orgs have no Direct Authentication)",
  },
  {
    codes: ["access_denied"],
    reason: /not assigned/i,
    guideStep: "apps",
    fixIn: () => "`okta.app.GroupAssignment` to Everyone",
    what: (i) => `${q(i.username)} is not assigned to the app ${q(i.app)}`,
    fix: () => `select "Allow everyone in your organization to access" and ${rerun}`,
  },
  {
    codes: ["access_denied"],
    reason: IS_PROMPTED,
    guideStep: "app-sign-in-policies",
    fixIn: () => "`okta.AppSignonPolicyRule` factorMode/constraints and `okta.app.OAuth` grantTypes",
    what: (i) => `the sign-in policy of ${q(i.app)} asks for a factor whose grant type the app does not allow`,
    fix: (i) =>
      `make rule ${q(i.variant.ruleName)} ask for "${ruleChoice(i.variant.factorMode)}" with ${authenticatorOf(i).name}, or allow that factor's grant on the app, and ${rerun}`,
  },
  {
    codes: ["access_denied"],
    evidence: "session-policy",
    guideStep: "app-sign-in-policies",
    fixIn: () => "`okta.policy.Signon` + `okta.policy.RuleSignon` primaryFactor PASSWORD_IDP_ANY_FACTOR",
    what: (i) => `the global session policy does not let ${q(i.username)} start a session with ${authenticatorOf(i).name} alone${found(i)}`,
    fix: () => `give the test user a session policy rule that accepts "Any factor used to meet the App sign-in policy requirements" and ${rerun}`,
  },
  {
    codes: ["access_denied"],
    evidence: "access-policy",
    guideStep: "authorization-server",
    fixIn: () => "`okta.auth.ServerPolicy` clientWhitelists, `okta.auth.ServerPolicyRule` grantTypeWhitelists/scopeWhitelists/groupWhitelists",
    what: (i) => `the access policy of the custom authorization server does not allow the ${q(i.grantType)} grant for ${q(i.app)} and ${q(i.username)}${found(i)}`,
    fix: () => `give the policy assigned to the app a rule allowing that grant, the scopes and the user, and ${rerun}`,
  },
  {
    codes: ["access_denied"],
    reason: /policy_denied|policy evaluation failed/i,
    guideStep: "app-sign-in-policies",
    fixIn: (i) =>
      isCustomServer(i)
        ? "`okta.AppSignonPolicyRule` usersIncluded, `okta-direct-auth:testUser`, `okta.auth.ServerPolicyRule` grantTypeWhitelists"
        : "`okta.AppSignonPolicyRule` usersIncluded, `okta-direct-auth:testUser`",
    what: (i) =>
      `no policy rule lets ${q(i.username)} use the ${q(i.grantType)} grant on ${q(i.app)}` +
      (i.evidence
        ? ` (${i.evidence.source} find no refusal by the ${checkedPolicies(i)}, so the app sign-in policy refuses)`
        : isCustomServer(i)
          ? " (app sign-in policy, or the custom authorization server's access policy)"
          : ""),
    fix: (i) =>
      [
        `make rule ${q(i.variant.ruleName)} of the app's sign-in policy name the test user with "${ruleChoice(i.variant.factorMode)}"`,
        "assign that policy to the app",
        ...(isCustomServer(i) ? ["give the authorization server an access-policy rule allowing the grant"] : []),
        ...(i.variant.factorMode === "1FA" ? ["let the global session policy start a session with any factor"] : []),
        `and ${rerun}`,
      ].join(", "),
  },
  {
    codes: ["access_denied"],
    reason: /factor_enrollment_required|required authenticator cannot be used|enroll/i,
    guideStep: "authenticators",
    fixIn: (i) =>
      `\`okta.Authenticator\` ${keyOf(i)}, \`OrgAuthenticatorSettings\` methods${USE_NEEDED[i.variant.authenticatorKey] ? ", allowedFor" : ""} and enroll, \`okta-direct-auth:enrollment\`` +
      (i.variant.authenticatorKey === "phone_number" ? ", `okta-direct-auth:phoneChannels`" : ""),
    what: (i) => `${authenticatorOf(i).name} (${keyOf(i)})${methodOf(i)} cannot be used by ${q(i.username)}`,
    fix: (i) =>
      `${usedForFix(i)}make it ACTIVE${i.channel ? " with that method" : ""}, Optional or Required in the default enrollment policy, enroll the user, and ${rerun}`,
  },
  {
    codes: ["access_denied"],
    reason: /requirements_not_challenged|no_supported_authenticators|cannot be satisfied|not supported/i,
    guideStep: "app-sign-in-policies",
    fixIn: () => "`okta.AppSignonPolicyRule` factorMode/constraints",
    what: (i) => `the sign-in policy of ${q(i.app)} asks for factors the ${q(i.variant.id)} flow cannot provide`,
    fix: (i) => `make rule ${q(i.variant.ruleName)} ask for "${ruleChoice(i.variant.factorMode)}" and ${rerun}`,
  },
  {
    codes: ["access_denied"],
    reason: /expired/i,
    steps: ["challenge", "otp"],
    what: () => "the `mfa_token` expired before the second factor was sent",
    fix: () => "re-run the smoke check and complete the second factor sooner",
  },
  {
    codes: ["access_denied", "expired_token"],
    reason: /expired/i,
    what: () => "the `oob_code` expired before the flow finished",
    fix: () => "re-run the smoke check and complete the human step sooner",
  },
  {
    codes: ["access_denied"],
    guideStep: "app-sign-in-policies",
    fixIn: () => "`okta.AppSignonPolicyRule`",
    what: (i) => `Okta denied ${q(i.username)} access to ${q(i.app)}${said(i)}`,
    fix: (i) => `check rule ${q(i.variant.ruleName)} of the app's sign-in policy names the test user, and ${rerun}`,
  },
  {
    codes: ["mfa_required"],
    factorModes: ["1FA"],
    guideStep: "app-sign-in-policies",
    fixIn: () => "`okta.AppSignonPolicyRule` factorMode 1FA; `okta.policy.RuleSignon` primaryFactor PASSWORD_IDP_ANY_FACTOR",
    what: (i) => `${q(i.variant.id)} is a primary-factor flow but ${q(i.app)} asks for a second factor`,
    fix: (i) =>
      `make rule ${q(i.variant.ruleName)} ask for "Any 1 factor type", let the global session policy start a session with any factor, and ${rerun}`,
  },
  {
    codes: ["password_alone_succeeded"],
    guideStep: "app-sign-in-policies",
    fixIn: () => "`okta.AppSignonPolicyRule` factorMode 2FA with the password constraint",
    what: (i) => `the password alone signed ${q(i.username)} in to ${q(i.app)}, so its rule never asks for the second factor`,
    fix: (i) => `make rule ${q(i.variant.ruleName)} ask for "${ruleChoice("2FA")}" and ${rerun}`,
  },
  {
    codes: ["invalid_grant"],
    reason: /locked_out|locked out/i,
    fixIn: () => "Admin Console Directory > People > Unlock, or `POST /api/v1/users/{id}/lifecycle/unlock`",
    what: (i) =>
      `${q(i.username)} is locked out: Okta's password policy locks a user after too many failed sign-in attempts in a row (10 by default), wrong passwords and wrong primary passcodes alike`,
    fix: () => "unlock the user, then check the password and codes the smoke check is given before running it again",
  },
  {
    codes: ["invalid_grant"],
    reason: /too_many_attempts|too many/i,
    what: (i) => `too many wrong codes were given for this sign-in of ${q(i.username)}, so Okta stopped accepting codes for it${said(i)}`,
    fix: () => "start the sign-in again from the first leg and use the newest code (Okta allows a few wrong codes per mfa_token or oob_code)",
  },
  {
    codes: ["rate_limited", "invalid_request"],
    reason: /throttled|recently sent/i,
    steps: ["primary-authenticate", "challenge"],
    what: (i) => `Okta throttled the ${i.channel ?? "phone"} codes to ${q(i.username)}: it sends one SMS or voice code per user every 30 seconds`,
    fix: () => "wait half a minute and run again; do not run two smoke checks for the same user at once",
  },
  {
    codes: ["rate_limited"],
    steps: ["primary-authenticate", "challenge"],
    what: (i) => `Okta kept throttling ${q(detail(i, "path"))} for ${q(i.username)} after ${detail(i, "retries")} retries (resets in ${detail(i, "resetSeconds")} s)`,
    fix: () => "Okta sends SMS and voice codes to a user at most once every 30 seconds: wait and run again",
  },
  {
    codes: ["invalid_grant"],
    reason: /invalid_login_hint|login_hint|no such user|user not found|unknown user/i,
    fixIn: () => "`okta-direct-auth:testUser` / `--username`",
    what: (i) => `Okta knows no user ${q(i.username)}`,
    fix: () => "check the login (stack output `testUserLogin`) and that the user is ACTIVE",
  },
  {
    codes: ["invalid_grant"],
    steps: ["password"],
    fixIn: () => "`OKTA_SMOKE_PASSWORD` or the stack output `testUserPassword`",
    what: (i) => `Okta refused the password of ${q(i.username)}`,
    fix: () => "check the password and that the user exists, is ACTIVE and not locked out",
  },
  {
    codes: ["invalid_grant"],
    steps: ["otp"],
    fixIn: () => "`OKTA_SMOKE_TOTP_SECRET`",
    what: (i) => `the TOTP code for ${q(i.username)} was refused${said(i)}`,
    fix: () =>
      "check the secret is the user's Google Authenticator enrollment; Okta accepts each passcode once, so a smoke run repeated within about a minute, or a clock more than two minutes off, also gives this error",
  },
  {
    codes: ["invalid_grant"],
    reason: /oob_reject|reject|denied/i,
    steps: ["poll"],
    what: (i) => `the push to ${q(i.username)} was rejected on the device`,
    fix: () => "approve it in Okta Verify, or find out who rejected it",
  },
  {
    codes: ["invalid_grant"],
    steps: ["token"],
    what: (i) => `the ${i.channel ?? "one-time"} code was refused${said(i)}`,
    fix: () => "enter the code from the newest message, before it expires",
  },
  {
    codes: ["invalid_grant"],
    what: (i) => `Okta refused the grant${said(i)}`,
    fix: () => "check the test user's credentials and enrollments",
  },
  {
    codes: ["invalid_request"],
    reason: /channel_hint|channel/i,
    guideStep: "authenticators",
    fixIn: (i) => (i.variant.authenticatorKey === "phone_number" ? "`okta-direct-auth:phoneChannels`" : `\`okta.Authenticator\` ${keyOf(i)} methods`),
    what: (i) => `the ${q(i.channel)} channel is not available for ${authenticatorOf(i).name}`,
    fix: () => `activate that method (or pick another one with \`--channel\`) and ${rerun}`,
  },
  {
    codes: ["invalid_request"],
    what: (i) => `Okta rejected the ${i.step} request as malformed${said(i)}`,
    fix: () => "this is a bug in the smoke check: report it with this line",
  },
  {
    codes: ["invalid_scope"],
    steps: ["primary-authenticate", "challenge"],
    what: (i) => `Okta refused a scope on ${q(i.step)}${said(i)}`,
    fix: () => "this is a bug in the smoke check (those endpoints take no scope): report it with this line",
  },
  {
    codes: ["invalid_scope"],
    guideStep: "authorization-server",
    fixIn: () => "`okta.auth.ServerPolicyRule` scopeWhitelists, or `--scope`",
    what: (i) => `the authorization server does not grant the scopes ${q(i.scope)}`,
    fix: () => `allow them in the access-policy rule (or ask for fewer) and ${rerun}`,
  },
  {
    codes: ["invalid_client"],
    guideStep: "apps",
    fixIn: () => "stack output `apps[].clientId` / `--client-id`",
    what: (i) => `${q(i.issuer)} knows no client ${q(i.clientId)}`,
    fix: () => `use the client ID of an app in this org (${rerun} if the app was deleted)`,
  },
  {
    codes: ["authorization_pending", "slow_down"],
    what: (i) => `Okta answered ${q(i.problem.code)} outside polling`,
    fix: () => "this is a bug in the smoke check: report it with this line",
  },
  {
    codes: ["rate_limited"],
    what: (i) => `Okta kept rate-limiting ${q(detail(i, "path"))} after ${detail(i, "retries")} retries (resets in ${detail(i, "resetSeconds")} s)`,
    fix: () => "wait for the limit to reset and re-run, or raise the org's rate limits",
  },
  {
    codes: ["timeout"],
    what: (i) => `${q(detail(i, "path"))} did not answer within ${detail(i, "timeoutMs")} ms`,
    fix: () => "check the connection to the org, or raise `--timeout`",
  },
  {
    codes: ["too_large"],
    what: (i) =>
      `${q(detail(i, "path"))} answered more than ${Number(detail(i, "limitBytes")) / 1024 / 1024} MiB (HTTP ${i.problem.status}); the check stopped reading there`,
    fix: () => "a proxy or wrong issuer is in the way: check the issuer URL and any proxy",
  },
  {
    codes: ["tls"],
    what: (i) => `the TLS certificate of ${q(detail(i, "host"))} was not accepted (${detail(i, "cause")})`,
    fix: () => "use the org's real URL, or trust the proxy's CA with NODE_EXTRA_CA_CERTS",
  },
  {
    codes: ["network"],
    what: (i) => `could not reach ${q(detail(i, "host"))} (${detail(i, "cause")})`,
    fix: () => "check the issuer URL, DNS and proxy settings",
  },
  {
    codes: ["insecure_url"],
    guideStep: "authorization-server",
    fixIn: () => "`--issuer` / stack output `issuer`",
    what: (i) => `${q(detail(i, "url"))} is refused: ${detail(i, "reason")}`,
    fix: () => "use https (plain http is allowed only for loopback hosts such as the emulator)",
  },
  {
    codes: ["html"],
    what: (i) => `${q(detail(i, "path"))} answered an HTML page (HTTP ${i.problem.status}) instead of JSON`,
    fix: () => "a proxy, login page or wrong issuer is in the way: check the issuer URL and any proxy",
  },
  {
    codes: ["not_json", "invalid_json", "unexpected_body"],
    what: (i) => `${q(detail(i, "path"))} answered HTTP ${i.problem.status} with ${detail(i, "contentType") ?? "a body that is not a JSON object"}, not JSON`,
    fix: () => "check the issuer URL and any proxy between here and the org",
  },
  {
    codes: ["redirect"],
    what: (i) => `${q(detail(i, "path"))} redirected (HTTP ${i.problem.status}) to ${q(detail(i, "location"))}`,
    fix: () => "use the issuer exactly as the org spells it; redirects are not followed",
  },
  {
    codes: ["server_error"],
    what: (i) => `${q(detail(i, "path"))} failed on the server (HTTP ${i.problem.status}, ${detail(i, "errorCode")})`,
    fix: () => "this is on Okta's side: re-run later, and check status.okta.com if it persists",
  },
  {
    codes: ["discovery_not_found"],
    guideStep: "authorization-server",
    fixIn: () => "`--issuer` / stack output `issuer`",
    what: (i) => `there is no OpenID configuration under ${q(i.issuer)}`,
    fix: () => "use the org URL (org authorization server) or `{org}/oauth2/{authServerId}` (custom one)",
  },
  {
    codes: ["issuer_mismatch"],
    guideStep: "authorization-server",
    fixIn: () => "`--issuer` / stack output `issuer`",
    what: (i) => `the discovery document names issuer ${q(detail(i, "announced"))}, not ${q(i.issuer)}`,
    fix: () => "use the issuer exactly as the org announces it",
  },
  {
    codes: ["unexpected_token_endpoint"],
    what: (i) => `the token endpoint ${q(detail(i, "tokenEndpoint"))} does not end in /token`,
    fix: () => "check the issuer: this does not look like an Okta authorization server",
  },
  {
    codes: ["foreign_endpoint"],
    what: (i) =>
      `the discovery document puts ${q(detail(i, "field"))} on ${q(detail(i, "origin"))}, not on the issuer's origin ${q(detail(i, "issuerOrigin"))}; nothing was sent there`,
    fix: () => "check the issuer: Okta serves its token endpoint and keys on the issuer's own origin",
  },
  {
    codes: ["missing_field"],
    what: (i) => `the answer of ${q(detail(i, "path"))} lacks ${q(detail(i, "field"))}`,
    fix: () => "check the issuer: the server is not speaking Direct Authentication as documented",
  },
  {
    codes: ["unsupported_binding"],
    what: (i) => `Okta asked for binding method ${q(detail(i, "bindingMethod"))}, which the smoke check does not know`,
    fix: () => "report it with this line",
  },
  {
    codes: ["oob_expired"],
    what: (i) => `nobody approved the push within its ${detail(i, "expiresIn")} s`,
    fix: () => "approve the push in Okta Verify in time (`--interactive` shows a countdown)",
  },
  {
    codes: ["no_id_token"],
    fixIn: () => "`--scope`",
    what: () => "the token response has no ID token",
    fix: () => "ask for the `openid` scope",
  },
  {
    codes: ["id_token_signature", "id_token_unknown_key", "id_token_algorithm"],
    what: (i) => `the ID token's signature does not verify against the JWKS of ${q(i.issuer)} (${i.problem.code.replace("id_token_", "")})`,
    fix: () => "check that the issuer is the authorization server that issued the token (org vs custom)",
  },
  {
    codes: ["id_token_claim"],
    what: (i) => `the ID token's ${q(detail(i, "claim"))} claim does not match (expected issuer ${q(i.issuer)}, audience ${q(i.clientId)})`,
    fix: () => "check the issuer and client ID belong together",
  },
  {
    codes: ["id_token_expired"],
    what: () => "the ID token is already expired",
    fix: () => "check this machine's clock",
  },
  {
    codes: ["id_token_invalid"],
    what: (i) => `the ID token is not a valid JWT (${detail(i, "reason")})`,
    fix: () => "check the issuer",
  },
  {
    codes: ["outbox_unavailable"],
    fixIn: () => "`--code-outbox`",
    what: (i) =>
      `the code outbox ${q(detail(i, "path"))} ${
        i.problem.detail?.redirected
          ? `redirected (HTTP ${i.problem.status}); redirects are not followed`
          : i.problem.status
            ? `answered HTTP ${i.problem.status} without a message list`
            : "could not be reached"
      }`,
    fix: () => "point `--code-outbox` at the emulator's `/__emulator/outbox`",
  },
  {
    codes: ["internal_error"],
    what: (i) => `the smoke check failed internally (${detail(i, "name")})`,
    fix: () => "report it with this line",
  },
  {
    what: (i) => `Okta answered ${i.problem.status ? `HTTP ${i.problem.status} ` : ""}${q(i.problem.code)}${said(i)}`,
    fix: () => "compare with the error table in docs/direct-auth-reference.md#errors",
  },
];

function matches(rule: DiagnosisRule, input: DiagnosisInput): boolean {
  const { problem } = input;
  return (
    (!rule.codes || rule.codes.includes(problem.code)) &&
    (!rule.reason || rule.reason.test(problem.description ?? "")) &&
    (!rule.evidence || rule.evidence === input.evidence?.finding?.policy) &&
    (!rule.steps || rule.steps.includes(input.step)) &&
    (!rule.factorModes || rule.factorModes.includes(input.variant.factorMode))
  );
}

export function findRule(input: DiagnosisInput): DiagnosisRule {
  // The last rule matches anything, so there is always one.
  return DIAGNOSIS_RULES.find((rule) => matches(rule, input))!;
}

/** One sentence: what is wrong, how to fix it, and which guide step and config key or resource hold the fix. */
export function diagnose(input: DiagnosisInput): string {
  const rule = findRule(input);
  const revisit = rule.guideStep && guideStep(rule.guideStep);
  const where = [revisit && `guide step "${revisit.heading ?? revisit.title}"`, rule.fixIn?.(input)].filter(Boolean).join("; ");
  return `${rule.what(input)}: ${rule.fix(input)}${where ? ` (${where})` : ""}.`;
}

