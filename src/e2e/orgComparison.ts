/**
 * An org as a flat map `what → state` (`app "Direct Auth OTP"` → `ACTIVE`), so the org after a
 * `pulumi destroy` can be compared with the org before `up` line by line.
 */
export type OrgState = Map<string, string>;

export interface OrgDifference {
  what: string;
  before?: string;
  after?: string;
}

const AUTHENTICATOR = /^authenticator (\S+)$/;
const AUTHENTICATOR_PART = /^authenticator (\S+) (method \S+|allowedFor)$/;
const ENROLLMENT = /^enrollment (\S+)$/;

/**
 * What Okta cannot give back: an authenticator that was never enabled can only be deactivated
 * (Okta has no delete), so it stays INACTIVE with its methods, and NOT_ALLOWED in the default
 * enrollment policy.
 */
function okToRemain(difference: OrgDifference, before: OrgState): boolean {
  if (difference.before !== undefined) return false;
  const neverEnabled = (key: string) => !before.has(`authenticator ${key}`);
  const whole = AUTHENTICATOR.exec(difference.what);
  if (whole) return neverEnabled(whole[1]) && difference.after === "INACTIVE";
  const part = AUTHENTICATOR_PART.exec(difference.what);
  if (part) return neverEnabled(part[1]);
  const enrollment = ENROLLMENT.exec(difference.what);
  return enrollment !== null && neverEnabled(enrollment[1]) && difference.after === "NOT_ALLOWED";
}

/** Every line that differs, apart from what Okta cannot delete; sorted by what. */
export function compareOrgs(before: OrgState, after: OrgState): OrgDifference[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys
    .map((what) => ({ what, before: before.get(what), after: after.get(what) }))
    .filter((d) => d.before !== d.after)
    .filter((d) => !okToRemain(d, before));
}

export function describeDifference(d: OrgDifference): string {
  if (d.before === undefined) return `${d.what}: left behind (${d.after})`;
  if (d.after === undefined) return `${d.what}: gone (was ${d.before})`;
  return `${d.what}: ${d.before} → ${d.after}`;
}
