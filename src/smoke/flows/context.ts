import { AuthenticatorMethod } from "../../catalogue/authenticators";
import { Variant } from "../../catalogue/variants";
import { Endpoints } from "../discovery";
import { OAuthAnswer } from "../oauthResponse";
import { Redactor } from "../../http/redactor";
import { TotpCodes } from "../totp";
import { Clock, CodeSource, SmokeStatus, SmokeTarget, Step } from "../types";

export interface FlowOutcome {
  status: Extract<SmokeStatus, "pass" | "wired">;
  /** For `wired`: what was proven and what would finish the flow. */
  note?: string;
}

/** What a flow may use; everything that touches the network or the output goes through it. */
export interface FlowContext {
  variant: Variant;
  target: SmokeTarget;
  endpoints: Endpoints;
  username: string;
  password?: string;
  scope: string;
  channel: AuthenticatorMethod;
  /** A person or the emulator can answer: await pushes and fetch codes instead of stopping at `wired`. */
  completeHumanSteps: boolean;
  interactive: boolean;
  codeSource?: CodeSource;
  totp?: TotpCodes;
  clock: Clock;
  secrets: Redactor;
  /** Starts a step: a progress line, and the step (and grant) a failure from now on is blamed on. */
  enter(step: Step, detail?: string, grantType?: string): void;
  /** A progress line within the current step. */
  note(detail: string): void;
  /** Something the server asked for that the check did otherwise; kept in the variant's result. */
  notice(text: string): void;
  /** Form POST with `client_id`; every secret it sends or receives is registered for redaction. */
  post(url: string, form: Record<string, string | undefined>): Promise<OAuthAnswer>;
  /** Verifies the ID token of a token response. */
  finish(tokens: Record<string, unknown>): Promise<FlowOutcome>;
}

export type Flow = (ctx: FlowContext) => Promise<FlowOutcome>;

export { pathOf } from "../httpClient";
