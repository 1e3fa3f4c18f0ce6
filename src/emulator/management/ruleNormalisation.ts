import { section } from "./api";

/**
 * What Okta stores of a rule's `conditions` and `actions`, as its answers to the provider's writes
 * show (okta/terraform-provider-okta test/fixtures/vcr/, 2026 recordings): the defaults it fills
 * in and the empty parts it drops. Applied on write, so every later read answers the same.
 */

type Json = Record<string, unknown>;

/**
 * App sign-in (ACCESS_POLICY): `platform` without an include is dropped, otherwise it gains
 * `exclude: []` and each OS loses a null `expression`; `riskScore` defaults to ANY.
 */
export function storedAccessConditions(conditions: unknown): Json | undefined {
  if (conditions === null || conditions === undefined) return undefined;
  const stored: Json = { riskScore: { level: "ANY" }, ...section(conditions) };
  const platform = section(stored.platform);
  const include = Array.isArray(platform.include) ? (platform.include as Json[]) : [];
  if (include.length === 0) {
    delete stored.platform;
  } else {
    stored.platform = { ...platform, include: include.map(withoutNullExpression), exclude: Array.isArray(platform.exclude) ? platform.exclude : [] };
  }
  return stored;
}

function withoutNullExpression(entry: Json): Json {
  const os = section(entry?.os);
  if (!("expression" in os) || os.expression !== null) return entry;
  const { expression: _dropped, ...rest } = os;
  return { ...entry, os: rest };
}

/**
 * An AUTH_METHOD_CHAIN keeps only its type, chains and `reauthenticateIn` (no factor mode, no
 * inactivity period). An ASSURANCE method is kept as sent; `ruleShapes.ts` answers Okta's
 * 12-hour re-authentication when none was sent, as it does for catch-all rules no one wrote.
 */
export function storedVerificationMethod(method: Json): Json {
  if (method.type !== "AUTH_METHOD_CHAIN") return method;
  return { type: "AUTH_METHOD_CHAIN", chains: method.chains ?? [], ...(method.reauthenticateIn !== undefined ? { reauthenticateIn: method.reauthenticateIn } : {}) };
}

/** Global session (SIGN_ON): a rule with a `riskScore` gains `risk: {behaviors: []}`. */
export function storedSessionConditions(conditions: unknown): Json | undefined {
  if (conditions === null || conditions === undefined) return undefined;
  const stored = { ...section(conditions) };
  if (stored.riskScore !== undefined && stored.risk === undefined) stored.risk = { behaviors: [] };
  return stored;
}
