import { systemClock } from "./clock";
import { discover, discoveryUrl, Endpoints, fetchJwks, JsonWebKeySet } from "./discovery";
import { HttpClient, RequestTally } from "./httpClient";
import { problemOf } from "./problem";
import { Redactor } from "../http/redactor";
import { describeProblem, resultWithoutRun, RunShared, runVariant, unknownVariant } from "./runVariant";
import { TotpCodes } from "./totp";
import { verifyPolicies } from "./policyCheck";
import { PolicyVerdict, SmokeOptions, SmokeReport } from "./types";

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 60_000;

/** Progress lines about the run as a whole (discovery, JWKS) carry this in place of a variant. */
export const RUN_SCOPE = "*";

/**
 * Drives every target's flow against the issuer, one after the other (one test user, one phone:
 * concurrent flows would read each other's codes). Never throws for anything the server does;
 * throws only for a TOTP secret that is not base32.
 */
export async function runSmoke(options: SmokeOptions): Promise<SmokeReport> {
  const clock = options.clock ?? systemClock;
  const secrets = new Redactor();
  secrets.add(options.password);
  secrets.add(options.totpSecret);
  // Built first: an invalid secret is the caller's mistake and throws before any request.
  const totp = options.totpSecret ? new TotpCodes(options.totpSecret, clock) : undefined;
  const http = new HttpClient({
    clock,
    timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS,
    fetch: options.fetch,
    onRateLimited: ({ owner, path, waitMs, retry }) =>
      options.onProgress?.({ variant: owner, step: "rate-limit", detail: `${path} answered 429; retry ${retry} in ${Math.ceil(waitMs / 1000)} s` }),
  });
  const shared: RequestTally = { count: 0, owner: RUN_SCOPE };
  const report: SmokeReport = { issuer: options.issuer, results: [] };

  let endpoints: Endpoints;
  try {
    options.onProgress?.({ variant: RUN_SCOPE, step: "discovery", detail: `GET ${discoveryUrl(options.issuer)}` });
    endpoints = await discover(http, options.issuer, shared);
  } catch (error) {
    const problem = problemOf(error);
    report.results = options.targets.map(
      (target) =>
        unknownVariant(target) ??
        resultWithoutRun(target, "fail", "discovery", secrets.redact(describeProblem(problem, "discovery", target, { options }))),
    );
    return report;
  }

  let keys: Promise<JsonWebKeySet> | undefined;
  const run: RunShared = {
    options,
    endpoints,
    http,
    clock,
    secrets,
    totp,
    keys(onFetch) {
      if (!keys) {
        onFetch();
        // A failed fetch is forgotten so the next variant may try again; a good one is kept for the run.
        keys = fetchJwks(http, endpoints.jwks, shared).catch((error) => {
          keys = undefined;
          throw error;
        });
      }
      return keys;
    },
  };
  for (const target of options.targets) report.results.push(await runVariant(target, run));
  if (options.management) await addPolicyVerdicts(report, options, secrets);
  return report;
}

/**
 * Okta's policy simulation for every target; a failure of the simulation itself (no permission, org
 * unreachable) is said on each result instead of ending the run: the flows' results stand.
 */
async function addPolicyVerdicts(report: SmokeReport, options: SmokeOptions, secrets: Redactor): Promise<void> {
  options.onProgress?.({ variant: RUN_SCOPE, step: "policy", detail: "POST /api/v1/policies/simulate for the test user's sign-in to each app" });
  let verdicts: PolicyVerdict[];
  try {
    verdicts = await verifyPolicies(options.management!, options.username, options.targets);
  } catch (error) {
    const why = secrets.redact(error instanceof Error ? error.message : String(error));
    verdicts = options.targets.map(() => ({ verified: false, notSimulated: true, text: `not simulated: ${why}` }));
  }
  report.results.forEach((result, i) => {
    result.policy = { ...verdicts[i], text: secrets.redact(verdicts[i].text) };
  });
}
