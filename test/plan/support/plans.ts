import { evaluateProgram } from "../../../src/evaluate/evaluateProgram";
import { declaredSetup, SetupSnapshot, snapshotOf } from "../../../src/plan/declaredSetup";
import { diffSetups } from "../../../src/plan/diff";
import { ResourceChange, SetupPlan } from "../../../src/plan/planModel";
import { defineDirectAuthProgram } from "../../../src/program";
import { stackConfig } from "../../helpers/stackConfig";

export const PLAN_STACK = "dev";

/** The program evaluated offline with `okta-direct-auth` values as a stack file would hold them. */
export async function snapshotWith(values: Record<string, unknown>): Promise<SetupSnapshot> {
  return snapshotOf(await evaluateProgram({ stack: PLAN_STACK, config: stackConfig(values), program: defineDirectAuthProgram }));
}

/** The offline plan of going from `before` to `after`, as `npm run plan -- --base` builds it. */
export async function planOfChange(before: Record<string, unknown>, after: Record<string, unknown>): Promise<SetupPlan> {
  const base = await snapshotWith(before);
  const head = await snapshotWith(after);
  return { stack: PLAN_STACK, source: "offline", base: "main", declared: declaredSetup(head), diff: diffSetups(base, head) };
}

export function changesOf(plan: SetupPlan, type: string): ResourceChange[] {
  return plan.diff!.changes.filter((c) => c.resource.type === type);
}

/** The lines of a Markdown section, from its heading to the next heading of any level. */
export function section(markdown: string, heading: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no section "${heading}" in:\n${markdown}`);
  const end = lines.findIndex((line, i) => i > start && /^#{1,6} |^<details>/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line !== "");
}
