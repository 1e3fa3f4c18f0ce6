import * as pulumi from "@pulumi/pulumi";
import { DirectAuthSetup } from "../components/directAuthSetup";
import { CLASSIC_OKTA_VERIFY_KEY } from "./catalogue/oktaVerify";
import { readStackConfig } from "./config/readStackConfig";
import { setupOptions } from "./model/resourceOptions";

/**
 * The whole Pulumi program as a function, so `index.ts`, the tests, the plan and the emulator all
 * evaluate exactly the same thing. Config is validated first: a bad value throws before any resource.
 */
export type ProgramOutputs = {
  issuer: pulumi.Output<string>;
  apps: DirectAuthSetup["apps"];
  testUserLogin: pulumi.Output<string>;
  /** Only when the stack created the test user, so a looked-up user gets no empty output. */
  testUserPassword?: pulumi.Output<string>;
  /** Only with phone variants: the channels activated, so the smoke check uses one that is on. */
  phoneChannels?: pulumi.Output<string[]>;
  /** Only with Okta Verify variants: the kind of org, so the smoke check names the key the org has. */
  oktaVerify?: pulumi.Output<string>;
};

export function defineDirectAuthProgram(): ProgramOutputs {
  const { config, orgUrl, connection } = readStackConfig();
  const setup = new DirectAuthSetup(
    "direct-auth",
    { config, orgUrl, stackName: pulumi.getStack(), connection: pulumi.secret(connection) },
    setupOptions(config.protect),
  );
  const uses = (key: string) => config.apps.some((app) => app.variants.some((v) => v.authenticatorKey === key));
  return {
    issuer: setup.issuer,
    apps: setup.apps,
    testUserLogin: setup.testUserLogin,
    ...(setup.testUserPassword ? { testUserPassword: setup.testUserPassword } : {}),
    ...(uses("phone_number") ? { phoneChannels: pulumi.output([...config.phoneChannels]) } : {}),
    ...(uses(CLASSIC_OKTA_VERIFY_KEY) ? { oktaVerify: pulumi.output(config.oktaVerify) } : {}),
  };
}
