import { APP_SIGN_IN_POLICY_TYPE } from "../../components/appSignInPolicy";
import { AUTHENTICATORS_TYPE } from "../../components/authenticators";
import { AUTHORIZATION_SERVER_ACCESS_TYPE } from "../../components/authorizationServerAccess";
import { NATIVE_APP_TYPE } from "../../components/nativeApp";
import { TEST_USER_TYPE } from "../../components/testUser";
import { TEST_USER_SESSION_POLICY_TYPE } from "../../components/testUserSessionPolicy";
import { GUIDE_STEPS, GuideStep, GuideStepId } from "../okta/guideSteps";

/** The component that declares each guide step's resources: plans group resources by these. */
const STEP_COMPONENT: Record<GuideStepId, string> = {
  "test-user": TEST_USER_TYPE,
  authenticators: AUTHENTICATORS_TYPE,
  "authorization-server": AUTHORIZATION_SERVER_ACCESS_TYPE,
  apps: NATIVE_APP_TYPE,
  "app-sign-in-policies": APP_SIGN_IN_POLICY_TYPE,
  "session-policy": TEST_USER_SESSION_POLICY_TYPE,
};

/** Resources under no known step (a component added later, or a preview of another program). */
const OTHER_STEP: GuideStep = { id: "other", title: "Other resources" };

const ORDER: readonly GuideStep[] = [...GUIDE_STEPS, OTHER_STEP];

/**
 * The step a resource belongs to: the nearest component in its URN's parent chain that is a step,
 * so resources nested deeper inside a step's component still land in that step.
 */
export function stepOfUrn(urn: string): GuideStep {
  const qualifiedType = urn.split("::")[2] ?? "";
  const ancestors = qualifiedType.split("$").slice(0, -1).reverse();
  for (const type of ancestors) {
    const step = GUIDE_STEPS.find((s) => STEP_COMPONENT[s.id] === type);
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
