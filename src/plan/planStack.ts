import { evaluateStack } from "../evaluate/evaluateStack";
import { evaluateAtRef } from "./baseRef";
import { declaredSetup, snapshotOf } from "./declaredSetup";
import { diffSetups } from "./diff";
import { SetupPlan } from "./planModel";

export interface PlanStackOptions {
  stack: string;
  projectDir: string;
  /** Git ref to compare with; without it the plan is the declared setup alone. */
  base?: string;
}

/** The offline plan of a stack: evaluated here and, with a base, at that ref too (in parallel). */
export async function planStack({ stack, projectDir, base }: PlanStackOptions): Promise<SetupPlan> {
  // allSettled: a failing head must not abandon the base evaluation before it removes its worktree.
  const [head, before] = await Promise.allSettled([
    evaluateStack(stack, projectDir),
    base === undefined ? Promise.resolve(undefined) : evaluateAtRef(base, stack, projectDir),
  ]);
  if (head.status === "rejected") throw head.reason;
  if (before.status === "rejected") throw before.reason;

  const snapshot = snapshotOf(head.value);
  const plan: SetupPlan = { stack, source: "offline", declared: declaredSetup(snapshot) };
  if (before.value === undefined) return plan;

  const { ref, commit, evaluation } = before.value;
  plan.base = ref === commit ? commit.slice(0, 7) : `${ref} (${commit.slice(0, 7)})`;
  plan.diff = diffSetups(evaluation && snapshotOf(evaluation), snapshot);
  if (!evaluation) plan.diff.note = `Stack \`${stack}\` has no \`Pulumi.${stack}.yaml\` at ${ref}: everything it declares is new.`;
  return plan;
}
