import { AuthenticatorMethod } from "../catalogue/authenticators";
import { isVariantId, Variant, variant as variantOf } from "../catalogue/variants";
import { diagnose } from "./diagnosis";
import { customServerId, Endpoints, JsonWebKeySet } from "./discovery";
import { FlowContext } from "./flows/context";
import { FLOWS } from "./flows";
import { HttpClient, pathOf, RequestTally } from "./httpClient";
import { readOAuth } from "./oauthResponse";
import { Evidence, POLICY_EVALUATION_FAILED } from "./policyEvidence";
import { fail, Problem, problemOf } from "./problem";
import { Redactor } from "../http/redactor";
import { TotpCodes } from "./totp";
import { Clock, SmokeOptions, SmokeResult, SmokeStatus, SmokeTarget, Step } from "./types";
import { verifyIdToken } from "./verifyIdToken";

/** What every variant of one run shares: fetched once, used by all. */
export interface RunShared {
  options: SmokeOptions;
  endpoints: Endpoints;
  /** The run's JWKS, fetched on first use. */
  keys(onFetch: () => void): Promise<JsonWebKeySet>;
  http: HttpClient;
  clock: Clock;
  secrets: Redactor;
  totp?: TotpCodes;
}

/** Fields of requests and answers that must never reach the output. */
const SECRET_FIELDS = ["password", "otp", "binding_code", "mfa_token", "oob_code", "access_token", "id_token", "refresh_token"];

export const DEFAULT_SCOPE = "openid profile";

/** Said instead of server text that quotes the request: the code and status still diagnose. */
const WITHHELD = "(the server's text quoted the request, so it is not shown)";

/**
 * Whether server text quotes what was sent: a secret in any spelling, or a field as a form carries
 * it (`password=...`). Such text is not quoted at all: redaction alone would still show the rest
 * of the request.
 */
function echoesRequest(text: string, form: Record<string, string | undefined>, secrets: Redactor): boolean {
  return secrets.contains(text) || Object.keys(form).some((field) => form[field] !== undefined && text.includes(`${field}=`));
}

export function channelFor(variant: Variant, phoneChannel: "sms" | "voice" = "sms"): AuthenticatorMethod {
  return variant.channels.includes(phoneChannel) ? phoneChannel : variant.channels[0];
}

/** For a target that never ran: the run failed before it (discovery), or it names no known variant. */
export function resultWithoutRun(target: SmokeTarget, status: "fail" | "skipped", step: Step, diagnosis: string): SmokeResult {
  return { variant: target.variant, app: target.app, status, step, diagnosis, requests: 0, ms: 0 };
}

export function unknownVariant(target: SmokeTarget): SmokeResult | undefined {
  return isVariantId(target.variant)
    ? undefined
    : resultWithoutRun(target, "skipped", "setup", `unknown variant ${JSON.stringify(String(target.variant))}`);
}

export function describeProblem(
  problem: Problem,
  step: Step,
  target: SmokeTarget,
  shared: Pick<RunShared, "options">,
  grantType?: string,
  evidence?: Evidence,
): string {
  const { options } = shared;
  const variant = variantOf(target.variant);
  return diagnose({
    problem,
    step,
    variant,
    app: target.app,
    clientId: target.clientId,
    issuer: options.issuer,
    username: options.username,
    scope: options.scope ?? DEFAULT_SCOPE,
    grantType,
    channel: variant.channels.length > 0 ? channelFor(variant, options.channel) : undefined,
    declaredGrantTypes: target.grantTypes,
    oktaVerify: options.oktaVerify,
    evidence,
  });
}

/**
 * After Okta's "Policy evaluation failed", what the run's evidence source finds behind it: the
 * global session policy matters to primary-factor flows, the access policy to custom servers.
 * Undefined without a source, for any other problem, or when the reads themselves fail.
 */
async function evidenceFor(problem: Problem, target: SmokeTarget, options: SmokeOptions, grantType?: string): Promise<Evidence | undefined> {
  const source = options.evidence;
  if (!source || problem.code !== "access_denied" || !POLICY_EVALUATION_FAILED.test(problem.description ?? "")) return undefined;
  const passwordless = variantOf(target.variant).factorMode === "1FA";
  const authServerId = customServerId(options.issuer);
  if (!passwordless && !authServerId) return undefined;
  try {
    const finding = await source.refusingPolicy({
      username: options.username,
      clientId: target.clientId,
      grantType,
      scopes: (options.scope ?? DEFAULT_SCOPE).split(" "),
      passwordless,
      authServerId,
    });
    return { source: source.source, finding };
  } catch {
    return undefined;
  }
}

export async function runVariant(target: SmokeTarget, shared: RunShared): Promise<SmokeResult> {
  const { options, clock, secrets } = shared;
  const started = clock.now();
  const tally: RequestTally = { count: 0, owner: target.variant };
  let step: Step = "setup";
  let grantType: string | undefined;
  const notices: string[] = [];
  const result = (status: SmokeStatus, diagnosis?: string): SmokeResult => ({
    variant: target.variant,
    app: target.app,
    status,
    step,
    ...(diagnosis ? { diagnosis: secrets.redact(diagnosis) } : {}),
    ...(notices.length > 0 ? { notices: notices.map((n) => secrets.redact(n)) } : {}),
    requests: tally.count,
    ms: Math.round(clock.now() - started),
  });
  const progress = (detail?: string) =>
    options.onProgress?.({ variant: target.variant, step, ...(detail ? { detail: secrets.redact(detail) } : {}) });

  const unknown = unknownVariant(target);
  if (unknown) return unknown;
  const variant = variantOf(target.variant);
  if (variant.factorMode === "2FA" && !options.password) {
    step = "password";
    return result("skipped", "no password for the test user's password leg: set OKTA_SMOKE_PASSWORD (a stack that created the user provides it)");
  }

  const ctx: FlowContext = {
    variant,
    target,
    endpoints: shared.endpoints,
    username: options.username,
    password: options.password,
    scope: options.scope ?? DEFAULT_SCOPE,
    channel: channelFor(variant, options.channel),
    completeHumanSteps: Boolean(options.interactive || options.codeSource),
    interactive: Boolean(options.interactive),
    codeSource: options.codeSource,
    totp: shared.totp,
    clock,
    secrets,
    enter(next, detail, grant) {
      step = next;
      grantType = grant ?? grantType;
      progress(detail);
    },
    note: (detail) => progress(detail),
    notice(text) {
      notices.push(text);
      progress(text);
    },
    async post(url, form) {
      const full: Record<string, string | undefined> = { client_id: target.clientId, ...form };
      for (const field of SECRET_FIELDS) secrets.add(full[field]);
      const answer = readOAuth(await shared.http.postForm(url, full, tally), pathOf(url));
      for (const field of SECRET_FIELDS) {
        const value = answer.body[field];
        if (typeof value === "string") secrets.add(value);
      }
      if (!answer.ok && answer.problem.description !== undefined && echoesRequest(answer.problem.description, full, secrets)) {
        answer.problem.description = WITHHELD;
      }
      return answer;
    },
    async finish(tokens) {
      const idToken = tokens.id_token;
      if (typeof idToken !== "string" || idToken.length === 0) fail("no_id_token");
      const jwks = await shared.keys(() => ctx.enter("jwks", `GET ${pathOf(shared.endpoints.jwks)}`));
      ctx.enter("id-token", "verifying signature, iss, aud and exp against the JWKS");
      await verifyIdToken(idToken, jwks, { issuer: shared.endpoints.issuer, clientId: target.clientId, now: clock.now() });
      return { status: "pass" };
    },
  };

  try {
    const outcome = await FLOWS[variant.flow](ctx);
    return result(outcome.status, outcome.note);
  } catch (error) {
    const problem = problemOf(error);
    const evidence = await evidenceFor(problem, target, options, grantType);
    return result("fail", describeProblem(problem, step, target, shared, grantType, evidence));
  }
}
