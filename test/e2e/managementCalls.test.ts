import { describe, expect, it } from "vitest";
import { countManagementCalls, endpointOf } from "../../src/e2e/managementCalls";

describe("management calls by endpoint", () => {
  it("writes Okta ids and logins as placeholders, and keeps the path's words", () => {
    expect(endpointOf("/api/v1/apps/0oa1b2c3d4e5f6g7h8i9/groups/00g9h8g7f6e5d4c3b2a1")).toBe("/api/v1/apps/{id}/groups/{id}");
    expect(endpointOf("/api/v1/users/direct-auth-tester%40example.com")).toBe("/api/v1/users/{login}");
    expect(endpointOf("/api/v1/authenticators/aut1a2b3c4d5e6f7g8h9/methods/push/lifecycle/activate")).toBe(
      "/api/v1/authenticators/{id}/methods/push/lifecycle/activate",
    );
    expect(endpointOf("/api/v1/users/me")).toBe("/api/v1/users/me");
    expect(endpointOf("/api/v1/authorizationServers")).toBe("/api/v1/authorizationServers");
  });

  it("counts /api/ calls only, most frequent first", () => {
    const counts = countManagementCalls([
      { method: "GET", path: "/api/v1/apps/0oa1b2c3d4e5f6g7h8i9", status: 200 },
      { method: "GET", path: "/api/v1/apps/0oa9b2c3d4e5f6g7h8i9", status: 200 },
      { method: "POST", path: "/api/v1/apps", status: 200 },
      { method: "POST", path: "/oauth2/v1/token", status: 200 },
      { method: "GET", path: "/__emulator/outbox", status: 200 },
    ]);
    expect(counts).toEqual({
      total: 3,
      byEndpoint: [
        { endpoint: "GET /api/v1/apps/{id}", calls: 2 },
        { endpoint: "POST /api/v1/apps", calls: 1 },
      ],
    });
  });
});
