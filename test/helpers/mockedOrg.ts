import * as pulumi from "@pulumi/pulumi";
import { PROJECT_NAME, drainPendingRegistrations } from "../../src/evaluate/evaluateProgram";
import { OfflineOkta } from "../../src/evaluate/offlineOkta";
import { RegistrationOptions, recordRegistrationOptions } from "../../src/evaluate/registrationOptions";
import { ORG_NAME, STACK } from "./stackConfig";

/**
 * The offline org, also keeping what the mocks are not told: each lookup's provider reference and
 * each registration's protect, retainOnDelete, deleteBeforeReplace and replaceOnChanges options
 * (by `type::name`).
 */
export class RecordingOrg extends OfflineOkta {
  readonly calls: pulumi.runtime.MockCallArgs[] = [];
  options = new Map<string, RegistrationOptions>();

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    this.calls.push(args);
    return super.call(args);
  }

  /** Every registration the mocks received, once in-flight ones have landed. */
  async registered(): Promise<pulumi.runtime.MockResourceArgs[]> {
    await drainPendingRegistrations();
    return this.resources;
  }
}

/**
 * Installs mocks and config the way the engine would before running a program, without running one:
 * for tests that call the program or a component themselves (config errors, explicit providers).
 */
export async function mockedOrg(config: Record<string, string>): Promise<RecordingOrg> {
  const org = new RecordingOrg(`https://${ORG_NAME}.okta.com`);
  await pulumi.runtime.setMocks(org, PROJECT_NAME, STACK, false);
  pulumi.runtime.setAllConfig(config);
  org.options = recordRegistrationOptions();
  return org;
}
