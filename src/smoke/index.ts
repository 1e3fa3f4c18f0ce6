/**
 * The smoke check: drives each configured Direct Authentication flow against an issuer and says
 * per variant whether tokens came out, how far it got, or what in the setup to fix.
 */
export { runSmoke } from "./runSmoke";
export { outboxCodeSource } from "./outbox";
export { exitCodeOf, renderSmokeJson, renderProgress, renderSmokeTable } from "./report";
export type {
  Clock,
  CodeSource,
  ProgressEvent,
  SmokeOptions,
  SmokeReport,
  SmokeResult,
  SmokeStatus,
  SmokeTarget,
} from "./types";
