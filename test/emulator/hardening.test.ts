import { connect } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { RunningEmulator } from "../../src/emulator";
import { MAX_BODY_DEPTH } from "../../src/emulator/management/api";
import { Outbox } from "../../src/emulator/messageOutbox";
import { emulatedOrgs } from "../helpers/orgs";
import { devEvaluation } from "./support/evaluations";
import { expectOktaError } from "./support/expectations";
import { getJson, sendJson } from "./support/http";

const start = emulatedOrgs();
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await start({ evaluation: await devEvaluation() });
});

/** Sends `request` as written on one connection and resolves to the status line of the answer. */
function rawStatusLine(request: string): Promise<string> {
  const { port } = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.end(request));
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("end", () => resolve(received.split("\r\n")[0]));
    socket.on("error", reject);
  });
}

describe("a request the URL parser rejects", () => {
  it("answers 400 and the emulator keeps serving", async () => {
    const statusLine = await rawStatusLine("GET http://a:99999/x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    expect(statusLine).toMatch(/^HTTP\/1\.1 400 /);
    expect((await getJson(`${emulator.url}/.well-known/openid-configuration`)).status).toBe(200);
  });
});

describe("a body over 1 MiB", () => {
  it("answers 413 with Okta's error body instead of resetting the connection", async () => {
    const answer = await sendJson("POST", `${emulator.url}/api/v1/apps`, { label: "x".repeat((1 << 20) + 10) });
    expectOktaError(answer, 413, "E0000003");
    expect((await getJson(`${emulator.url}/.well-known/openid-configuration`)).status).toBe(200);
  });
});

describe("a body nested deeper than Okta's bodies ever are", () => {
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
  const appBody = (visibility: string, label: string) =>
    `{"name":"oidc_client","label":"${label}","signOnMode":"OPENID_CONNECT","visibility":${visibility},` +
    `"credentials":{"oauthClient":{"token_endpoint_auth_method":"none"}},"settings":{"oauthClient":{"application_type":"native",` +
    `"grant_types":["authorization_code","password"],"response_types":["code"],"redirect_uris":["com.example:/cb"]}}}`;
  const post = (body: string) =>
    fetch(`${emulator.url}/api/v1/apps`, { method: "POST", headers: { "content-type": "application/json" }, body });

  it("answers 400 E0000003 and stores nothing; the org keeps answering", async () => {
    const answer = await post(appBody(nested(4400), "Deep App"));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ errorCode: "E0000003", errorLink: "E0000003" });
    const apps = await getJson(`${emulator.url}/api/v1/apps`);
    expect(apps.status).toBe(200);
    expect(JSON.stringify(apps.body)).not.toContain("Deep App");
  });

  it("is refused from one level past the documented depth, brackets inside strings not counted", async () => {
    expect((await post(appBody(nested(MAX_BODY_DEPTH), "Depth 65"))).status).toBe(400);
    const atLimit = await post(appBody(nested(MAX_BODY_DEPTH - 2), "Depth 63 {{{{[[[["));
    expect(atLimit.status, await atLimit.text()).toBe(200);
  });
});

describe("the outbox", () => {
  it("keeps the newest messages per login, dropping the oldest", () => {
    const outbox = new Outbox({ perLogin: 3, overall: 100 });
    for (let i = 1; i <= 5; i++) outbox.send("a@example.com", "sms", String(i));
    expect(outbox.read("a@example.com").map((m) => m.code)).toEqual(["3", "4", "5"]);
  });

  it("keeps the newest messages overall, dropping the oldest of any login", () => {
    const outbox = new Outbox({ perLogin: 100, overall: 4 });
    outbox.send("a@example.com", "sms", "a1");
    outbox.send("b@example.com", "sms", "b1");
    outbox.send("a@example.com", "email", "a2");
    outbox.send("b@example.com", "sms", "b2");
    outbox.send("c@example.com", "sms", "c1");
    outbox.send("c@example.com", "sms", "c2");
    expect(outbox.read("a@example.com").map((m) => m.code)).toEqual(["a2"]);
    expect(outbox.read("b@example.com").map((m) => m.code)).toEqual(["b2"]);
    expect(outbox.read("c@example.com").map((m) => m.code)).toEqual(["c1", "c2"]);
  });

  it("is bounded by default", () => {
    const outbox = new Outbox();
    for (let i = 0; i < 10_000; i++) outbox.send(`user${i % 7}@example.com`, "sms", String(i));
    const total = [...Array(7).keys()].reduce((sum, i) => sum + outbox.read(`user${i}@example.com`).length, 0);
    expect(total).toBeLessThan(10_000);
    expect(outbox.read("user0@example.com").at(-1)?.code).toBe("9996");
  });
});
