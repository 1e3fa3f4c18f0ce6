import { z } from "zod";
import { MAX_BODY_BYTES, readTextUpTo } from "../http/boundedBody";
import { systemClock } from "./clock";
import { checkTransport } from "./httpClient";
import { fail } from "./problem";
import { Clock, CodeSource } from "./types";

export interface OutboxOptions {
  /** How long a code may take to show up; default 5 000 (the emulator files it before it answers). */
  timeoutMs?: number;
  /** Between reads of the outbox; default 100. */
  intervalMs?: number;
  clock?: Clock;
  fetch?: typeof fetch;
}

const outboxSchema = z.object({
  messages: z.array(z.object({ channel: z.string(), code: z.string(), sentAt: z.string() })),
});

/**
 * Reads codes from the emulator's outbox (`GET {outboxUrl}?login=&channel=`), standing in for the
 * person who would read the SMS, call or email. Takes the newest message sent since the request;
 * these reads are not Okta requests and are not counted.
 */
export function outboxCodeSource(outboxUrl: string, options: OutboxOptions = {}): CodeSource {
  const clock = options.clock ?? systemClock;
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const intervalMs = options.intervalMs ?? 100;
  return async ({ channel, login, sentAfter }) => {
    checkTransport(outboxUrl);
    const url = new URL(outboxUrl);
    url.searchParams.set("login", login);
    url.searchParams.set("channel", channel);
    const deadline = clock.now() + timeoutMs;
    for (;;) {
      const messages = await readOutbox(fetchImpl, url, timeoutMs);
      const newest = messages
        .filter((m) => m.channel === channel && Date.parse(m.sentAt) >= sentAfter.getTime())
        .at(-1);
      if (newest) return newest.code;
      if (clock.now() + intervalMs > deadline) return undefined;
      await clock.sleep(intervalMs);
    }
  };
}

async function readOutbox(fetchImpl: typeof fetch, url: URL, timeoutMs: number): Promise<z.infer<typeof outboxSchema>["messages"]> {
  let response: Response;
  try {
    // Never followed: the outbox is asked for a login's codes, and they must come from where it was pointed.
    response = await fetchImpl(url, { headers: { Accept: "application/json" }, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    fail("outbox_unavailable", { detail: { path: url.pathname } });
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel().catch(() => undefined);
    fail("outbox_unavailable", { status: response.status, detail: { path: url.pathname, redirected: "yes" } });
  }
  const text = await readTextUpTo(response, MAX_BODY_BYTES).catch(() => undefined);
  const parsed = outboxSchema.safeParse(parsedJson(text));
  if (!response.ok || !parsed.success) fail("outbox_unavailable", { status: response.status, detail: { path: url.pathname } });
  return parsed.data.messages;
}

function parsedJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
