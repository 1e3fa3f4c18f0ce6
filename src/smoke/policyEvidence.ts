/**
 * Okta answers every policy refusal with the same words ("Policy evaluation failed for this
 * request, please check the policy configurations."): which policy refused is not in the answer.
 * A source of evidence reads the org to tell them apart; the smoke check asks only after such a
 * refusal, and says in the diagnosis where the finding came from.
 */

/** The policies behind "Policy evaluation failed" that the smoke check can tell apart. */
export type RefusingPolicy = "session-policy" | "access-policy";

export interface PolicyFinding {
  policy: RefusingPolicy;
  /** The policy and rule by their names in the org, and what they do; safe to print. */
  detail: string;
}

export interface RefusedRequest {
  username: string;
  clientId: string;
  grantType?: string;
  scopes: readonly string[];
  /** True when the flow starts a session with a factor other than the password (1FA variants). */
  passwordless: boolean;
  /** The custom authorization server's id; absent on the org server, which has no access policy. */
  authServerId?: string;
}

/** Where findings come from (management API reads, or a policy simulation). */
export interface PolicyEvidence {
  /** Said in the diagnosis: "management API reads". */
  readonly source: string;
  /** The policy that refuses `request`, or undefined when none of those it can read does. */
  refusingPolicy(request: RefusedRequest): Promise<PolicyFinding | undefined>;
}

/** What was found, and how; `finding` absent means the readable policies allow the request. */
export interface Evidence {
  source: string;
  finding?: PolicyFinding;
}

/** Okta's exact text for a refusal by the session policy, the app sign-in policy or an access policy. */
export const POLICY_EVALUATION_FAILED = /^Policy evaluation failed for this request/i;
