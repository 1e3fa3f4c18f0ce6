import { beforeAll, describe, expect, it } from "vitest";
import { EmulatorOptions, RecordedRequest } from "../../src/emulator";
import { decodeState, encodeState } from "../../src/emulator/stateFile";
import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { emulatedOrgs } from "../helpers/orgs";
import { devEvaluation } from "./support/evaluations";
import { getJson, sendJson } from "./support/http";

const SSWS = { authorization: "SSWS restore-token" };
let dev: Evaluation;
const startOrg = emulatedOrgs();

beforeAll(async () => {
  dev = await devEvaluation();
});

function start(options: EmulatorOptions = {}) {
  return startOrg({ evaluation: dev, apiToken: "restore-token", ...options });
}

describe("an emulator serving a saved org", () => {
  it("answers with what the previous one was told through the API", async () => {
    const first = await start();
    const authenticators = (await getJson(`${first.url}/api/v1/authenticators`, SSWS)).body as unknown as { id: string; key: string }[];
    const phone = authenticators.find((a) => a.key === "phone_number")!;
    expect((await sendJson("POST", `${first.url}/api/v1/authenticators/${phone.id}/methods/voice/lifecycle/activate`, undefined, SSWS)).status).toBe(200);

    const second = await start({ org: decodeState(encodeState(first.org), "saved") });
    const methods = (await getJson(`${second.url}/api/v1/authenticators/${phone.id}/methods`, SSWS)).body as unknown as { type: string; status: string }[];
    expect(methods.find((m) => m.type === "voice")?.status).toBe("ACTIVE");
    expect(second.testUser.password).toBe(first.testUser.password);
  });

  it("keeps custom apps, WebAuthn's AAGUIDs and a server's claims and scopes", async () => {
    const first = await start();
    const post = (path: string, body: unknown) => sendJson("POST", `${first.url}${path}`, body, SSWS);
    const customApp = await post("/api/v1/authenticators", {
      key: "custom_app",
      name: "Custom",
      provider: { type: "PUSH", configuration: { apns: { id: "ppc1", appBundleId: "com.example", debugAppBundleId: "com.example.debug" } } },
      settings: { appInstanceId: "0oa1", userVerification: "PREFERRED" },
    });
    const webauthn = await post("/api/v1/authenticators", { key: "webauthn" });
    await post(`/api/v1/authenticators/${webauthn.body.id}/aaguids`, { aaguid: "cb69481e-8ff7-4039-93ec-0a2729a154a8", name: "Key" });
    const claim = await post("/api/v1/authorizationServers/default/claims", { name: "tenant", claimType: "RESOURCE", value: "user.tenant" });
    const scope = await post("/api/v1/authorizationServers/default/scopes", { name: "orders:read" });

    const second = await start({ org: decodeState(encodeState(first.org), "saved") });
    // Links name each emulator's own port: the rest must be as the first one answered.
    const withoutLinks = ({ _links, ...rest }: Record<string, unknown>) => rest;
    const read = (path: string) => getJson(`${second.url}${path}`, SSWS).then((answer) => withoutLinks(answer.body));
    expect(await read(`/api/v1/authenticators/${customApp.body.id}`)).toEqual(withoutLinks(customApp.body));
    expect(await read(`/api/v1/authenticators/${webauthn.body.id}/aaguids/cb69481e-8ff7-4039-93ec-0a2729a154a8`)).toMatchObject({ name: "Key" });
    expect(await read(`/api/v1/authorizationServers/default/claims/${claim.body.id}`)).toEqual(withoutLinks(claim.body));
    expect(await read(`/api/v1/authorizationServers/default/scopes/${scope.body.id}`)).toEqual(withoutLinks(scope.body));
  });
});

describe("request records", () => {
  it("tells the listener of every answer and keeps none when recording is off", async () => {
    const seen: RecordedRequest[] = [];
    const emulator = await start({ recordRequests: false, onAnswered: (r) => seen.push(r) });
    await getJson(`${emulator.url}/.well-known/openid-configuration`);
    await getJson(`${emulator.url}/api/v1/authenticators`, SSWS);
    expect(seen.map((r) => [r.method, r.path, r.status])).toEqual([
      ["GET", "/.well-known/openid-configuration", 200],
      ["GET", "/api/v1/authenticators", 200],
    ]);
    expect(emulator.requests).toEqual([]);
  });
});
