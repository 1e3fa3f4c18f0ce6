import { describe, expect, it } from "vitest";
import { Redactor } from "../../src/smoke/redactor";

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
