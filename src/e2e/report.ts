import { StackRunResult } from "./stackRun";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Steps whose management calls are broken down by endpoint in the table: what `up` and `destroy` cost. */
const BROKEN_DOWN = /^(up|destroy)\b/;

/** One row per step (time, management calls), then the calls of each `up` and `destroy` by endpoint. */
export function renderTable(results: readonly StackRunResult[]): string {
  const rows = results.flatMap((r) =>
    r.steps.map((s) => [r.stack, r.auth, s.step, s.ok ? "ok" : "FAILED", seconds(s.ms), String(s.calls.total)]),
  );
  const header = ["STACK", "AUTH", "STEP", "RESULT", "TIME", "CALLS"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i >= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ").trimEnd();
  const out = [line(header), ...rows.map(line), ""];
  for (const r of results) {
    for (const s of r.steps.filter((step) => BROKEN_DOWN.test(step.step) && step.calls.total > 0)) {
      out.push(`${r.stack}/${r.auth} ${s.step}: ${s.calls.total} management calls`);
      for (const e of s.calls.byEndpoint) out.push(`  ${String(e.calls).padStart(4)}  ${e.endpoint}`);
    }
  }
  for (const r of results) {
    const failed = r.steps.find((s) => !s.ok);
    if (failed) out.push(`${r.stack}/${r.auth}: ${failed.step} failed: ${failed.detail ?? "(no detail)"}`);
    if (r.workspace) out.push(`${r.stack}/${r.auth}: kept ${r.workspace}`);
  }
  const passed = results.filter((r) => r.ok).length;
  out.push(`${passed} of ${results.length} runs passed`);
  return `${out.join("\n")}\n`;
}

export function renderJson(results: readonly StackRunResult[]): string {
  return `${JSON.stringify({ ok: results.every((r) => r.ok), runs: results }, null, 2)}\n`;
}
