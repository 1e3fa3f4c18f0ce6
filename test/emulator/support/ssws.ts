import { EmulatorOptions, RunningEmulator } from "../../../src/emulator";
import { emulatedOrgs } from "../../helpers/orgs";
import { getJson, sendJson } from "./http";

const API_TOKEN = "ssws-test-token";
const SSWS = { authorization: `SSWS ${API_TOKEN}` };

/**
 * For management-API tests that need no evaluated program: registers the file's org cleanup and
 * returns a function that starts a bare org (Okta's baseline) with an SSWS client for it.
 */
export function bareOrgs(defaults: EmulatorOptions = {}) {
  const start = emulatedOrgs({ apiToken: API_TOKEN, ...defaults });
  return async () => {
    const emulator: RunningEmulator = await start();
    return {
      emulator,
      get: (path: string) => getJson(`${emulator.url}${path}`, SSWS),
      post: (path: string, body?: unknown) => sendJson("POST", `${emulator.url}${path}`, body, SSWS),
      put: (path: string, body: unknown) => sendJson("PUT", `${emulator.url}${path}`, body, SSWS),
      delete: (path: string) => sendJson("DELETE", `${emulator.url}${path}`, undefined, SSWS),
    };
  };
}
