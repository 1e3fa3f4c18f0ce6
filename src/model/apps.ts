import { GRANT } from "../catalogue/grants";
import { FactorMode, Variant } from "../catalogue/variants";

/** One native app integration and the sign-in policy cloned for it. */
export interface AppSpec {
  /** App integration name (label) shown in the Admin Console. */
  name: string;
  /** Stable, resource-name-safe form of `name`; Pulumi child names derive from it. */
  slug: string;
  variants: readonly Variant[];
  factorMode: FactorMode;
  /** Grant types ticked on the app: authorization_code, then the variants' grants, no duplicates. */
  grantTypes: readonly string[];
  policyName: string;
  ruleName: string;
}

export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** authorization_code is mandatory for native apps (so the provider accepts them), the rest come from the catalogue. */
export function appGrantTypes(variants: readonly Variant[]): string[] {
  return unique([GRANT.authorizationCode, ...variants.flatMap((v) => v.appGrantTypes)]);
}

/** Grants a custom authorization server's rule must allow for all our apps. */
export function authorizationServerGrantTypes(apps: readonly AppSpec[]): string[] {
  return unique(apps.flatMap((a) => a.grantTypes));
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function sharedOrElse<T>(values: readonly T[], fallback: T): T {
  return values.every((v) => v === values[0]) ? values[0] : fallback;
}

/** Groups are already validated to share one factor mode. */
export function appSpec(name: string, variants: readonly Variant[]): AppSpec {
  const factorMode = variants[0].factorMode;
  const policyName = sharedOrElse(variants.map((v) => v.policyName), `${name} ${factorMode}`);
  const ruleName = sharedOrElse(
    variants.map((v) => v.ruleName),
    factorMode === "1FA" ? "1Factor" : "2 MFA Factor",
  );
  return {
    name,
    slug: slugOf(name),
    variants,
    factorMode,
    grantTypes: appGrantTypes(variants),
    policyName,
    ruleName,
  };
}

/**
 * Okta policy names must be unique; the guide's example names repeat across variants
 * (both OOB 1FA pages say "Direct Auth OOB 1FA"), so repeated ones get the app name appended.
 */
export function withUniquePolicyNames(apps: readonly AppSpec[]): AppSpec[] {
  const counts = new Map<string, number>();
  for (const app of apps) counts.set(app.policyName, (counts.get(app.policyName) ?? 0) + 1);
  return apps.map((app) =>
    (counts.get(app.policyName) ?? 0) > 1 ? { ...app, policyName: `${app.policyName} (${app.name})` } : app,
  );
}
