import { Secret, TOTP } from "otpauth";

export interface JsonResponse {
  status: number;
  contentType: string;
  headers: Headers;
  body: Record<string, unknown>;
}

/** What a test reads back from any call: status, content type and the parsed JSON body. */
async function asJson(response: Response): Promise<JsonResponse> {
  const text = await response.text();
  const contentType = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    contentType,
    headers: response.headers,
    body: contentType.startsWith("application/json") && text ? (JSON.parse(text) as Record<string, unknown>) : { text },
  };
}

/**
 * A Direct Authentication call as docs/direct-auth-reference.md#wire-protocol describes it: form-encoded POST, JSON
 * accepted.
 */
export async function postForm(url: string, form: Record<string, string | undefined>): Promise<JsonResponse> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== undefined) body.set(key, value);
  return asJson(
    await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body,
    }),
  );
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<JsonResponse> {
  return asJson(await fetch(url, { headers: { accept: "application/json", ...headers } }));
}

export async function sendJson(
  method: string,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  return asJson(
    await fetch(url, {
      method,
      headers: { accept: "application/json", "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

const TOTP_PERIOD_MS = 30_000;

/** The 30-s time step Google Authenticator is in now. */
export const currentTotpStep = () => Math.floor(Date.now() / TOTP_PERIOD_MS);

/** The code Google Authenticator shows during time step `step`. */
export function totpCodeAt(secret: string, step: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: step * TOTP_PERIOD_MS });
}

/** The code Google Authenticator would show now (or `steps` periods away). */
export function totpCode(secret: string, steps = 0): string {
  return totpCodeAt(secret, currentTotpStep() + steps);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits out the last second of the current 30-s step, so that a code some steps away from now is
 * still that many steps away when the server checks it a moment later.
 */
export async function clearOfStepBoundary(): Promise<void> {
  const left = TOTP_PERIOD_MS - (Date.now() % TOTP_PERIOD_MS);
  if (left < 1000) await sleep(left + 1);
}
