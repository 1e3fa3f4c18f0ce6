import { SetupPlan } from "./planModel";

/** Versioned so scripts reading it (and the workflow) can tell a format change. */
const PLAN_FORMAT = { format: "okta-direct-auth-plan", version: 1 } as const;

/** The comparison before the (long) declared setup, as in the Markdown. */
export function renderPlanJson({ stack, source, base, diff, declared }: SetupPlan): string {
  return `${JSON.stringify({ ...PLAN_FORMAT, stack, source, base, diff, declared }, null, 2)}\n`;
}
