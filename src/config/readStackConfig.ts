import * as pulumi from "@pulumi/pulumi";
import { orgUrl } from "../okta/issuer";
import { OktaConnection, connectionFromSettings } from "./connection";
import { ConfigError, ConfigProblem } from "./configError";
import { configKeyProblems } from "./configKeys";
import { encryptedPlainKeyProblems } from "./encryptedKeys";
import { OKTA_SETTING_KEYS, missingOrgNameProblem, orgAddressProblems } from "./orgAddress";
import { DirectAuthConfig, parseConfig } from "./parseConfig";
import { CONFIG_NAMESPACE } from "./schema";

/**
 * Structured config (lists, objects) reaches the program as JSON text; a scalar reaches it as its
 * text whether the stack file quoted it or not, and stays text: each key reads it as its type
 * (schema.ts), so `"123"` and `123` mean one thing, as do `"true"` and `true`.
 */
function decode(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Every `okta-direct-auth:*` value of the stack, by short key, so unknown keys (typos) can be reported. */
export function namespaceValues(all: Record<string, string>): Record<string, unknown> {
  const prefix = `${CONFIG_NAMESPACE}:`;
  // fromEntries defines each key as its own property, so a key named `__proto__` is just an unknown key.
  return Object.fromEntries(
    Object.entries(all)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), decode(value)]),
  );
}

/**
 * The org URL the provider talks to, from stack config or the provider's env variables:
 * `https://{okta:orgName}.{okta:baseUrl}`, or `okta:httpProxy` when set, since the provider then
 * sends every call there and the org answers with that URL as its issuer (the emulator's case).
 * The org name is required and checked either way; the proxy URL is checked with the connection.
 */
export function readOrgUrl(all: Record<string, string>, env: NodeJS.ProcessEnv = process.env): string {
  const orgName = setting(all, env, OKTA_SETTING_KEYS.orgName, "OKTA_ORG_NAME");
  const baseUrl = setting(all, env, OKTA_SETTING_KEYS.baseUrl, "OKTA_BASE_URL") ?? { value: "okta.com", key: OKTA_SETTING_KEYS.baseUrl };
  if (!orgName?.value) throw new ConfigError([missingOrgNameProblem()]);
  const problems = orgAddressProblems(orgName.value, baseUrl.value, { orgName: orgName.key, baseUrl: baseUrl.key });
  if (problems.length > 0) throw new ConfigError(problems);
  const proxy = setting(all, env, "okta:httpProxy", "OKTA_HTTP_PROXY")?.value;
  return proxy ? proxy.replace(/\/+$/, "") : orgUrl(orgName.value, baseUrl.value);
}

/** A setting and where it came from, so an error names the env variable when that is what is wrong. */
function setting(all: Record<string, string>, env: NodeJS.ProcessEnv, key: string, envKey: string) {
  if (all[key] !== undefined) return { value: all[key], key };
  const value = env[envKey];
  return value === undefined ? undefined : { value, key: `${key} (from env ${envKey})` };
}

export interface StackSettings {
  config: DirectAuthConfig;
  orgUrl: string;
  connection: OktaConnection;
}

/**
 * Reads and validates the running stack's configuration; throws one ConfigError listing the org's
 * and the namespace's problems together, before anything is declared.
 */
export function readStackConfig(): StackSettings {
  const all = pulumi.runtime.allConfig();
  const problems: ConfigProblem[] = [];
  const config = collectingProblems(problems, () => parseConfig(namespaceValues(all)));
  problems.push(...configKeyProblems(all), ...encryptedPlainKeyProblems(all));
  const url = collectingProblems(problems, () => readOrgUrl(all));
  if (config === undefined || url === undefined || problems.length > 0) throw new ConfigError(problems);
  return { config, orgUrl: url, connection: connectionFromSettings(all) };
}

function collectingProblems<T>(problems: ConfigProblem[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}
