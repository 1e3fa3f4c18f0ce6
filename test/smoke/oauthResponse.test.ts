import { describe, expect, it } from "vitest";
import { readOAuth, requireString } from "../../src/smoke/oauthResponse";
import { ProblemError } from "../../src/smoke/problem";

const PATH = "/oauth2/v1/token";
const answer = (status: number, body: unknown) => readOAuth({ status, body, headers: new Headers() }, PATH);

function thrown(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    return (error as ProblemError).problem;
  }
  throw new Error("expected a problem");
}

describe("reading an OAuth answer", () => {
  it("takes any 2xx object as success, from 200 to 299", () => {
    expect(answer(200, { access_token: "a" })).toEqual({ ok: true, body: { access_token: "a" } });
    expect(answer(299, {})).toEqual({ ok: true, body: {} });
  });

  it.each([
    ["an array", [1]],
    ["null", null],
    ["a string", "tokens"],
  ])("refuses a 2xx body that is %s", (_name, body) => {
    expect(thrown(() => answer(200, body))).toEqual({ code: "unexpected_body", status: 200, detail: { path: PATH } });
  });

  it("reads OAuth's error and error_description below 500", () => {
    expect(answer(400, { error: "invalid_grant", error_description: "The credentials provided were invalid." })).toEqual({
      ok: false,
      body: { error: "invalid_grant", error_description: "The credentials provided were invalid." },
      problem: { code: "invalid_grant", status: 400, description: "The credentials provided were invalid.", detail: { path: PATH } },
    });
  });

  it("keeps the data that comes with an error, such as mfa_required's mfa_token", () => {
    const read = answer(403, { error: "mfa_required", mfa_token: "mfa-1" });
    expect(read).toEqual({ ok: false, body: { error: "mfa_required", mfa_token: "mfa-1" }, problem: { code: "mfa_required", status: 403, detail: { path: PATH } } });
  });

  it("reads Okta's errorCode and errorSummary when there is no OAuth error", () => {
    expect(answer(404, { errorCode: "E0000007", errorSummary: "Not found: Resource not found: token (Service)" })).toMatchObject({
      ok: false,
      problem: { code: "E0000007", status: 404, description: "Not found: Resource not found: token (Service)", detail: { path: PATH } },
    });
  });

  it("prefers the OAuth error when both shapes are present", () => {
    expect(answer(400, { error: "invalid_request", errorCode: "E0000001", errorSummary: "Api validation failed" })).toMatchObject({
      problem: { code: "invalid_request", status: 400 },
    });
  });

  it.each([
    ["a 3xx", 300, {}],
    ["a 1xx", 199, {}],
    ["an error without a code", 400, { message: "no" }],
    ["a non-string error", 400, { error: 42, errorCode: 7 }],
    ["an array", 400, ["invalid_grant"]],
  ])("calls %s an unexpected status", (_name, status, body) => {
    expect(answer(status, body)).toEqual({
      ok: false,
      body: Array.isArray(body) ? {} : body,
      problem: { code: "unexpected_status", status, detail: { path: PATH } },
    });
  });

  it("makes every 5xx the server's own failure, naming Okta's error code", () => {
    expect(answer(500, { errorCode: "E0000009", errorSummary: "Internal Server Error", error: "server_error" })).toEqual({
      ok: false,
      body: { errorCode: "E0000009", errorSummary: "Internal Server Error", error: "server_error" },
      problem: { code: "server_error", status: 500, description: "Internal Server Error", detail: { path: PATH, errorCode: "E0000009" } },
    });
    expect(answer(503, { error: "temporarily_unavailable", error_description: "Try later" })).toEqual({
      ok: false,
      body: { error: "temporarily_unavailable", error_description: "Try later" },
      problem: { code: "server_error", status: 503, description: "Try later", detail: { path: PATH, errorCode: "none" } },
    });
    expect(answer(502, "Bad Gateway")).toEqual({
      ok: false,
      body: {},
      problem: { code: "server_error", status: 502, description: undefined, detail: { path: PATH, errorCode: "none" } },
    });
  });

  it("shows server text on one line, without terminal controls, at most 300 characters", () => {
    const described = (text: unknown) => (answer(400, { error: "invalid_grant", error_description: text }) as { problem: { description?: string } }).problem.description;
    expect(described("  bad\u001b[31m\ncode  ")).toBe("bad code");
    expect(described("")).toBeUndefined();
    expect(described(42)).toBeUndefined();
    expect(described("x".repeat(300))).toBe("x".repeat(300));
    expect(described("y".repeat(301))).toBe(`${"y".repeat(300)}…`);
  });
});

describe("a field an answer must carry", () => {
  it("is returned when it is a non-empty string", () => {
    expect(requireString({ mfa_token: "mfa-1" }, "mfa_token", PATH)).toBe("mfa-1");
  });

  it.each([
    ["absent", {}],
    ["empty", { mfa_token: "" }],
    ["not a string", { mfa_token: 7 }],
  ])("is a missing field when %s", (_name, body) => {
    expect(thrown(() => requireString(body, "mfa_token", PATH))).toEqual({ code: "missing_field", detail: { path: PATH, field: "mfa_token" } });
  });
});
