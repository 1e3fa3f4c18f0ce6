import { EmulatorOptions, OrgBaseline, RunningEmulator, startOktaEmulator } from "../../../src/emulator";
import { Evaluation } from "../../../src/evaluate/evaluateProgram";
import { OktaManagementClient } from "../../../src/orgSettings/managementClient";
import { OktaEnrollmentPolicy, OktaAuthenticator, OktaAuthenticatorMethod } from "../../../src/orgSettings/oktaShapes";
import { devStackOrgs } from "../../helpers/orgs";
import { OKTA } from "../../helpers/tokens";

export const API_TOKEN = "emulator-test-token";

type BaselineOptions = Pick<EmulatorOptions, "serviceApps">;

/**
 * An emulated org holding only the baseline starts from the evaluation's test user alone (no
 * declared setup applied), so the org-settings code under test is what changes it.
 */
function onlyTheUser(evaluation: Evaluation): Evaluation {
  return { ...evaluation, resources: evaluation.resources.filter((r) => r.type === OKTA.user) };
}

function baselineOptions(baseline: OrgBaseline | undefined, options: BaselineOptions): EmulatorOptions {
  return { baseline, apiToken: API_TOKEN, pollIntervalSeconds: 0, ...options };
}

/** An org holding only the baseline, that the caller closes. */
export async function orgWithBaseline(evaluation: Evaluation, baseline?: OrgBaseline, options: BaselineOptions = {}): Promise<RunningEmulator> {
  return startOktaEmulator({ evaluation: onlyTheUser(evaluation), ...baselineOptions(baseline, options) });
}

/**
 * Registers the file's hooks (see `devStackOrgs`); `withBaseline` starts an org holding only the
 * baseline, with the dev stack's test user, closed when its test ends.
 */
export function baselineOrgs() {
  const { dev, orgFor } = devStackOrgs();
  return {
    withBaseline: (baseline?: OrgBaseline, options: BaselineOptions = {}) => orgFor(onlyTheUser(dev()), baselineOptions(baseline, options)),
  };
}

export function clientFor(emulator: RunningEmulator): OktaManagementClient {
  return new OktaManagementClient({ orgUrl: emulator.url, apiToken: API_TOKEN }, { sleep: async () => {} });
}

export interface OrgSnapshot {
  authenticators: Record<string, { status: string; methods: Record<string, string>; settings?: Record<string, unknown> }>;
  /** The default enrollment policy as the API returns it, but for the time of its last change. */
  enrollmentPolicy: OktaEnrollmentPolicy;
}

/** Everything the org-settings code may touch, read through the management API. */
export async function snapshot(client: OktaManagementClient): Promise<OrgSnapshot> {
  const authenticators: OrgSnapshot["authenticators"] = {};
  for (const a of await client.get<OktaAuthenticator[]>("/api/v1/authenticators")) {
    const methods = await client.get<OktaAuthenticatorMethod[]>(`/api/v1/authenticators/${a.id}/methods`);
    authenticators[a.key] = { status: a.status, methods: Object.fromEntries(methods.map((m) => [m.type, m.status])), settings: a.settings };
  }
  const [policy] = (await client.get<OktaEnrollmentPolicy[]>("/api/v1/policies?type=MFA_ENROLL")).filter((p) => p.system);
  const { lastUpdated: _, ...enrollmentPolicy } = policy;
  return { authenticators, enrollmentPolicy: enrollmentPolicy as OktaEnrollmentPolicy };
}

export function enrollmentOf(policy: OktaEnrollmentPolicy, key: string): string | undefined {
  return policy.settings.authenticators?.find((a) => a.key === key)?.enroll.self;
}
