import { randomBytes } from "node:crypto";

/**
 * An OAuth-style failure (`{error, error_description}`). Descriptions name the org setting at fault
 * but never a submitted credential, code or token.
 */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    /** Extra response fields, such as the `mfa_token` of `mfa_required`. */
    readonly extra: Record<string, unknown> = {},
    /** Headers of the answer, such as a throttle's `X-Rate-Limit-*`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(`${error}: ${description}`);
    this.name = "OAuthError";
  }

  body(): Record<string, unknown> {
    return { error: this.error, error_description: this.description, ...this.extra };
  }
}

/** A management-style failure (`{errorCode, errorSummary, errorLink, errorId, errorCauses}`). */
export class ManagementApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly errorSummary: string,
    readonly causes: readonly string[] = [],
  ) {
    super(`${errorCode}: ${errorSummary}`);
    this.name = "ManagementApiError";
  }

  body(): Record<string, unknown> {
    return oktaErrorBody(this.errorCode, this.errorSummary, this.causes);
  }
}

export function oktaErrorBody(errorCode: string, errorSummary: string, causes: readonly string[] = []) {
  return {
    errorCode,
    errorSummary,
    errorLink: errorCode,
    errorId: `oae${randomBytes(16).toString("base64url").slice(0, 19)}`,
    errorCauses: causes.map((cause) => ({ errorSummary: cause })),
  };
}

export const validationFailed = (field: string, causes: string[]) =>
  new ManagementApiError(400, "E0000001", `Api validation failed: ${field}`, causes);

export const malformedBody = () => new ManagementApiError(400, "E0000003", "The request body was not well-formed.");

export const notFound = (what: string, type: string) =>
  new ManagementApiError(404, "E0000007", `Not found: Resource not found: ${what} (${type})`);

export const invalidToken = () => new ManagementApiError(401, "E0000011", "Invalid token provided");

export const methodNotAllowed = () =>
  new ManagementApiError(405, "E0000022", "The endpoint does not support the provided HTTP method");

export const INTERNAL_ERROR = { code: "E0000009", summary: "Internal Server Error" } as const;
export const RATE_LIMITED = { code: "E0000047", summary: "API call exceeded rate limit due to too many requests." } as const;
