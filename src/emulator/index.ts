import { issuerUrl } from "../okta/issuer";
import { DEFAULT_BASELINE, FLEXIBLE_BASELINE, OrgBaseline } from "./baseline";
import { declaredOrg } from "./declaredOrg";
import { FaultQueue } from "./faults";
import { signingKey } from "./keys";
import { DEFAULT_EDITION, RateLimiter } from "./rateLimit";
import { Org, OrgUser, baselineOrg } from "./orgModel";
import { ServiceApps } from "./oauth/serviceApps";
import { Outbox } from "./messageOutbox";
import { EmulatorServer } from "./server";
import { EmulatorSettings, EmulatorState } from "./state";
import { EMULATOR_PATH_PREFIX } from "./testSurface";
import { orgAdministrator } from "./orgAdministrator";
import { Transactions } from "./transactions";
import { EmulatorOptions, RunningEmulator, TestUserCredentials } from "./inProcessApi";
import { RecordedRequest } from "./server";
import { PushOptions } from "./state";

export type { Declaration } from "../okta/declaration";
export type { EnrollSetting, LifecycleStatus } from "../okta/status";
export { DEFAULT_BASELINE, FLEXIBLE_BASELINE } from "./baseline";
export { DEFAULT_EDITION, EDITIONS, isEdition } from "./rateLimit";
export type { Edition } from "./rateLimit";
export type { OrgBaseline } from "./baseline";
export type { Fault } from "./faults";
export type { EmulatorOptions, RunningEmulator, TestUserCredentials } from "./inProcessApi";
export type { IdTokenDefect } from "./oauth/idTokenDefects";
export type { ServiceAppRegistration } from "./oauth/serviceApps";
export type { RecordedRequest } from "./server";
export type { PushOptions } from "./state";

const DEFAULT_PUSH: PushOptions = { outcome: "approve", afterPolls: 1, bindingMethod: "none" };

/**
 * Starts an Okta org on 127.0.0.1 (ephemeral port): a saved `org`, or `baseline` (a fresh Identity
 * Engine org by default) with what `evaluation` declares placed in it directly, or with nothing, to
 * be configured through the management API. See docs/okta-emulator.md.
 */
export async function startOktaEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const now = new Date().toISOString();
  const org = options.org ?? (options.evaluation ? declaredOrg(options.evaluation, baselineOf(options), options.testUserPassword, now) : freshOrg(options, now));

  await signingKey("");
  const state: EmulatorState = {
    org,
    settings: settingsOf(options),
    outbox: new Outbox(),
    faults: new FaultQueue(),
    transactions: new Transactions(),
    serviceApps: new ServiceApps(options.serviceApps),
    url: "",
  };
  const requests: RecordedRequest[] = [];
  const limiter = new RateLimiter(options.edition ?? DEFAULT_EDITION, options.rateLimits !== "reported");
  const server = new EmulatorServer(
    state,
    (request) => {
      if (options.recordRequests !== false) requests.push(request);
      options.onAnswered?.(request);
    },
    limiter,
  );
  state.url = await server.listen(options.port);

  return {
    url: state.url,
    issuer: (authServerId) => issuerUrl(state.url, authServerId),
    testUser: credentialsOf(org.user),
    user: (login) => {
      const user = org.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
      return user && credentialsOf(user);
    },
    outboxUrl: `${state.url}${EMULATOR_PATH_PREFIX}outbox`,
    injectFault: (fault) => {
      if (fault.kind === "expire") state.transactions.expireAll(fault.what, Date.now());
      else state.faults.add(fault);
    },
    requests,
    org,
    close: () => server.close(),
  };
}

/** The baseline asked for, else a fresh org of the kind asked for (Flexible Okta Verify or not). */
function baselineOf(options: EmulatorOptions): OrgBaseline {
  return options.baseline ?? (options.oktaVerify === "flexible" ? FLEXIBLE_BASELINE : DEFAULT_BASELINE);
}

/** An org as Okta hands it over: nothing configured, its administrator the only user. */
function freshOrg(options: EmulatorOptions, now: string): Org {
  return baselineOrg(baselineOf(options), orgAdministrator(now), now);
}

function settingsOf(options: EmulatorOptions): EmulatorSettings {
  const settings: EmulatorSettings = {
    push: { ...DEFAULT_PUSH, ...options.push },
    pollIntervalSeconds: options.pollIntervalSeconds ?? 5,
    oobExpiresInSeconds: options.oobExpiresInSeconds ?? 300,
    mfaTokenExpiresInSeconds: options.mfaTokenExpiresInSeconds ?? 300,
    apiToken: options.apiToken,
    throttles: options.rateLimits !== "reported",
  };
  const invalid = [
    ["pollIntervalSeconds", settings.pollIntervalSeconds, 0],
    ["oobExpiresInSeconds", settings.oobExpiresInSeconds, Number.MIN_VALUE],
    ["mfaTokenExpiresInSeconds", settings.mfaTokenExpiresInSeconds, Number.MIN_VALUE],
    ["push.afterPolls", settings.push.afterPolls, 0],
  ].filter(([, value, min]) => !Number.isFinite(value) || (value as number) < (min as number));
  if (invalid.length > 0) throw new RangeError(`invalid emulator options: ${invalid.map(([name]) => name).join(", ")}`);
  return settings;
}

/** Read through to the org, so a Google Authenticator re-enrolled via the factors API shows its new secret. */
function credentialsOf(user: OrgUser): TestUserCredentials {
  return {
    get login() {
      return user.login;
    },
    get password() {
      return user.password;
    },
    get totpSecret() {
      return user.totpSecret;
    },
  };
}
