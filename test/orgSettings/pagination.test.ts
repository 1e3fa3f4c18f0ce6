import { afterEach, describe, expect, it } from "vitest";
import { OktaManagementClient, nextPageOf } from "../../src/orgSettings/managementClient";
import { LocalServer, json, localServer } from "../smoke/localServer";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("reading every page of a list", () => {
  it("follows Okta's rel=\"next\" links to the end and keeps the credentials on the org", async () => {
    server = await localServer((req, res) => {
      const after = new URL(req.url ?? "/", "http://x").searchParams.get("after");
      const self = `<${server!.url}${req.url}>; rel="self"`;
      if (!after) json(res, 200, [{ id: "a" }, { id: "b" }], { Link: `${self}, <${server!.url}/api/v1/apps?after=b&limit=2>; rel="next"` });
      else if (after === "b") json(res, 200, [{ id: "c" }], { Link: `${self}, <${server!.url}/api/v1/apps?after=c&limit=2>; rel="next"` });
      else json(res, 200, [], { Link: self });
    });
    const client = new OktaManagementClient({ orgUrl: server.url, apiToken: "page-token" });
    expect((await client.getAll<{ id: string }>("/api/v1/apps?limit=2")).map((a) => a.id)).toEqual(["a", "b", "c"]);
    expect(server.received.map((r) => r.path)).toEqual(["/api/v1/apps?limit=2", "/api/v1/apps?after=b&limit=2", "/api/v1/apps?after=c&limit=2"]);
    expect(server.received.every((r) => r.headers.authorization === "SSWS page-token")).toBe(true);
  });

  it("refuses a next page on another origin instead of sending the token there", () => {
    expect(() => nextPageOf('<https://elsewhere.example/api/v1/apps?after=x>; rel="next"', "https://dev-1.okta.com")).toThrow(
      /next page on https:\/\/elsewhere\.example; credentials go to https:\/\/dev-1\.okta\.com only/,
    );
    expect(nextPageOf('<https://dev-1.okta.com/api/v1/apps?after=x>; rel="self"', "https://dev-1.okta.com")).toBeUndefined();
  });

  it("stops at a hundred pages when the org links its pages in a circle", async () => {
    server = await localServer((req, res) => json(res, 200, [{ id: "a" }], { Link: `<${server!.url}/api/v1/apps?after=a>; rel="next"` }));
    const client = new OktaManagementClient({ orgUrl: server.url, apiToken: "page-token" });
    await expect(client.getAll("/api/v1/apps")).rejects.toThrow("more than 100 pages of /api/v1/apps; narrow the query");
    expect(server.received).toHaveLength(100);
  });

  it("counts a page answered with no body as empty", async () => {
    server = await localServer((req, res) => {
      if (req.url === "/api/v1/apps") return json(res, 200, [{ id: "a" }], { Link: `<${server!.url}/api/v1/apps?after=a>; rel="next"` });
      res.writeHead(200, { Link: `<${server!.url}/api/v1/apps?after=b>; rel="self"` });
      res.end();
    });
    const client = new OktaManagementClient({ orgUrl: server.url, apiToken: "page-token" });
    expect(await client.getAll("/api/v1/apps")).toEqual([{ id: "a" }]);
  });

  it.each([
    ['<https://dev-1.okta.com/api/v1/apps?after=x>; rel="next"'],
    ['<https://dev-1.okta.com/api/v1/apps?after=x>;rel=next'],
    ['<https://dev-1.okta.com/api/v1/apps?after=x> ;  rel="next"'],
    ['<https://dev-1.okta.com/api/v1/apps?after=w>; rel="self", <https://dev-1.okta.com/api/v1/apps?after=x>; rel=next'],
  ])("reads the next link however RFC 8288 lets it be spaced and quoted: %s", (link) => {
    expect(nextPageOf(link, "https://dev-1.okta.com")).toBe("/api/v1/apps?after=x");
  });
});
