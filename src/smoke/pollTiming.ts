import { DEFAULT_INTERVAL_SECONDS } from "./polling";

/** Faster than this is a flood whatever the server says (an `interval` of 0 gave ~490 polls/s). */
export const MIN_INTERVAL_SECONDS = 1;
/** Longest the check waits for one push, however long the server says the code lives. */
export const MAX_WAIT_SECONDS = 600;
/** Okta's default lifetime of an oob_code, used when the answer leaves it out. */
export const DEFAULT_EXPIRES_IN_SECONDS = 300;

export interface PollTiming {
  intervalSeconds: number;
  expiresInSeconds: number;
  /** One sentence per value the server sent that the check did not use as sent. */
  notices: string[];
}

/** Long or odd values are quoted short: the point is what kind of value it was. */
function quoted(value: unknown): string {
  const text = typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function seconds(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * The server's `interval` and `expires_in` bounded to what a well-behaved check does: never
 * faster than every second, never longer than ten minutes, defaults for what is not a
 * non-negative number of seconds. Every change is said, not made silently.
 */
export function pollTiming(interval: unknown, expiresIn: unknown): PollTiming {
  const notices: string[] = [];
  let intervalSeconds = DEFAULT_INTERVAL_SECONDS;
  if (interval !== undefined) {
    const asked = seconds(interval);
    if (asked === undefined) {
      notices.push(`the server's interval ${quoted(interval)} is not a number of seconds; polled every ${DEFAULT_INTERVAL_SECONDS} s`);
    } else if (asked < MIN_INTERVAL_SECONDS) {
      intervalSeconds = MIN_INTERVAL_SECONDS;
      notices.push(`the server asked for interval ${quoted(interval)} s; polled every ${MIN_INTERVAL_SECONDS} s`);
    } else {
      intervalSeconds = asked;
    }
  }
  let expiresInSeconds = DEFAULT_EXPIRES_IN_SECONDS;
  if (expiresIn !== undefined) {
    const asked = seconds(expiresIn);
    if (asked === undefined) {
      notices.push(`the server's expires_in ${quoted(expiresIn)} is not a number of seconds; waited at most ${DEFAULT_EXPIRES_IN_SECONDS} s`);
    } else if (asked > MAX_WAIT_SECONDS) {
      expiresInSeconds = MAX_WAIT_SECONDS;
      notices.push(`the server said the code expires in ${quoted(expiresIn)} s; waited at most ${MAX_WAIT_SECONDS} s`);
    } else {
      expiresInSeconds = asked;
    }
  }
  return { intervalSeconds, expiresInSeconds, notices };
}
