import { MAX_BODY_BYTES, readTextUpTo } from "../http/boundedBody";

/**
 * The org could not be talked to as Okta's API: no answer in time, no connection, a redirect, or
 * an answer that is not JSON. The message is one plain sentence and never holds a credential.
 */
export class OktaTransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OktaTransportError";
  }
}

/** Statuses whose Response may not carry a body. An array: Pulumi serializes a Set as a plain object. */
const NULL_BODY = [101, 204, 205, 304];

function described(method: string, url: string): string {
  return `${method} ${new URL(url).pathname} on ${new URL(url).origin}`;
}

function originOf(location: string, base: string): string {
  try {
    return new URL(location, base).origin;
  } catch {
    return "an invalid URL";
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Only Errors reach here (fetch and the body reader reject with nothing else); never their message, which may quote a header. */
function causeOf(error: unknown): string {
  const { cause, name } = error as { name: string; cause?: { code?: string; message?: string } };
  return cause?.code ?? cause?.message ?? name;
}

/**
 * One management API request, its body read within `timeoutMs` too (a server stalling mid-body must
 * not hang the caller) and capped in size. Redirects are refused, not followed: the credentials
 * in `init` go to the org's own origin only. The answer comes back with its body buffered.
 */
export async function fetchOkta(url: string, { timeoutMs, ...init }: RequestInit & { method: string; timeoutMs: number }): Promise<Response> {
  const signal = AbortSignal.timeout(timeoutMs);
  let text: string | undefined;
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: "manual", signal });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      throw new OktaTransportError(
        `${described(init.method, url)} redirected (HTTP ${response.status}) to ${originOf(response.headers.get("location") ?? "", url)}; redirects are not followed, so check the org URL`,
      );
    }
    text = await readTextUpTo(response, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof OktaTransportError) throw error;
    if (signal.aborted) throw new OktaTransportError(`${described(init.method, url)} did not answer within ${seconds(timeoutMs)}`);
    throw new OktaTransportError(`could not reach ${new URL(url).host} (${causeOf(error)})`);
  }
  if (text === undefined) {
    throw new OktaTransportError(`${described(init.method, url)} answered more than ${MAX_BODY_BYTES / 1024 / 1024} MiB; check the org URL and any proxy`);
  }
  const { status, statusText, headers } = response;
  // Bytes, not the string: a string body would make the Response claim text/plain when the org sent no type.
  return new Response(NULL_BODY.includes(status) ? null : new TextEncoder().encode(text), { status, statusText, headers });
}

/** A successful answer's JSON; an HTML page (a login or proxy page) or other text is said plainly. */
export async function readOktaJson(response: Response, method: string, url: string): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const mediaType = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    const what = mediaType === "text/html" || /^\s*<(!doctype|html)/i.test(text) ? "an HTML page" : `${mediaType || "a body"} that is not JSON`;
    throw new OktaTransportError(`${described(method, url)} answered ${what} (HTTP ${response.status}); check the org URL and any proxy`);
  }
}
