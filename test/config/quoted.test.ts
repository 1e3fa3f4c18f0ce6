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

  it("describes a value nested too deeply to serialise instead of throwing", () => {
    const deep = JSON.parse(`${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    expect(quoted(deep)).toBe("a list nested too deeply to show");
  });
});

describe("quoted, with invisible characters", () => {
  it("spells format characters as escapes, so a bidi override cannot reorder the message", () => {
    expect(quoted("ab\u202ecd\u200b")).toBe('"ab\\u202ecd\\u200b"');
  });
});
