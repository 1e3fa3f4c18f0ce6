import { optionalNumber, requireString } from "../oauthResponse";

/** What `/primary-authenticate` and `/challenge` answer (spec §3). */
export interface OobChallenge {
  oobCode: string;
  expiresInSeconds: number;
  intervalSeconds?: number;
  channel: string;
  bindingMethod: string;
  bindingCode?: string;
  /** Epoch ms the answer arrived; `expires_in` counts from here. */
  issuedAt: number;
}

/** Okta's default lifetime of an oob_code, used only if the answer leaves it out. */
const DEFAULT_EXPIRES_IN_SECONDS = 300;

export function readOobChallenge(body: Record<string, unknown>, path: string, requestedChannel: string, issuedAt: number): OobChallenge {
  const channel = typeof body.channel === "string" ? body.channel : requestedChannel;
  const bindingMethod = typeof body.binding_method === "string" ? body.binding_method : channel === "push" ? "none" : "prompt";
  return {
    oobCode: requireString(body, "oob_code", path),
    expiresInSeconds: optionalNumber(body, "expires_in") ?? DEFAULT_EXPIRES_IN_SECONDS,
    intervalSeconds: optionalNumber(body, "interval"),
    channel,
    bindingMethod,
    bindingCode: bindingMethod === "transfer" ? requireString(body, "binding_code", path) : undefined,
    issuedAt,
  };
}
