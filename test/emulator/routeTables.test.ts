import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MANAGEMENT_ROUTES } from "../../src/emulator/management/routes";
import { OAUTH_ROUTES } from "../../src/emulator/oauth/routes";
import { routeMatcher } from "../../src/emulator/routeTable";
import { TEST_SURFACE_ROUTES } from "../../src/emulator/testSurface";

/**
 * docs/okta-emulator.md lists every route of each surface; the lists and the route tables the
 * emulator dispatches by must stay the same rows, so the docs say what the org really serves.
 */

const DOC = readFileSync(join(__dirname, "../../docs/okta-emulator.md"), "utf8");
const ROUTE_LINE = /^- `(GET|POST|PUT|DELETE) (\S+)`: (.+)$/;

/** The route lines under the heading that names `table`, up to the next heading. */
function documentedRows(table: string): string[] {
  const lines = DOC.split("\n");
  const start = lines.findIndex((line) => line.startsWith("### ") && line.includes(`\`${table}\``));
  expect(start, `docs/okta-emulator.md has a heading naming ${table}`).toBeGreaterThan(-1);
  const end = lines.findIndex((line, index) => index > start && line.startsWith("#"));
  const section = lines.slice(start + 1, end === -1 ? undefined : end).filter((line) => line.startsWith("- "));
  for (const line of section) expect(line, "a route line reads - `METHOD /path`: description").toMatch(ROUTE_LINE);
  return section;
}

const rowsOf = (routes: readonly { method: string; path: string; description: string }[]): string[] =>
  routes.map((route) => `- \`${route.method} ${route.path}\`: ${route.description}`);

describe("docs/okta-emulator.md lists each surface's route table, row for row", () => {
  it.each([
    ["OAUTH_ROUTES", OAUTH_ROUTES],
    ["MANAGEMENT_ROUTES", MANAGEMENT_ROUTES],
    ["TEST_SURFACE_ROUTES", TEST_SURFACE_ROUTES],
  ] as const)("%s", (table, routes) => {
    expect(documentedRows(table)).toEqual(rowsOf(routes));
  });

  it("no surface serves a method and path twice, so each row is reachable", () => {
    const keys = [...OAUTH_ROUTES, ...MANAGEMENT_ROUTES, ...TEST_SURFACE_ROUTES].map((route) => `${route.method} ${route.path}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});

describe("the shared route matcher", () => {
  const handle = (name: string) => name;
  const match = routeMatcher([
    { method: "POST", path: "/api/v1/policies/simulate", handle: handle("simulate"), description: "" },
    { method: "GET", path: "/api/v1/policies/{policyId}", handle: handle("read"), description: "" },
    { method: "POST", path: "/api/v1/policies/{policyId}/lifecycle/{action:activate|deactivate}", handle: handle("lifecycle"), description: "" },
    { method: "GET", path: "/.well-known/openid-configuration", handle: handle("discovery"), description: "" },
  ]);

  it("passes the placeholders' values in order, one segment each", () => {
    expect(match("POST", "/api/v1/policies/00p1/lifecycle/deactivate")).toEqual({ route: expect.objectContaining({ handle: "lifecycle" }), params: ["00p1", "deactivate"] });
    expect(match("GET", "/api/v1/policies/00p1/extra")).toEqual({ pathKnown: false });
  });

  it("accepts only the listed values of an alternative", () => {
    expect(match("POST", "/api/v1/policies/00p1/lifecycle/suspend")).toEqual({ pathKnown: false });
  });

  it("tries rows in table order, so a literal segment wins over a placeholder before it", () => {
    expect(match("POST", "/api/v1/policies/simulate")).toMatchObject({ route: { handle: "simulate" } });
    expect(match("GET", "/api/v1/policies/simulate")).toMatchObject({ route: { handle: "read" }, params: ["simulate"] });
  });

  it("reports a known path asked with another method, and matches literal dots only", () => {
    expect(match("DELETE", "/api/v1/policies/00p1")).toEqual({ pathKnown: true });
    expect(match("GET", "/Xwell-known/openid-configuration")).toEqual({ pathKnown: false });
  });
});
