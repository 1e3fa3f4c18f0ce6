import * as pulumi from "@pulumi/pulumi";
import { orgUrl } from "../model/issuer";
import { ConfigError } from "./configError";
import { DirectAuthConfig, parseConfig } from "./parseConfig";
import { CONFIG_NAMESPACE } from "./schema";

/** Structured config reaches the program as JSON text; plain values stay strings. */
function decode(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Every `okta-direct-auth:*` value of the stack, by short key, so unknown keys (typos) can be reported. */
export function namespaceValues(all: Record<string, string>): Record<string, unknown> {
  const prefix = `${CONFIG_NAMESPACE}:`;
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(prefix)) values[key.slice(prefix.length)] = decode(value);
  }
  return values;
}

/** `https://{okta:orgName}.{okta:baseUrl}`, from stack config or the provider's env variables. */
export function readOrgUrl(all: Record<string, string>, env: NodeJS.ProcessEnv = process.env): string {
  const orgName = all["okta:orgName"] ?? env.OKTA_ORG_NAME;
  const baseUrl = all["okta:baseUrl"] ?? env.OKTA_BASE_URL ?? "okta.com";
  if (!orgName) {
    throw new ConfigError([
      {
        key: "okta:orgName",
        problem: "required: the Okta org to configure",
        expected: "the org's subdomain, e.g. dev-123456 for https://dev-123456.okta.com (or env OKTA_ORG_NAME)",
        example: "pulumi config set okta:orgName dev-123456",
      },
    ]);
  }
  return orgUrl(orgName, baseUrl);
}

export interface StackSettings {
  config: DirectAuthConfig;
  orgUrl: string;
}

/** Reads and validates the running stack's configuration; throws ConfigError before anything is declared. */
export function readStackConfig(): StackSettings {
  const all = pulumi.runtime.allConfig();
  return { config: parseConfig(namespaceValues(all)), orgUrl: readOrgUrl(all) };
}
