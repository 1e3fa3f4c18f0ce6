import { describe, expect, it } from "vitest";
import { invisibleCharacterProblems } from "../../src/config/textProblems";

describe("invisibleCharacterProblems", () => {
  it("names the key, the character and its position, and says to type the value again", () => {
    expect(invisibleCharacterProblems({ testUser: { login: "tes\u200bter@example.com" } })).toEqual([
      expect.objectContaining({
        key: "okta-direct-auth:testUser.login",
        problem: "contains an invisible or control character (U+200B at position 4); type the value again without it",
      }),
    ]);
  });

  it("passes over values set to null, in objects and in lists", () => {
    expect(invisibleCharacterProblems({ names: null, apps: [null, { name: "Direct\u0007Auth" }] })).toEqual([
      expect.objectContaining({
        key: "okta-direct-auth:apps[1].name",
        problem: "contains an invisible or control character (U+0007 at position 7); type the value again without it",
      }),
    ]);
  });

  it("searches eight keys deep, no deeper (the schema refuses anything that deep anyway)", () => {
    const nested = (keys: string[], value: unknown): Record<string, unknown> =>
      keys.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), value as Record<string, unknown>);
    expect(invisibleCharacterProblems(nested(["a", "b", "c", "d", "e", "f", "g"], { h: "\u200b" })).map((p) => p.key)).toEqual([
      "okta-direct-auth:a.b.c.d.e.f.g.h",
    ]);
    expect(invisibleCharacterProblems(nested(["a", "b", "c", "d", "e", "f", "g", "h"], { i: "\u200b" }))).toEqual([]);
  });
});
