import { printable } from "../http/printable";
import { ProgressEvent, SmokeReport, SmokeResult, SmokeStatus } from "./types";

const STATUS_ORDER: readonly SmokeStatus[] = ["pass", "wired", "fail", "skipped"];

/**
 * 0 when nothing failed (`wired` and `skipped` are not failures), 1 otherwise: a policy the
 * simulation found wrong is a failure too, one it could not simulate is not.
 */
export function exitCodeOf(report: SmokeReport): 0 | 1 {
  const policyWrong = (r: SmokeResult) => r.policy !== undefined && !r.policy.verified && !r.policy.notSimulated;
  return report.results.some((r) => r.status === "fail" || policyWrong(r)) ? 1 : 0;
}

/**
 * Exactly the documented shape, field order included, whatever else a result object carries.
 * Strings are made printable too: JSON escapes C0 but passes C1 and bidi controls through raw.
 */
export function renderSmokeJson(report: SmokeReport): string {
  return JSON.stringify(
    {
      issuer: printable(report.issuer),
      results: report.results.map((r) => ({
        variant: printable(r.variant),
        app: printable(r.app),
        status: r.status,
        step: r.step,
        ...(r.diagnosis ? { diagnosis: printable(r.diagnosis) } : {}),
        ...(r.policy ? { policy: printable(r.policy.text) } : {}),
        ...(r.notices?.length ? { notices: r.notices.map(printable) } : {}),
        requests: r.requests,
        ms: r.ms,
      })),
    },
    null,
    2,
  );
}

const COLUMNS: { title: string; value: (r: SmokeResult) => string; right?: boolean }[] = [
  { title: "VARIANT", value: (r) => r.variant },
  { title: "APP", value: (r) => r.app },
  { title: "STATUS", value: (r) => (r.status === "fail" ? "FAIL" : r.status) },
  { title: "STEP", value: (r) => r.step },
  { title: "REQUESTS", value: (r) => String(r.requests), right: true },
  { title: "TIME", value: (r) => formatMs(r.ms), right: true },
];

function formatMs(ms: number): string {
  return ms < 10_000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function renderSmokeTable(report: SmokeReport): string {
  const rows = report.results.map((r) => COLUMNS.map((c) => printable(c.value(r))));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (COLUMNS[i].right ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  const notes = report.results.flatMap((r) => [
    ...(r.diagnosis ? [`  ${printable(r.variant)} (${r.status}): ${printable(r.diagnosis)}`] : []),
    ...(r.policy ? [`  ${printable(r.variant)} policy: ${printable(r.policy.text)}`] : []),
    ...(r.notices ?? []).map((notice) => `  ${printable(r.variant)} (notice): ${printable(notice)}`),
  ]);
  const counts = STATUS_ORDER.map((s) => `${report.results.filter((r) => r.status === s).length} ${s}`).join(", ");
  return [
    `Smoke check of ${printable(report.issuer)}`,
    "",
    line(COLUMNS.map((c) => c.title)),
    ...rows.map(line),
    ...(notes.length > 0 ? ["", ...notes] : []),
    "",
    `${report.results.length} variant${report.results.length === 1 ? "" : "s"}: ${counts}`,
  ].join("\n");
}

export function renderProgress(event: ProgressEvent): string {
  return printable(`[${event.variant}] ${event.step}${event.detail ? `: ${event.detail}` : ""}`);
}
