import { readdirSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../../src/config/configError";
import { parseConfig } from "../../src/config/parseConfig";
import { configKeyProblems } from "../../src/config/configKeys";
import { namespaceValues, readOrgUrl, readStackConfig } from "../../src/config/readStackConfig";
import { loadStackConfig, stackConfigFromYaml } from "../../src/config/stackFile";
import { TESTER, stackConfig } from "../helpers/stackConfig";
import { mockedOrg } from "../helpers/mockedOrg";

describe("namespaceValues", () => {
  it("keeps only this project's keys, by short name, with structured values decoded", () => {
    expect(
      namespaceValues({
        "okta:orgName": "dev-1",
        "okta-direct-auth:variants": '["otp"]',
        "okta-direct-auth:protect": "true",
        "okta-direct-auth:authorizationServer": "default",
        "other-project:variants": '["x"]',
      }),
    ).toEqual({ variants: ["otp"], protect: "true", authorizationServer: "default" });
  });

  it.each([
    ["authorizationServer", "123", "123", { kind: "custom", ref: "123" }],
    ["protect", "true", "true", true],
    ["protect", "false", "false", false],
  ])("reads %s the same quoted or not (one rule for scalars): %s", (key, plain, inQuotes, expected) => {
    const read = (value: string) => {
      const yaml = ["config:", "  okta-direct-auth:variants: [otp]", "  okta-direct-auth:testUser:", "    login: tester@example.com", `  okta-direct-auth:${key}: ${value}`].join("\n");
      return parseConfig(namespaceValues(stackConfigFromYaml(yaml))) as unknown as Record<string, unknown>;
    };
    expect(read(plain)[key]).toEqual(expected);
    expect(read(`"${inQuotes}"`)[key]).toEqual(expected);
  });

  it("reads nested scalars by the same rule: create: \"true\" and an app named 2024", () => {
    const yaml = [
      "config:",
      "  okta-direct-auth:apps:",
      "    - name: 2024",
      "      variants: [otp]",
      "  okta-direct-auth:testUser:",
      "    login: tester@example.com",
      '    create: "true"',
    ].join("\n");
    const config = parseConfig(namespaceValues(stackConfigFromYaml(yaml)));
    expect(config.testUser.create).toBe(true);
    expect(config.apps[0].name).toBe("2024");
  });

  it("keeps a value that only looks like JSON as its text: unbalanced, or a quoted string with brackets", () => {
    expect(namespaceValues({ "okta-direct-auth:variants": "[otp", "okta-direct-auth:authorizationServer": '"{x}"' })).toEqual({
      variants: "[otp",
      authorizationServer: '"{x}"',
    });
  });

  it("decodes a list or an object with spaces before it", () => {
    expect(namespaceValues({ "okta-direct-auth:variants": ' ["otp"]', "okta-direct-auth:testUser": '\n{"login":"a@b.co"}' })).toEqual({
      variants: ["otp"],
      testUser: { login: "a@b.co" },
    });
  });

  it("keeps a key named __proto__ as a key of its own, so it is reported rather than inherited from", () => {
    const values = namespaceValues({ "okta-direct-auth:__proto__": '{"variants":["otp"]}' });
    expect(Object.keys(values)).toEqual(["__proto__"]);
    expect(values.variants).toBeUndefined();
  });
});

describe("the repository's stack files", () => {
  const root = join(__dirname, "../..");
  const stacks = readdirSync(root).flatMap((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1] ?? []);

  it("include the dev stack", () => {
    expect(stacks).toContain("dev");
  });

  it.each(stacks)("%s is a valid config", (stack) => {
    expect(parseConfig(namespaceValues(loadStackConfig(stack, root))).apps.length).toBeGreaterThan(0);
  });
});

describe("readOrgUrl", () => {
  it("builds https://{orgName}.{baseUrl} from stack config, before the provider's env variables", () => {
    const config = { "okta:orgName": "dev-1", "okta:baseUrl": "oktapreview.com" };
    expect(readOrgUrl(config, { OKTA_ORG_NAME: "env-org" })).toBe("https://dev-1.oktapreview.com");
  });

  it("is okta:httpProxy (or OKTA_HTTP_PROXY) when set: the provider sends every call there (issue 17, defect 3)", () => {
    const config = { "okta:orgName": "dev-1", "okta:httpProxy": "http://127.0.0.1:43121/" };
    expect(readOrgUrl(config, {})).toBe("http://127.0.0.1:43121");
    expect(readOrgUrl({ ...config, "okta:httpProxy": "http://127.0.0.1:43121//" }, {})).toBe("http://127.0.0.1:43121");
    expect(readOrgUrl({ "okta:orgName": "dev-1" }, { OKTA_HTTP_PROXY: "https://proxy.example.com" })).toBe("https://proxy.example.com");
  });

  it("falls back to the env variables the provider reads, and to okta.com", () => {
    expect(readOrgUrl({}, { OKTA_ORG_NAME: "env-org", OKTA_BASE_URL: "okta-emea.com" })).toBe("https://env-org.okta-emea.com");
    expect(readOrgUrl({ "okta:orgName": "dev-1" }, {})).toBe("https://dev-1.okta.com");
  });

  it.each(["evil.example.com/#", "dev-1/", "dev_1", "-dev", "dev 1", "a".repeat(64), "dev-1@evil.com"])(
    "refuses org name %j, which is not one hostname label",
    (orgName) => {
      expect(() => readOrgUrl({ "okta:orgName": orgName }, {})).toThrow(/okta:orgName: .* is not an org subdomain/);
    },
  );

  it.each(["okta.com/", "https://okta.com", "okta.com#", "okta", "evil.com:8443", "1.2.3.4", ".okta.com"])(
    "refuses base URL %j, which is not a hostname",
    (baseUrl) => {
      expect(() => readOrgUrl({ "okta:orgName": "dev-1", "okta:baseUrl": baseUrl }, {})).toThrow(/okta:baseUrl: .* is not a hostname/);
    },
  );

  it("says how to split a whole org URL given as the org name", () => {
    expect(() => readOrgUrl({ "okta:orgName": "https://dev-1.oktapreview.com/" }, {})).toThrow(
      "set okta:orgName to dev-1 and okta:baseUrl to oktapreview.com",
    );
  });

  it("names the env variable a bad value came from", () => {
    expect(() => readOrgUrl({}, { OKTA_ORG_NAME: "evil.com/#", OKTA_BASE_URL: "x/" })).toThrow(
      /okta:orgName \(from env OKTA_ORG_NAME\): [\s\S]*okta:baseUrl \(from env OKTA_BASE_URL\): /,
    );
  });

  it("names okta:orgName, what it is and how to set it when there is none", () => {
    expect(() => readOrgUrl({}, {})).toThrow(ConfigError);
    expect(() => readOrgUrl({}, {})).toThrow(
      /okta:orgName: required[\s\S]*expected: the org's subdomain[\s\S]*example:  pulumi config set okta:orgName/,
    );
  });
});

describe("configKeyProblems", () => {
  it("leaves other projects' and providers' keys alone", () => {
    expect(configKeyProblems({ "aws:region": "eu-west-1", "pulumi:tags": "{}", "okta:orgName": "dev-1", "okta-direct-auth:x": "1" })).toEqual([]);
  });

  it("reports 20,000 unknown okta settings as one problem", () => {
    const all = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`okta:k${i}`, "v"]));
    expect(configKeyProblems(all)).toEqual([
      expect.objectContaining({ key: "okta:k0", problem: '20,000 unknown keys: "okta:k0", "okta:k1", "okta:k2" and 19,997 more' }),
    ]);
  });
});

describe("readStackConfig", () => {
  beforeEach(() => vi.stubEnv("OKTA_ORG_NAME", undefined));
  afterEach(() => vi.unstubAllEnvs());

  it("reads the running stack's config and org", async () => {
    await mockedOrg(stackConfig({ variants: ["otp"], testUser: TESTER }, { "okta:orgName": "dev-9", "okta:baseUrl": "oktapreview.com" }));
    const settings = readStackConfig();
    expect(settings.orgUrl).toBe("https://dev-9.oktapreview.com");
    expect(settings.config.apps.map((a) => a.variants.map((v) => v.id))).toEqual([["otp"]]);
  });

  it("refuses a value set with --secret for a key that is not a credential, as the offline plan does", async () => {
    const config = stackConfig({ variants: ["otp"], testUser: TESTER, catchAll: "ALLOW" }, { "okta:orgName": "dev-9", "okta:apiToken": "t0k" });
    await mockedOrg(config);
    pulumi.runtime.setAllConfig(config, ["okta-direct-auth:catchAll", "okta:apiToken"]);
    let error: ConfigError | undefined;
    try {
      readStackConfig();
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toEqual([
      expect.objectContaining({ key: "okta-direct-auth:catchAll", problem: expect.stringMatching(/^is encrypted \(secure:\) but is not a secret/) }),
    ]);
  });

  it("reports a missing org together with the namespace's problems", async () => {
    await mockedOrg(stackConfig({ variants: [], testUser: TESTER }, {}));
    expect(pulumi.runtime.allConfig()).not.toHaveProperty("okta:orgName");
    let error: ConfigError | undefined;
    try {
      readStackConfig();
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems.map((p) => p.key)).toEqual(["okta-direct-auth:variants", "okta:orgName"]);
  });
});
