/**
 * The guide's steps in the order a reader follows them (docs/direct-auth-reference.md#setup-steps): the one list
 * that plans group resources by and that the smoke check's diagnoses point at.
 */
export interface GuideStep {
  id: string;
  /** What a plan calls the step. */
  title: string;
  /** The guide's own section heading, where the guide has a section for it. */
  heading?: string;
  /** Shown when the step declares nothing, where that is expected rather than odd. */
  whenEmpty?: string;
}

export const GUIDE_STEPS = [
  { id: "test-user", title: "Test user", whenEmpty: "an existing user, looked up by login" },
  { id: "authenticators", title: "Authenticators and enrollment", heading: "Enable authenticators for your org" },
  {
    id: "authorization-server",
    title: "Authorization server grants",
    heading: "Set up your authorization server",
    whenEmpty: "org authorization server: Identity Engine allows the grants, nothing to declare",
  },
  { id: "apps", title: "Native apps", heading: "Set up your app" },
  { id: "app-sign-in-policies", title: "App sign-in policies", heading: "Set up the authentication policy" },
  {
    id: "session-policy",
    title: "Global session policy (primary-factor flows)",
    whenEmpty: "only MFA variants: not needed",
  },
] as const satisfies readonly GuideStep[];

export type GuideStepId = (typeof GUIDE_STEPS)[number]["id"];

export function guideStep(id: GuideStepId): GuideStep {
  return GUIDE_STEPS.find((step) => step.id === id) as GuideStep;
}
