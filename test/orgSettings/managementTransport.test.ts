import { generateKeyPairSync } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { OktaManagementClient } from "../../src/orgSettings/managementClient";
import { OktaTransportError } from "../../src/orgSettings/managementTransport";
import { json, localServer, LocalServer } from "../smoke/localServer";

const API_TOKEN = "transport-test-token";
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(handler: Parameters<typeof localServer>[0]): Promise<LocalServer> {
  const started = await localServer(handler);
  servers.push(started);
  return started;
}

function client(orgUrl: string, requestTimeoutMs = 2000) {
  return new OktaManagementClient({ orgUrl, apiToken: API_TOKEN }, { requestTimeoutMs, sleep: async () => {} });
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OktaTransportError);
  expect((error as Error).name).toBe("OktaTransportError");
  const message = (error as Error).message;
  expect(message).not.toContain(API_TOKEN);
  expect(message.split("\n")).toHaveLength(1);
  return error as Error;
}

describe("the management client's transport", () => {
  it("gives up on an org that does not answer within the request timeout, in one sentence", async () => {
    const org = await server(() => undefined);
    const error = await errorOf(client(org.url, 300).get("/api/v1/users/t%40example.com"));
    expect(error.message).toBe(`GET /api/v1/users/t%40example.com on ${org.url} did not answer within 0.3 s`);
  });

  it("gives up on an answer whose body stalls", async () => {
    const org = await server((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"id":');
    });
    const error = await errorOf(client(org.url, 300).get("/api/v1/users/me"));
    expect(error.message).toMatch(/did not answer within 0\.3 s/);
  });

  it("says an HTML page came back instead of Okta's JSON, not a JSON parse error", async () => {
    const org = await server((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end("<!DOCTYPE html><html><body>Sign in</body></html>");
    });
    const error = await errorOf(client(org.url).post("/api/v1/users/u1/factors", { factorType: "token:software:totp" }));
    expect(error.message).toBe(`POST /api/v1/users/u1/factors on ${org.url} answered an HTML page (HTTP 200); check the org URL and any proxy`);
  });

  it("says so when the service app's token request gets an HTML page", async () => {
    const org = await server((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html>proxy login</html>");
    });
    const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const serviceApp = new OktaManagementClient({ orgUrl: org.url, clientId: "0oaSvc", privateKey, scopes: ["okta.users.manage"] }, { requestTimeoutMs: 2000 });
    const error = await errorOf(serviceApp.get("/api/v1/users/me"));
    expect(error.message).toBe(`POST /oauth2/v1/token on ${org.url} answered an HTML page (HTTP 200); check the org URL and any proxy`);
    expect(error.message).not.toContain("BEGIN");
  });

  it("refuses a redirect to another origin without sending the credentials there", async () => {
    const elsewhere = await server((_req, res) => json(res, 200, { id: "u1" }));
    const org = await server((req, res) => {
      res.writeHead(302, { Location: `${elsewhere.url}${req.url}` });
      res.end();
    });
    const error = await errorOf(client(org.url).get("/api/v1/users/me"));
    expect(error.message).toBe(`GET /api/v1/users/me on ${org.url} redirected (HTTP 302) to ${elsewhere.url}; redirects are not followed, so check the org URL`);
    expect(elsewhere.received).toEqual([]);
  });

  it("refuses a redirect on the same origin too: Okta's management API does not redirect", async () => {
    const org = await server((req, res) => {
      if (req.url === "/moved") return json(res, 200, { id: "u1" });
      res.writeHead(301, { Location: "/moved" });
      res.end();
    });
    await errorOf(client(org.url).get("/api/v1/users/me"));
    expect(org.received.map((r) => r.path)).toEqual(["/api/v1/users/me"]);
  });

  it("says an org it cannot connect to cannot be reached", async () => {
    const org = await server(() => undefined);
    const url = org.url;
    await servers.pop()!.close();
    const error = await errorOf(client(url).get("/api/v1/users/me"));
    expect(error.message).toBe(`could not reach ${new URL(url).host} (ECONNREFUSED)`);
  });

  it("still reads Okta's JSON answers and error bodies", async () => {
    const org = await server((req, res) =>
      req.url === "/api/v1/users/me"
        ? json(res, 200, { id: "u1" })
        : json(res, 404, { errorCode: "E0000007", errorSummary: "Not found: Resource not found: nobody (User)", errorCauses: [] }),
    );
    expect(await client(org.url).get("/api/v1/users/me")).toEqual({ id: "u1" });
    await expect(client(org.url).get("/api/v1/users/nobody")).rejects.toThrow("Okta answered 404 E0000007: Not found: Resource not found: nobody (User)");
  });

  it.each([
    ["an invalid Location", 302, "http://[::1", "an invalid URL"],
    ["no Location", 307, undefined, "own"],
    ["300 Multiple Choices", 300, "/api/v1/users/me2", "own"],
    ["304 Not Modified, which has no body", 304, undefined, "own"],
  ])("refuses a 3xx with %s too", async (_title, status, location, to) => {
    const org = await server((_req, res) => {
      res.writeHead(status, location === undefined ? {} : { Location: location });
      res.end();
    });
    const error = await errorOf(client(org.url).get("/api/v1/users/me"));
    const where = to === "own" ? org.url : to;
    expect(error.message).toBe(`GET /api/v1/users/me on ${org.url} redirected (HTTP ${status}) to ${where}; redirects are not followed, so check the org URL`);
  });

  it("refuses an answer larger than a mebibyte rather than buffer it", async () => {
    const org = await server((_req, res) => json(res, 200, { id: "u1", profile: "x".repeat(1024 * 1024) }));
    const error = await errorOf(client(org.url).get("/api/v1/users/me"));
    expect(error.message).toBe(`GET /api/v1/users/me on ${org.url} answered more than 1 MiB; check the org URL and any proxy`);
  });

  it("reads an empty 200 as no value", async () => {
    const org = await server((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    expect(await client(org.url).post("/api/v1/users/u1/lifecycle/reset_factors")).toBeUndefined();
  });

  it.each([
    ["text/html whatever its body", "text/html", "Sign in", "an HTML page"],
    ["an HTML document under another type, after blank lines", "text/plain", "\n  <!DOCTYPE html><html></html>", "an HTML page"],
    ["an <html> tag at the start", undefined, "<HTML><body>proxy</body></HTML>", "an HTML page"],
    ["text that merely mentions <html>", "text/plain", "no <html> here", "text/plain that is not JSON"],
    ["a media type in capitals, with parameters", "Text/Plain ; charset=utf-8", "Service unavailable", "text/plain that is not JSON"],
    ["no media type", undefined, "Service unavailable", "a body that is not JSON"],
  ])("names what came back instead of JSON: %s", async (_title, type, body, what) => {
    const org = await server((_req, res) => {
      res.writeHead(200, type === undefined ? {} : { "Content-Type": type });
      res.end(body);
    });
    const error = await errorOf(client(org.url).get("/api/v1/users/me"));
    expect(error.message).toBe(`GET /api/v1/users/me on ${org.url} answered ${what} (HTTP 200); check the org URL and any proxy`);
  });

  it("names only the kind of failure when a credential cannot go in a header, never the credential", async () => {
    const org = await server((_req, res) => json(res, 200, {}));
    const token = "00secret\ntoken";
    const error = await errorOf(new OktaManagementClient({ orgUrl: org.url, apiToken: token }).get("/api/v1/users/me"));
    expect(error.message).toBe(`could not reach ${new URL(org.url).host} (TypeError)`);
    expect(org.received).toEqual([]);
  });
});
