import { randomBytes } from "node:crypto";
import { OktaVerifyMode } from "../catalogue/oktaVerify";
import { Edition, RecordedRequest, startOktaEmulator } from "../emulator";
import { provisionSetup } from "../provision/provisionSetup";
import { Evaluation } from "../evaluate/evaluateProgram";
import { isVariantId, variant } from "../catalogue/variants";
import { OktaManagementClient } from "../orgSettings/managementClient";
import { enrollGoogleAuthenticator } from "../orgSettings/totpEnrollment";
import { outboxCodeSource, runSmoke } from "../smoke";
import { ProgressEvent, SmokeReport } from "../smoke/types";
import { stackOutputsSchema, targetsFromStack } from "../smoke/stackOutputs";

export interface OfflineRunOptions {
  evaluation: Evaluation;
  /** Seconds between push polls; Okta says 5, the emulator is told less so the run stays short. */
  pollIntervalSeconds?: number;
  channel?: "sms" | "voice";
  /** The kind of org to emulate; default classic. */
  oktaVerify?: OktaVerifyMode;
  onProgress?: (event: ProgressEvent) => void;
  /** The org's edition, whose rate limits the setup and the smoke check are held to; default the free developer edition. */
  edition?: Edition;
  /** "reported": headers only, no 429 (tests that are not about limits). */
  rateLimits?: "enforced" | "reported";
  /** Told of every request the org answered (benchmarks count the 429s). */
  onAnswered?: (request: RecordedRequest) => void;
  /** Told when the setup waits out a 429, as Okta's headers ask. */
  onSetupRateLimited?: (info: { method: string; path: string; waitMs: number }) => void;
}

/**
 * The program's issuer names the real org (`https://{org}.okta.com[/oauth2/{id}]`); the same
 * authorization server on the emulator lives under the emulator's URL.
 */
export function emulatedIssuer(declaredIssuer: string, issuer: (authServerId?: string) => string): string {
  const authServerId = /\/oauth2\/([^/]+)\/?$/.exec(new URL(declaredIssuer).pathname)?.[1];
  return issuer(authServerId);
}

/** Whether an app serves a variant whose factor is Google Authenticator. */
export function usesTotp(apps: readonly { variants: readonly string[] }[]): boolean {
  return apps.some((app) => app.variants.some((id) => isVariantId(id) && variant(id).authenticatorKey === "google_otp"));
}

/**
 * The main job on the embedded default: a fresh emulated org, configured through Okta's management
 * API with the calls `pulumi up` makes for what the evaluated program declares, and the full smoke
 * check of every variant the stack configures against it.
 */
export async function runOffline(options: OfflineRunOptions): Promise<SmokeReport> {
  const { evaluation } = options;
  const apiToken = `00${randomBytes(30).toString("base64url")}`;
  const emulator = await startOktaEmulator({
    apiToken,
    pollIntervalSeconds: options.pollIntervalSeconds ?? 1,
    oktaVerify: options.oktaVerify,
    push: { outcome: "approve", afterPolls: 1, bindingMethod: "transfer" },
    edition: options.edition,
    rateLimits: options.rateLimits,
    recordRequests: false,
    onAnswered: options.onAnswered,
  });
  try {
    const provisioned = await provisionSetup(evaluation, { orgUrl: emulator.url, apiToken }, { onRateLimited: options.onSetupRateLimited });
    const outputs = stackOutputsSchema.parse({ ...provisioned.outputs, testUserPassword: undefined });
    const testUser = emulator.user(provisioned.testUser.login);
    if (!testUser) throw new Error("the provisioned org has no test user");
    // A user has no Google Authenticator factor until one is enrolled, on the emulator as in Okta.
    const totp = usesTotp(outputs.apps)
      ? await enrollGoogleAuthenticator(new OktaManagementClient({ orgUrl: emulator.url, apiToken }), testUser.login)
      : undefined;
    return await runSmoke({
      issuer: emulatedIssuer(outputs.issuer, emulator.issuer),
      targets: targetsFromStack(outputs, evaluation.stack),
      username: testUser.login,
      password: testUser.password,
      totpSecret: totp?.secret,
      channel: options.channel ?? outputs.phoneChannels?.[0],
      oktaVerify: outputs.oktaVerify,
      codeSource: outboxCodeSource(emulator.outboxUrl),
      management: new OktaManagementClient({ orgUrl: emulator.url, apiToken }),
      onProgress: options.onProgress,
    });
  } finally {
    await emulator.close();
  }
}
