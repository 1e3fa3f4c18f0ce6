import { VARIANT_IDS, VariantId, isVariantId } from "../catalogue/variants";
import { parseFlags } from "./args/parseFlags";
import { checkedStack } from "./args/stackName";
import { UsageError } from "./args/usageError";
import { closestMatch } from "../model/closestMatch";
import { transportProblem } from "../http/transport";
import { parseTotpSecret } from "../smoke/totp";

export const PASSWORD_ENV = "OKTA_SMOKE_PASSWORD";
export const TOTP_SECRET_ENV = "OKTA_SMOKE_TOTP_SECRET";

export const HELP = `Usage: npm run smoke -- (--stack NAME | --issuer URL --client-id ID --variants LIST --username LOGIN) [options]

Drives each Direct Authentication flow against the org and reports, per variant:
  pass     tokens issued and the ID token verified against the issuer's JWKS
  wired    the server accepted the flow up to the human step (push sent, code sent,
           or a deliberately wrong OTP answered invalid_grant when no TOTP secret is set)
  fail     with a diagnosis naming the guide step and the config key or resource to fix
  skipped  with the reason

Target:
  --stack NAME          read issuer, apps and test user from \`pulumi stack output --json --show-secrets\`
  --issuer URL          org URL (org authorization server) or {org}/oauth2/{authServerId}
  --client-id ID        client ID of the app the variants run on
  --variants LIST       comma-separated: ${VARIANT_IDS.join(", ")}
                        (with --stack: only these of the stack's variants)
  --username LOGIN      the test user's login
  --app NAME            app name used in diagnoses (default: the client ID)

Options:
  --channel sms|voice   phone channel for the phone variants (default: with --stack, the
                        stack's first activated channel; otherwise sms)
  --scope SCOPES        scopes to ask for (default "openid profile")
  --interactive         complete the human steps: number to tap, push countdown, code prompt
  --code-outbox URL     emulator mode: read sms/voice/email codes from the emulator's outbox
                        and wait for its simulated push approval
  --enroll-totp         enroll a Google Authenticator factor for the test user first, so the OTP
                        variants can pass; removed afterwards. Management credentials from the okta
                        provider's env (OKTA_API_TOKEN, or OKTA_API_CLIENT_ID + OKTA_API_PRIVATE_KEY
                        + OKTA_API_SCOPES), sent only to the issuer's org
  --keep-factor         with --enroll-totp: keep the enrolled factor
  --timeout SECONDS     per-request timeout, 1 to 600 (default 10)
  --max-retries N       retries after HTTP 429, 0 to 10 (default 2)
  --json                print one JSON document {issuer, results} on stdout
  -h, --help            this text

Policy simulation: with management credentials in the okta provider's env (OKTA_API_TOKEN, or
OKTA_API_CLIENT_ID + OKTA_API_PRIVATE_KEY + OKTA_API_SCOPES), sent only to the issuer's org, each
variant also gets a "policy" line: Okta's policy simulation (POST /api/v1/policies/simulate) of the
test user's sign-in to its app must resolve to the test-user rule with what the variant needs, and
for primary-factor variants the global session policy to an any-factor rule; no push or code is
sent. Read-only scopes suffice: okta.policies.read okta.apps.read okta.users.read. A policy found
wrong fails the run.

Secrets come from the environment only, never from flags, and are never printed:
  ${PASSWORD_ENV}       the test user's password (MFA variants; a stack that created
                        the user provides it)
  ${TOTP_SECRET_ENV}    base32 secret of the user's Google Authenticator enrollment

With the management credentials above set, a variant Okta refuses with "Policy evaluation failed"
is narrowed down by read-only management calls (global session policy, access policy), and the
diagnosis says it read them.

Exit status: 0 nothing failed (wired and skipped are not failures), 1 a variant or its policy
failed, 2 usage or configuration error.

`;

export type CliTarget =
  | { kind: "stack"; stack: string; variants?: VariantId[] }
  | { kind: "explicit"; issuer: string; clientId: string; app: string; variants: VariantId[]; username: string };

export interface CliPlan {
  target: CliTarget;
  json: boolean;
  interactive: boolean;
  channel?: "sms" | "voice";
  scope?: string;
  codeOutbox?: string;
  enrollTotp: boolean;
  keepFactor: boolean;
  requestTimeoutMs?: number;
  maxRetries?: number;
  password?: string;
  totpSecret?: string;
}

const FLAGS = {
  stack: { type: "string" },
  issuer: { type: "string" },
  "client-id": { type: "string" },
  variants: { type: "string" },
  username: { type: "string" },
  app: { type: "string" },
  channel: { type: "string" },
  scope: { type: "string" },
  interactive: { type: "boolean" },
  "code-outbox": { type: "string" },
  "enroll-totp": { type: "boolean" },
  "keep-factor": { type: "boolean" },
  timeout: { type: "string" },
  "max-retries": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const SECRET_FLAG = /^--?(password|pass|pwd|totp|totp-secret|secret|otp)(=|$)/i;

interface Range {
  min: number;
  max: number;
  /** Number() alone would take "", " ", "0x1f" and "1e12". */
  pattern: RegExp;
  expected: string;
}

/** Long enough for any org, and far inside setTimeout's limit (2^31-1 ms), beyond which every request fails at once. */
const TIMEOUT_SECONDS: Range = { min: 1, max: 600, pattern: /^\d+(\.\d+)?$/, expected: "a number of seconds from 1 to 600, e.g. 30" };
/** A run that meets more 429s than this should stop and say so rather than wait on. */
const MAX_RETRIES: Range = { min: 0, max: 10, pattern: /^\d+$/, expected: "a whole number from 0 to 10, e.g. 2" };

function usage(message: string): never {
  throw new UsageError(message);
}

function parseVariants(list: string): VariantId[] {
  const ids = list.split(",").map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) usage("--variants needs at least one variant id");
  for (const id of ids) {
    if (!isVariantId(id)) {
      const guess = closestMatch(id, VARIANT_IDS);
      usage(`unknown variant "${id}"${guess ? `; did you mean "${guess}"?` : ""} (known: ${VARIANT_IDS.join(", ")})`);
    }
  }
  if (new Set(ids).size !== ids.length) usage("--variants lists a variant twice");
  return ids as VariantId[];
}

function checkedUrl(flag: string, url: string): string {
  const problem = transportProblem(url);
  if (problem) usage(`${flag} ${problem === "not a URL" ? "is not a URL" : `is refused: ${problem}; use https`}`);
  // Only the flag is named: the URL itself holds what must not be echoed.
  const { username, password } = new URL(url);
  if (username || password) usage(`${flag} must not carry a user name or password (user:password@); give the URL alone, e.g. https://dev-123456.okta.com`);
  return url.replace(/\/+$/, "");
}

function checkedIssuer(url: string): string {
  const issuer = checkedUrl("--issuer", url);
  if (/[?#]/.test(issuer)) usage("--issuer takes no query or fragment: the org URL or {org}/oauth2/{authServerId}, e.g. https://dev-123456.okta.com");
  return issuer;
}

function numberIn(flag: string, value: string | undefined, range: Range): number | undefined {
  if (value === undefined) return undefined;
  const n = range.pattern.test(value) ? Number(value) : NaN;
  if (!(n >= range.min && n <= range.max)) usage(`${flag} must be ${range.expected}`);
  return n;
}

/**
 * argv and the environment of `npm run smoke` → a run plan, or "help"; a mistake is a UsageError
 * whose message never repeats a secret, a URL's credentials or a positional argument.
 */
export function parseSmokeArgs(argv: readonly string[], env: NodeJS.ProcessEnv, projectDir = process.cwd()): CliPlan | "help" {
  if (argv.some((a) => SECRET_FLAG.test(a))) {
    usage(`secrets are never taken from flags (they would land in shell history): set ${PASSWORD_ENV} / ${TOTP_SECRET_ENV}`);
  }
  const values = parseFlags(argv, FLAGS);
  if (values.help) return "help";

  const explicitFlags = (["issuer", "client-id", "username", "app"] as const).filter((f) => values[f] !== undefined);
  let target: CliTarget;
  if (values.stack !== undefined) {
    if (explicitFlags.length > 0) usage(`--stack reads the target from the stack; drop ${explicitFlags.map((f) => `--${f}`).join(", ")}`);
    target = { kind: "stack", stack: checkedStack(values.stack, projectDir), variants: values.variants === undefined ? undefined : parseVariants(values.variants) };
  } else {
    const missing = (["issuer", "client-id", "variants", "username"] as const).filter((f) => !values[f]);
    if (missing.length > 0) {
      usage(`give --stack NAME, or all of --issuer, --client-id, --variants, --username (missing: ${missing.map((f) => `--${f}`).join(", ")})`);
    }
    target = {
      kind: "explicit",
      issuer: checkedIssuer(values.issuer!),
      clientId: values["client-id"]!,
      app: values.app ?? values["client-id"]!,
      variants: parseVariants(values.variants!),
      username: values.username!,
    };
  }

  if (values.channel !== undefined && values.channel !== "sms" && values.channel !== "voice") usage("--channel must be sms or voice");
  if (values.interactive && values["code-outbox"] !== undefined) {
    usage("--interactive and --code-outbox both answer the human steps; choose one");
  }
  if (values["keep-factor"] && !values["enroll-totp"]) usage("--keep-factor goes with --enroll-totp");
  if (values["enroll-totp"] && env[TOTP_SECRET_ENV]) {
    usage(`--enroll-totp enrolls a new factor; ${TOTP_SECRET_ENV} names an existing one: choose one`);
  }
  const timeoutSeconds = numberIn("--timeout", values.timeout, TIMEOUT_SECONDS);
  const totpSecret = env[TOTP_SECRET_ENV] || undefined;
  if (totpSecret !== undefined) {
    try {
      parseTotpSecret(totpSecret);
    } catch (error) {
      usage(`${TOTP_SECRET_ENV}: ${(error as Error).message}`);
    }
  }
  return {
    target,
    json: Boolean(values.json),
    interactive: Boolean(values.interactive),
    channel: values.channel as "sms" | "voice" | undefined,
    scope: values.scope?.trim(),
    codeOutbox: values["code-outbox"] === undefined ? undefined : checkedUrl("--code-outbox", values["code-outbox"]),
    enrollTotp: Boolean(values["enroll-totp"]),
    keepFactor: Boolean(values["keep-factor"]),
    requestTimeoutMs: timeoutSeconds === undefined ? undefined : Math.round(timeoutSeconds * 1000),
    maxRetries: numberIn("--max-retries", values["max-retries"], MAX_RETRIES),
    password: env[PASSWORD_ENV] || undefined,
    totpSecret,
  };
}
