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
});
