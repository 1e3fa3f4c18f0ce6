import * as pulumi from "@pulumi/pulumi";
import { DirectAuthSetup } from "../components/directAuthSetup";
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
};

export function defineDirectAuthProgram(): ProgramOutputs {
  const { config, orgUrl, connection } = readStackConfig();
  const setup = new DirectAuthSetup(
    "direct-auth",
    { config, orgUrl, stackName: pulumi.getStack(), connection: pulumi.secret(connection) },
    setupOptions(config.protect),
  );
  const usesPhone = config.apps.some((app) => app.variants.some((v) => v.authenticatorKey === "phone_number"));
  return {
    issuer: setup.issuer,
    apps: setup.apps,
    testUserLogin: setup.testUserLogin,
    ...(setup.testUserPassword ? { testUserPassword: setup.testUserPassword } : {}),
    ...(usesPhone ? { phoneChannels: pulumi.output([...config.phoneChannels]) } : {}),
  };
}
