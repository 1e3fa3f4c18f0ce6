import { describe, expect, it } from "vitest";
import { Redactor } from "../../src/http/redactor";

describe("Redactor", () => {
  it("blanks every occurrence of a secret, not only the first", () => {
    const secrets = new Redactor();
    secrets.add("hunter2-secret");
    expect(secrets.redact("a hunter2-secret b hunter2-secret c hunter2-secret")).toBe("a [redacted] b [redacted] c [redacted]");
  });

  it("blanks a longer secret whole before a shorter one it contains", () => {
    const secrets = new Redactor();
    secrets.add("abcd");
    secrets.add("abcdefgh");
    expect(secrets.redact("x abcdefgh y abcd")).toBe("x [redacted] y [redacted]");
  });

  it("leaves values shorter than 4 characters, and nothing added, alone", () => {
    const secrets = new Redactor();
    secrets.add("123");
    secrets.add(undefined);
    secrets.add("");
    expect(secrets.redact("step 123 of 1234")).toBe("step 123 of 1234");
    secrets.add("1234");
    expect(secrets.redact("step 123 of 1234")).toBe("step 123 of [redacted]");
  });
});

describe("Redactor, every spelling a request carries a secret in", () => {
  const SECRET = 'Hunter2-Secret!Pw "quoted" /slash é';
  const secrets = new Redactor();
  secrets.add(SECRET);
  const form = new URLSearchParams({ password: SECRET }).toString().slice("password=".length);
  const b64 = (s: string) => Buffer.from(s).toString("base64");

  it.each([
    ["raw", SECRET],
    ["form-encoded", form],
    ["form-encoded, lower-case escapes", form.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())],
    ["URL-encoded", encodeURIComponent(SECRET)],
    ["URL-encoded, lower-case escapes", encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())],
    ["JSON-escaped", JSON.stringify(SECRET).slice(1, -1)],
    ["base64", b64(SECRET)],
    ["base64url", Buffer.from(SECRET).toString("base64url")],
    ["inside a Basic authorization", b64(`0oaclient:${SECRET}`)],
    ["inside base64 at the other offset", b64(`0oaclient1:${SECRET}:tail`)],
    ["inside base64url at the third offset", Buffer.from(`{"p":"${SECRET}"}`).toString("base64url")],
  ])("blanks it %s", (_how, spelled) => {
    const out = secrets.redact(`error near ${spelled} here`);
    expect(out).toContain("[redacted]");
    expect(out).not.toContain(spelled);
    expect(secrets.contains(`x${spelled}x`)).toBe(true);
    // What remains of a base64 spelling is at most the groups the secret shares with its neighbours.
    expect(out.length).toBeLessThan(`error near ${spelled} here`.length - 8);
  });
});
