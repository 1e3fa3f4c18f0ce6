import { JsonResponse } from "./httpClient";
import { printable } from "../http/printable";
import { fail, Problem } from "./problem";

export type OAuthAnswer =
  | { ok: true; body: Record<string, unknown> }
  /** `body` is kept for answers that carry data with an error, such as `mfa_token` with `mfa_required`. */
  | { ok: false; problem: Problem; body: Record<string, unknown> };

const MAX_DESCRIPTION = 300;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Control characters could rewrite the terminal; long texts bury the point. */
function cleanText(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0) return undefined;
  const text = printable(value).trim();
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}…` : text;
}

/**
 * Reads a JSON answer as OAuth: success bodies on 2xx, `{error, error_description}` or Okta's
 * management shape `{errorCode, errorSummary}` otherwise. 5xx is always the server's own failure.
 */
export function readOAuth(response: JsonResponse, path: string): OAuthAnswer {
  const { status, body } = response;
  if (status >= 200 && status < 300) {
    if (!isRecord(body)) fail("unexpected_body", { status, detail: { path } });
    return { ok: true, body };
  }
  const record = isRecord(body) ? body : {};
  if (status >= 500) {
    return {
      ok: false,
      body: record,
      problem: {
        code: "server_error",
        status,
        description: cleanText(record.errorSummary ?? record.error_description),
        detail: { path, errorCode: typeof record.errorCode === "string" ? record.errorCode : "none" },
      },
    };
  }
  if (typeof record.error === "string") {
    return { ok: false, body: record, problem: { code: record.error, status, description: cleanText(record.error_description), detail: { path } } };
  }
  if (typeof record.errorCode === "string") {
    return { ok: false, body: record, problem: { code: record.errorCode, status, description: cleanText(record.errorSummary), detail: { path } } };
  }
  return { ok: false, body: record, problem: { code: "unexpected_status", status, detail: { path } } };
}

export function requireString(body: Record<string, unknown>, field: string, path: string): string {
  const value = body[field];
  if (typeof value !== "string" || value.length === 0) fail("missing_field", { detail: { path, field } });
  return value;
}
