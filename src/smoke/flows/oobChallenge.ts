import { requireString } from "../oauthResponse";
import { pollTiming } from "../pollTiming";

/** What `/primary-authenticate` and `/challenge` answer (docs/direct-auth-reference.md#flows). */
export interface OobChallenge {
  oobCode: string;
  /** Bounded: see pollTiming. */
  expiresInSeconds: number;
  intervalSeconds: number;
  /** What the server sent for the poll timing that the check does not use as sent. */
  timingNotices: string[];
  channel: string;
  bindingMethod: string;
  bindingCode?: string;
  /** Epoch ms the answer arrived; `expires_in` counts from here. */
  issuedAt: number;
}

export function readOobChallenge(body: Record<string, unknown>, path: string, requestedChannel: string, issuedAt: number): OobChallenge {
  const channel = typeof body.channel === "string" ? body.channel : requestedChannel;
  const bindingMethod = typeof body.binding_method === "string" ? body.binding_method : channel === "push" ? "none" : "prompt";
  const timing = pollTiming(body.interval, body.expires_in);
  return {
    oobCode: requireString(body, "oob_code", path),
    expiresInSeconds: timing.expiresInSeconds,
    intervalSeconds: timing.intervalSeconds,
    timingNotices: timing.notices,
    channel,
    bindingMethod,
    bindingCode: bindingMethod === "transfer" ? requireString(body, "binding_code", path) : undefined,
    issuedAt,
  };
}
