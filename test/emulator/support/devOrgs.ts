import { beforeAll } from "vitest";
import { Evaluation } from "../../../src/evaluate/evaluateProgram";
import { emulatedOrgs } from "../../helpers/orgs";
import { devEvaluation } from "./evaluations";
import { orgWithApi } from "./managementApi";

/**
 * Registers the test file's hooks: the dev stack evaluated once (evaluation is the slow part), and
 * every org started from it closed at the end. Each test gets a fresh org: API calls change it.
 */
export function devOrgs() {
  let dev: Evaluation | undefined;
  const start = emulatedOrgs();
  beforeAll(async () => {
    dev = await devEvaluation();
  });
  const evaluation = (): Evaluation => {
    if (!dev) throw new Error("devOrgs(): the dev evaluation is read before beforeAll ran");
    return dev;
  };
  return { dev: evaluation, withApi: (of: Evaluation = evaluation()) => orgWithApi(of, start) };
}
