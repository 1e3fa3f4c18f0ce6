import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pkcs8Pem } from "../../src/orgSettings/managementClient";

describe("the service app's private key", () => {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pkcs1 = privateKey.export({ format: "pem", type: "pkcs1" }).toString();
  const pkcs8 = privateKey.export({ format: "pem", type: "pkcs8" }).toString();

  it("is accepted inline in PKCS#8 or PKCS#1 and handed to jose as PKCS#8", () => {
    expect(pkcs1).toContain("BEGIN RSA PRIVATE KEY");
    expect(pkcs8Pem(pkcs1)).toBe(pkcs8);
    expect(pkcs8Pem(pkcs8)).toBe(pkcs8);
  });

  it("is read from a file path, as the provider allows", () => {
    const dir = mkdtempSync(join(tmpdir(), "okta-key-"));
    try {
      const file = join(dir, "key.pem");
      writeFileSync(file, pkcs1);
      expect(pkcs8Pem(file)).toBe(pkcs8);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
