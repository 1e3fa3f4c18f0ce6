import { expect } from "vitest";
import { JsonResponse } from "./http";

/** An OAuth-style failure as docs/direct-auth-reference.md#errors lists it: status, `error`, JSON body. */
export function expectOAuthError(answer: JsonResponse, status: number, error: string, description?: RegExp): void {
  expect({ status: answer.status, error: answer.body.error }, JSON.stringify(answer.body)).toEqual({ status, error });
  expect(answer.contentType).toBe("application/json");
  expect(answer.body.error_description).toEqual(expect.any(String));
  if (description) expect(answer.body.error_description).toMatch(description);
}

/** A management-style failure: `{errorCode, errorSummary, errorLink, errorId, errorCauses}`. */
export function expectOktaError(answer: JsonResponse, status: number, errorCode: string): void {
  expect({ status: answer.status, errorCode: answer.body.errorCode }, JSON.stringify(answer.body)).toEqual({ status, errorCode });
  expect(answer.contentType).toBe("application/json");
  expect(answer.body).toEqual({
    errorCode,
    errorSummary: expect.any(String),
    errorLink: errorCode,
    errorId: expect.any(String),
    errorCauses: expect.any(Array),
  });
}

/**
 * Okta's exact words for the refusals that never say which policy or setting refused
 * (docs/direct-auth-reference.md#errors), written out here rather than imported, so the emulator
 * is judged against them.
 */
export const OKTA_SAYS = {
  policyDenied: /^Policy evaluation failed for this request, please check the policy configurations\.$/,
  authenticatorUnusable: /^The required authenticator cannot be used for this request\.$/,
  additionalFactorUnreachable: /^The policy requires an additional factor, but the client cannot use a grant type to provide it\.$/,
} as const;
