import * as pulumi from "@pulumi/pulumi";
import { DirectAuthSetup } from "../components/directAuthSetup";
import { readStackConfig } from "./config/readStackConfig";
import { setupOptions } from "./model/resourceOptions";

/**
 * The whole Pulumi program as a function, so `index.ts`, the tests, the plan and the emulator all
 * evaluate exactly the same thing. Config is validated first: a bad value throws before any resource.
 */
export function defineDirectAuthProgram() {
  const { config, orgUrl, connection } = readStackConfig();
  const setup = new DirectAuthSetup(
    "direct-auth",
    { config, orgUrl, stackName: pulumi.getStack(), connection: pulumi.secret(connection) },
    setupOptions(config.protect),
  );
  return {
    issuer: setup.issuer,
    apps: setup.apps,
    testUserLogin: setup.testUserLogin,
    testUserPassword: setup.testUserPassword,
  };
}
