import { Evaluation } from "../../../src/evaluate/evaluateProgram";
import { EmulatorOptions, RunningEmulator } from "../../../src/emulator";
import { endpointsOf } from "./flows";
import { JsonResponse, getJson, sendJson } from "./http";

const API_TOKEN = "test-api-token";
const SSWS = { authorization: `SSWS ${API_TOKEN}` };

/**
 * A fresh emulated org (management calls change it for good), started by the file's `emulatedOrgs`,
 * and an SSWS client for its API.
 */
export async function orgWithApi(evaluation: Evaluation, start: (options: EmulatorOptions) => Promise<RunningEmulator>) {
  const emulator = await start({ evaluation, apiToken: API_TOKEN, pollIntervalSeconds: 0 });
  const api = {
    get: (path: string) => getJson(`${emulator.url}${path}`, SSWS),
    post: (path: string, body?: unknown) => sendJson("POST", `${emulator.url}${path}`, body, SSWS),
    put: (path: string, body: unknown) => sendJson("PUT", `${emulator.url}${path}`, body, SSWS),
    delete: (path: string) => sendJson("DELETE", `${emulator.url}${path}`, undefined, SSWS),
  };
  return { emulator, api, endpoints: await endpointsOf(emulator) };
}

export const listOf = (answer: JsonResponse) => answer.body as unknown as Record<string, unknown>[];
export const causesOf = (answer: JsonResponse) =>
  (answer.body.errorCauses as { errorSummary: string }[]).map((c) => c.errorSummary).join("\n");
