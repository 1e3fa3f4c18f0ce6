import { stringify } from "yaml";
import { CONFIG_NAMESPACE } from "../config/schema";
import { AdoptedConfig } from "./inferSetup";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The provider's org settings for the org adoption read: `{orgName}.{baseUrl}` for a real org; a
 * loopback org (the built-in emulator) is reached through `okta:httpProxy`, which replaces the org
 * URL for the provider and the org-settings resource alike. Its name is under `.invalid` (RFC 6761),
 * so credentials can never reach a real tenant should the proxy setting be dropped.
 */
export function providerSettings(orgUrl: URL): Record<string, string> {
  if (LOOPBACK_HOSTS.has(orgUrl.hostname) || orgUrl.hostname.startsWith("127.")) {
    return { "okta:orgName": "emulator", "okta:baseUrl": "okta.invalid", "okta:httpProxy": orgUrl.origin };
  }
  const [orgName, ...rest] = orgUrl.hostname.split(".");
  return { "okta:orgName": orgName, "okta:baseUrl": rest.join(".") };
}

/** The stack file's `config:` mapping, keys in the order README documents them. */
export function stackConfig(config: AdoptedConfig, orgUrl: URL): Record<string, unknown> {
  const ours = Object.fromEntries(
    Object.entries(config)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [`${CONFIG_NAMESPACE}:${key}`, dropUndefined(value)]),
  );
  return { ...providerSettings(orgUrl), ...ours };
}

/** As Pulumi hands config to a program: strings as they are, everything else as JSON. */
export function flatConfig(config: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

export function stackFileText(
  config: Record<string, unknown>,
  orgUrl: URL,
  notes: readonly string[],
  firstUpChanges: readonly string[],
  now: Date,
): string {
  const header = [
    `Written by \`npm run adopt\` from ${orgUrl.origin} on ${now.toISOString().slice(0, 10)}: the Direct Authentication`,
    "setup found in that org. Credentials are not written here: `pulumi config set --secret okta:apiToken`.",
    ...(notes.length > 0 ? ["What the org has that this stack does not express (also printed by adopt):", ...notes.map((n) => `- ${n}`)] : []),
    ...(firstUpChanges.length > 0
      ? ["Will change on the first `pulumi up` (in place; see it first with `pulumi preview --diff`):", ...firstUpChanges.map((c) => `- ${c}`)]
      : []),
  ];
  return `${header.map((line) => `# ${line}`).join("\n")}\n${stringify({ config }, { lineWidth: 0 })}`;
}

function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, dropUndefined(v)]));
  }
  return value;
}
