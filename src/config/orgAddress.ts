import { orgUrl } from "../okta/issuer";
// Type only: the org-settings provider's code is serialized with what it imports, and the config
// schema (zod) cannot be.
import type { ConfigProblem } from "./configError";
import { quoted } from "./quoted";

/** One DNS label (RFC 1123), which is what an Okta org's subdomain is. */
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const MAX_HOSTNAME = 253;

export const OKTA_SETTING_KEYS = { orgName: "okta:orgName", baseUrl: "okta:baseUrl" } as const;

const ORG_NAME_HELP = {
  expected: "the org's subdomain, e.g. dev-123456 for https://dev-123456.okta.com (or env OKTA_ORG_NAME)",
  example: "pulumi config set okta:orgName dev-123456",
};

const BASE_URL_HELP = {
  expected: "the org's domain, without scheme or path: okta.com, oktapreview.com or okta-emea.com (or env OKTA_BASE_URL)",
  example: "pulumi config set okta:baseUrl okta.com",
};

export function isHostname(value: string): boolean {
  const labels = value.split(".");
  return (
    value.length <= MAX_HOSTNAME &&
    labels.length >= 2 &&
    labels.every((label) => HOST_LABEL.test(label)) &&
    /[a-z]/i.test(labels[labels.length - 1])
  );
}

export function missingOrgNameProblem(key: string = OKTA_SETTING_KEYS.orgName): ConfigProblem {
  return { key, problem: "required: the Okta org to configure", ...ORG_NAME_HELP };
}

/**
 * Whatever the org name and base URL hold ends up in front of every management request and in the
 * issuer, so anything but a hostname there (`evil.example.com/#`) would send credentials elsewhere.
 */
export function orgAddressProblems(
  orgName: string,
  baseUrl: string,
  keys: { orgName: string; baseUrl: string } = OKTA_SETTING_KEYS,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!HOST_LABEL.test(orgName)) {
    problems.push({ key: keys.orgName, problem: `${quoted(orgName)} is not an org subdomain${urlHint(orgName)}`, ...ORG_NAME_HELP });
  }
  if (!isHostname(baseUrl)) {
    problems.push({ key: keys.baseUrl, problem: `${quoted(baseUrl)} is not a hostname such as okta.com`, ...BASE_URL_HELP });
  }
  return problems;
}

/** A whole org URL or hostname where only the subdomain belongs is the likeliest mistake; say how to split it. */
function urlHint(orgName: string): string {
  const host = orgName.replace(/^https?:\/\//i, "").replace(/\/+$/, "");
  const [subdomain, ...domain] = host.split(".");
  if (!HOST_LABEL.test(subdomain) || !isHostname(domain.join("."))) return "";
  return `: set okta:orgName to ${subdomain} and okta:baseUrl to ${domain.join(".")}`;
}

/** `https://{orgName}.{baseUrl}`, refusing values that would make it anything but an org's address. */
export function checkedOrgUrl(orgName: string, baseUrl: string): string {
  const problems = orgAddressProblems(orgName, baseUrl);
  if (problems.length > 0) {
    throw new Error(problems.map((p) => `${p.key}: ${p.problem}; expected ${p.expected}, e.g. ${p.example}`).join("\n"));
  }
  return orgUrl(orgName, baseUrl);
}
