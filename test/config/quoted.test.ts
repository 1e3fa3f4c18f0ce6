import { describe, expect, it } from "vitest";
import { quoted } from "../../src/config/quoted";

describe("quoted", () => {
  it("shows a short value as JSON", () => {
    expect(quoted("otp")).toBe('"otp"');
    expect(quoted([1, "a"])).toBe('[1,"a"]');
  });

  it("cuts a long value short and says how long it was", () => {
    expect(quoted("x".repeat(1000))).toBe(`"${"x".repeat(59)}… (1002 characters)`);
  });

  it("shows a value of exactly 60 characters of JSON whole", () => {
    expect(quoted("x".repeat(58))).toBe(`"${"x".repeat(58)}"`);
  });

  it("describes a value nested too deeply to serialise instead of throwing", () => {
    const deep = JSON.parse(`${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    expect(quoted(deep)).toBe("a list nested too deeply to show");
  });

  it("says an object is nested too deeply, not a list", () => {
    let deep: unknown = {};
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    expect(quoted(deep)).toBe("a value nested too deeply to show");
  });
});

describe("quoted, with invisible characters", () => {
  it("spells format characters as escapes, so a bidi override cannot reorder the message", () => {
    expect(quoted("ab\u202ecd\u200b")).toBe('"ab\\u202ecd\\u200b"');
  });

  it("pads an escape to four hex digits", () => {
    expect(quoted("soft\u00adhyphen")).toBe('"soft\\u00adhyphen"');
  });
});
