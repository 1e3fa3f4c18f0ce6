/**
 * What went wrong, as data: the OAuth `error` (or Okta `errorCode`, or one of the smoke check's own
 * codes such as `timeout`) with what the server said. The diagnosis table turns it into a sentence.
 */
export interface Problem {
  code: string;
  status?: number;
  /** Server text (`error_description` / `errorSummary`), length-limited; redacted before display. */
  description?: string;
  detail?: Record<string, string | number>;
}

/** Carries a Problem out of the HTTP client and the flows; its message never holds request data. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.code}${problem.status ? ` (HTTP ${problem.status})` : ""}`);
    this.name = "ProblemError";
  }
}

export function fail(code: string, extra: Omit<Problem, "code"> = {}): never {
  throw new ProblemError({ code, ...extra });
}

/** Anything thrown that is not a ProblemError is our own bug: reported by name only, never by message. */
export function problemOf(error: unknown): Problem {
  return error instanceof ProblemError ? error.problem : { code: "internal_error", detail: { name: (error as Error)?.name ?? "Error" } };
}
