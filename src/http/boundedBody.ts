/** Far above any discovery document, JWKS or token answer; far below what would exhaust memory. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A response body as text, or undefined when it is longer than `limitBytes`: reading stops at
 * the limit (or before, when Content-Length already says so) and the rest is never fetched.
 */
export async function readTextUpTo(response: Response, limitBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get("content-length") ?? "");
  if (declared > limitBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
