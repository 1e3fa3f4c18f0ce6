export interface OrgNames {
  sessionGroup: string;
  sessionPolicy: string;
  authorizationServerPolicy: string;
}

/**
 * Okta-side names of the objects one per stack: named after the stack, so two stacks in one org
 * stay apart, unless the stack config keeps the names an adopted org already has.
 */
export function orgNames(configured: Partial<OrgNames>, stackName: string): OrgNames {
  return {
    sessionGroup: configured.sessionGroup ?? `Direct Auth test users (${stackName})`,
    sessionPolicy: configured.sessionPolicy ?? `Direct Auth 1FA sessions (${stackName})`,
    authorizationServerPolicy: configured.authorizationServerPolicy ?? `Direct Auth (${stackName})`,
  };
}
