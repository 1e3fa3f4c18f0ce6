import { describe, expect, it } from "vitest";
import { redirectUriProblem } from "../../src/config/redirectUri";

describe("redirectUriProblem names the rule that refused the URI", () => {
  it.each([
    ["javascript:alert(1)", "javascript"],
    ["JavaScript://%0aalert(1)", "javascript"],
    ["vbscript:msgbox(1)", "vbscript"],
    ["data:text/html,<script>alert(1)</script>", "data"],
    ["file:///etc/passwd", "file"],
    ["blob:https://app.example.com/6f1c2d3e", "blob"],
    ["about:blank", "about"],
    ["filesystem:https://app.example.com/temporary/x", "filesystem"],
  ])("%s: the %s: scheme", (uri, scheme) => {
    expect(redirectUriProblem(uri)).toBe(`"${uri}" uses the ${scheme}: scheme, which a client must never be redirected to`);
  });

  it.each(["http://app.example.com/callback", "http://127.0.0.1.evil.example/callback", "http://localhost@evil.example/callback"])(
    "%s: plain http off the device",
    (uri) => {
      expect(redirectUriProblem(uri)).toBe(`"${uri}" is plain http to another host; http is only allowed to 127.0.0.1, [::1] or localhost`);
    },
  );

  it("a fragment", () => {
    expect(redirectUriProblem("https://app.example.com/callback#x")).toBe(
      `"https://app.example.com/callback#x" has a fragment (#), which a redirect URI must not have`,
    );
  });

  // The URL parser would drop the spaces around a URI; the app would be registered with them.
  it.each(["callback", "/callback", "com.example: spaced", " https://app.example.com/cb", "https://app.example.com/cb ", "http://[::1"])("%j: no scheme", (uri) => {
    expect(redirectUriProblem(uri)).toBe(`"${uri}" is not a URI with a scheme`);
  });

  it("the length limit, 2048 characters, counted before anything else", () => {
    const atLimit = `https://app.example.com/${"a".repeat(2048 - 24)}`;
    expect(atLimit).toHaveLength(2048);
    expect(redirectUriProblem(atLimit)).toBeUndefined();
    expect(redirectUriProblem(`${atLimit}a`)).toBe("is 2049 characters long; at most 2048");
  });

  it.each(["com.example.directauth:/callback", "https://app.example.com/callback", "http://127.0.0.1:8080/cb", "http://[::1]/cb", "http://localhost:3000/cb"])(
    "takes %s",
    (uri) => {
      expect(redirectUriProblem(uri)).toBeUndefined();
    },
  );
});
