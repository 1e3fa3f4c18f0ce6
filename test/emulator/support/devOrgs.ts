import { Evaluation } from "../../../src/evaluate/evaluateProgram";
import { devStackOrgs } from "../../helpers/orgs";
import { orgWithApi } from "./managementApi";

/**
 * Registers the test file's hooks: the dev stack evaluated once (evaluation is the slow part), and
 * every org started from it closed when its test ends. Each test gets a fresh org: API calls change it.
 */
export function devOrgs() {
  const { dev, orgFor } = devStackOrgs();
  return { dev, withApi: (of: Evaluation = dev()) => orgWithApi(of, (options) => orgFor(of, options)) };
}
