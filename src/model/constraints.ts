import { FactorMode } from "../catalogue/variants";

/**
 * Typed form of an app sign-in policy rule's authentication constraint. Okta accepts any JSON here
 * and silently ignores misspelt keys (`posession`), so the JSON is only ever built from these types.
 */
/**
 * `required` is Okta's "this class must be part of the sign-in" (true when a request leaves it out),
 * but the provider decodes each constraint into a struct whose `required` has no omitempty: a
 * constraint without it reaches Okta as `required: false`. So it is always written out.
 */
export interface KnowledgeConstraint {
  types?: ("password" | "security_question")[];
  required: boolean;
  reauthenticateIn?: string;
}

export interface PossessionConstraint {
  types?: ("phone" | "email" | "app" | "hardware" | "security_key")[];
  required: boolean;
  hardwareProtection?: "REQUIRED" | "OPTIONAL";
  phishingResistant?: "REQUIRED" | "OPTIONAL";
  userPresence?: "REQUIRED" | "OPTIONAL";
}

export interface AuthenticationConstraint {
  knowledge?: KnowledgeConstraint;
  possession?: PossessionConstraint;
}

export interface RuleRequirement {
  factorMode: FactorMode;
  constraints: AuthenticationConstraint[];
  /** The guide's wording of the Admin Console choice. */
  consoleChoice: string;
}

/**
 * The guide's "User must authenticate with" choice for a factor mode
 * (docs/direct-auth-reference.md#app-sign-in-policy).
 */
export function ruleRequirement(mode: FactorMode): RuleRequirement {
  if (mode === "1FA") return { factorMode: "1FA", constraints: [], consoleChoice: "Any 1 factor type" };
  return {
    factorMode: "2FA",
    constraints: [{ knowledge: { types: ["password"], required: true } }],
    consoleChoice: "Password + Another factor",
  };
}

export function constraintsJson(constraints: readonly AuthenticationConstraint[]): string[] {
  return constraints.map((c) => JSON.stringify(c));
}
