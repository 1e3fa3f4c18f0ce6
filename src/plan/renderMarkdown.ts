import { formatValue } from "./formatValue";
import { groupBySteps } from "./planSteps";
import {
  ChangeAction,
  PlanCounts,
  PlannedResource,
  PropertyChange,
  ResourceChange,
  SetupDiff,
  SetupPlan,
  lifecycleFlags,
} from "./planModel";
import { describeResource } from "./resourceKinds";

/** GitHub refuses comments longer than this. */
const COMMENT_LIMIT = 65_536;

const ACTION_WORDS: Record<ChangeAction, string> = {
  create: "+ create",
  update: "~ update",
  replace: "± replace",
  delete: "− delete",
};

/** Hidden first line the workflow finds its sticky comment by; one comment per stack and source. */
function planMarker(plan: Pick<SetupPlan, "stack" | "source">): string {
  return `<!-- okta-direct-auth-${plan.source === "offline" ? "plan" : "preview"}:${plan.stack} -->`;
}

function countsLine(counts: PlanCounts): string {
  if (counts.add + counts.change + counts.replace + counts.destroy === 0) return "No changes";
  return `${counts.add} to add, ${counts.change} to change, ${counts.replace} to replace, ${counts.destroy} to destroy`;
}

/**
 * A plan as a pull-request comment: counts first, a caution banner for what breaks, then only the
 * changed resources per guide step with their properties before → after, and the whole declared
 * setup folded away at the end.
 */
export function renderMarkdown(plan: SetupPlan): string {
  const head = [planMarker(plan), `### Okta Direct Auth setup · stack \`${plan.stack}\``, ""];
  if (!plan.diff) {
    return [...head, `**${plural(plan.declared.length, "resource")} declared** · ${sourceLine(plan)}`, "", setupSection(plan.declared, true), ""].join("\n");
  }
  const top = [...head, `**${countsLine(plan.diff.counts)}** · ${sourceLine(plan)}`, ""];
  if (plan.diff.note) top.push(`> [!NOTE]\n> ${plan.diff.note}`, "");
  top.push(...banner(plan.diff), ...protectionSection(plan.diff), ...changesSection(plan.diff), ...outputsSection(plan.diff.outputs));
  const body = top.join("\n");
  const folded = (withProperties: boolean) =>
    `<details><summary>Declared setup after this change: ${plural(plan.declared.length, "resource")}</summary>\n\n${setupSection(plan.declared, withProperties)}\n</details>\n`;
  const full = `${body}\n${folded(true)}`;
  return full.length <= COMMENT_LIMIT ? full : `${body}\n${folded(false)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function sourceLine(plan: SetupPlan): string {
  if (plan.source === "preview") return "from `pulumi preview` against the org";
  const compared = plan.base ? ` and at ${code(plan.base)}` : "";
  return `offline: the program evaluated under mocks here${compared}, without credentials; it shows what the program declares, not what the org holds`;
}

function banner(diff: SetupDiff): string[] {
  const destructive = diff.changes.filter((c) => c.destructive !== undefined);
  if (destructive.length === 0) return [];
  return [
    "> [!CAUTION]",
    `> **${plural(destructive.length, "destructive change")}**`,
    ...destructive.map((c) => `> - **${c.action}** ${resourceTitle(c.resource)}: ${c.destructive}`),
    ...renameHints(diff.changes),
    "",
  ];
}

/** Turning protection off is what lets a later change delete; it changes nothing in the org itself. */
function protectionSection(diff: SetupDiff): string[] {
  const changes = diff.protection ?? [];
  if (changes.length === 0) return [];
  const shown = (on: boolean) => (on ? "protected" : "not protected");
  return [
    changes.some((c) => !c.after) ? "> [!WARNING]" : "> [!NOTE]",
    `> **protect changes for ${plural(changes.length, "resource")}** (Pulumi refuses to delete or replace a protected resource)`,
    ...changes.map((c) => `> - ${escapeText(describeResource(c.resource))} · ${code(c.resource.name)}: ${shown(c.before)} → ${shown(c.after)}`),
    "",
  ];
}

/** A delete beside a create of the same type is often a rename, which Pulumi cannot tell from one. */
function renameHints(changes: ResourceChange[]): string[] {
  const created = new Set(changes.filter((c) => c.action === "create").map((c) => c.resource.type));
  const deletedAndCreated = changes.some((c) => c.action === "delete" && c.destructive && created.has(c.resource.type));
  if (!deletedAndCreated) return [];
  return [">", "> Renamed something? Pulumi keys resources by name: a renamed resource is deleted and a new one created."];
}

function changesSection(diff: SetupDiff): string[] {
  if (diff.changes.length === 0) return [];
  const lines: string[] = [];
  for (const { step, items } of groupBySteps(diff.changes.map((c) => ({ ...c, step: c.resource.step })))) {
    if (items.length === 0) continue;
    lines.push(`#### ${step.title}`, "");
    for (const change of items) lines.push(...changeLines(change));
    lines.push("");
  }
  return lines;
}

function changeLines(change: ResourceChange): string[] {
  const lines = [`- **${ACTION_WORDS[change.action]}** ${resourceTitle(change.resource)}`];
  for (const p of change.properties) lines.push(`  - ${propertyLine(p, change.action)}`);
  return lines;
}

function propertyLine(p: PropertyChange, action: ChangeAction): string {
  if (action === "create") return `${code(p.path)}: ${code(formatValue(p.after))}`;
  const replaces = p.forcesReplacement ? " **(forces replacement)**" : "";
  return `${code(p.path)}: ${code(formatValue(p.before))} → ${code(formatValue(p.after))}${replaces}`;
}

function outputsSection(outputs: PropertyChange[]): string[] {
  if (outputs.length === 0) return [];
  return [
    "#### Stack outputs clients use",
    "",
    ...outputs.map((o) => `- ${code(o.path)}: ${code(formatValue(o.before))} → ${code(formatValue(o.after))}`),
    "",
  ];
}

function setupSection(declared: PlannedResource[], withProperties: boolean): string {
  const lines: string[] = [];
  for (const { step, items } of groupBySteps(declared)) {
    lines.push(`#### ${step.title}`, "");
    if (items.length === 0) lines.push(`_Nothing declared${step.whenEmpty ? `: ${step.whenEmpty}` : ""}._`);
    for (const resource of items) {
      lines.push(`- ${resourceTitle(resource)}`);
      if (!withProperties) continue;
      for (const [key, value] of Object.entries(resource.properties)) lines.push(`  - ${code(key)}: ${code(formatValue(value))}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

function resourceTitle(resource: PlannedResource): string {
  const flags = lifecycleFlags(resource).map((flag) => ` · **${flag}**`).join("");
  return `${escapeText(describeResource(resource))} · ${code(resource.name)}${flags}`;
}

/** A code span that survives backticks in the value (names come from stack config). */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Names in running text must not open HTML or emphasis. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}
