import { EmulatorOptions, OrgBaseline, RunningEmulator, startOktaEmulator } from "../../../src/emulator";
import { Evaluation } from "../../../src/evaluate/evaluateProgram";
import { OktaManagementClient } from "../../../src/orgSettings/managementClient";
import { OktaEnrollmentPolicy, OktaAuthenticator, OktaAuthenticatorMethod } from "../../../src/orgSettings/oktaShapes";
import { OKTA } from "../../helpers/tokens";

export const API_TOKEN = "emulator-test-token";

/**
 * An emulated org holding only the baseline (no declared setup applied), so the org-settings code
 * under test is what changes it.
 */
export async function orgWithBaseline(
  evaluation: Evaluation,
  baseline?: OrgBaseline,
  options: Pick<EmulatorOptions, "serviceApps"> = {},
): Promise<RunningEmulator> {
  const onlyTheUser: Evaluation = { ...evaluation, resources: evaluation.resources.filter((r) => r.type === OKTA.user) };
  return startOktaEmulator({ evaluation: onlyTheUser, baseline, apiToken: API_TOKEN, pollIntervalSeconds: 0, ...options });
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
