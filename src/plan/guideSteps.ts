/**
 * The guide's steps in the order a reader follows them (docs/direct-auth-reference.md#setup-steps), keyed by the
 * component that declares each one. Plans group resources by these so a review reads like the guide.
 */
export interface GuideStep {
  id: string;
  title: string;
  /** Type token of the component whose children belong to this step. */
  component?: string;
  /** Shown when the step declares nothing, where that is expected rather than odd. */
  whenEmpty?: string;
}

const GUIDE_STEPS: readonly GuideStep[] = [
  { id: "test-user", title: "Test user", component: "okta-direct-auth:users:TestUser", whenEmpty: "an existing user, looked up by login" },
  {
    id: "authenticators",
    title: "Authenticators and enrollment",
    component: "okta-direct-auth:authenticators:Authenticators",
  },
  {
    id: "authorization-server",
    title: "Authorization server grants",
    component: "okta-direct-auth:authorization:AuthorizationServerAccess",
    whenEmpty: "org authorization server: Identity Engine allows the grants, nothing to declare",
  },
  { id: "apps", title: "Native apps", component: "okta-direct-auth:apps:NativeApp" },
  { id: "app-sign-in-policies", title: "App sign-in policies", component: "okta-direct-auth:policies:AppSignInPolicy" },
  {
    id: "session-policy",
    title: "Global session policy (primary-factor flows)",
    component: "okta-direct-auth:policies:TestUserSessionPolicy",
    whenEmpty: "only MFA variants: not needed",
  },
];

/** Resources under no known step (a component added later, or a preview of another program). */
const OTHER_STEP: GuideStep = { id: "other", title: "Other resources" };

const ORDER = [...GUIDE_STEPS, OTHER_STEP];

/**
 * The step a resource belongs to: the nearest component in its URN's parent chain that is a step,
 * so resources nested deeper inside a step's component still land in that step.
 */
export function stepOfUrn(urn: string): GuideStep {
  const qualifiedType = urn.split("::")[2] ?? "";
  const ancestors = qualifiedType.split("$").slice(0, -1).reverse();
  for (const type of ancestors) {
    const step = GUIDE_STEPS.find((s) => s.component === type);
    if (step) return step;
  }
  return OTHER_STEP;
}

export function stepIndex(stepId: string): number {
  return ORDER.findIndex((s) => s.id === stepId);
}

/** Items grouped under every step in guide order, empty steps included (so "nothing declared" shows). */
export function groupBySteps<T extends { step: string }>(items: readonly T[]): { step: GuideStep; items: T[] }[] {
  return ORDER.map((step) => ({ step, items: items.filter((i) => i.step === step.id) })).filter(
    (group) => group.step !== OTHER_STEP || group.items.length > 0,
  );
}
