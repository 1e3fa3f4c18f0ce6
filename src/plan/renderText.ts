import { Evaluation } from "../evaluate/evaluateProgram";
import { declaredSetup, snapshotOf } from "./declaredSetup";
import { formatValue } from "./formatValue";
import { groupBySteps } from "./planSteps";
import { PlannedResource, lifecycleFlags } from "./planModel";
import { describeResource, kindOf } from "./resourceKinds";

/** The declared setup for a terminal: one line per resource under each guide step. */
export function renderSetupText(evaluation: Evaluation): string {
  const declared = declaredSetup(snapshotOf(evaluation));
  const lines = [`Okta setup declared by stack ${evaluation.stack} (${declared.length} resources)`];
  for (const { step, items } of groupBySteps(declared)) {
    lines.push("", step.title);
    if (items.length === 0) lines.push(`  nothing declared${step.whenEmpty ? `: ${step.whenEmpty}` : ""}`);
    const width = Math.max(0, ...items.map((r) => describeResource(r).length));
    for (const resource of items) {
      const flags = lifecycleFlags(resource).map((flag) => ` [${flag}]`).join("");
      lines.push(`  ${describeResource(resource).padEnd(width)}  ${summaryOf(resource)}${flags}`.trimEnd());
    }
  }
  return `${lines.join("\n")}\n`;
}

function summaryOf(resource: PlannedResource): string {
  return kindOf(resource.type, resource.properties)
    .summary.filter((key) => resource.properties[key] !== undefined)
    .map((key) => `${key}=${formatValue(resource.properties[key])}`)
    .join(" ");
}
