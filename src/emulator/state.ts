import { issuerUrl } from "../okta/issuer";
import { FaultQueue } from "./faults";
import { CustomAuthorizationServer, Org } from "./orgModel";
import { ServiceApps } from "./oauth/serviceApps";
import { Outbox } from "./messageOutbox";
import { Transactions } from "./transactions";

export interface PushOptions {
  outcome: "approve" | "reject" | "never";
  /** Polls answered `authorization_pending` before the simulated user acts. */
  afterPolls: number;
  bindingMethod: "none" | "transfer";
}

export interface EmulatorSettings {
  push: PushOptions;
  pollIntervalSeconds: number;
  oobExpiresInSeconds: number;
  mfaTokenExpiresInSeconds: number;
  apiToken?: string;
  /** Okta's SMS and voice throttle; off with `rateLimits: "reported"`. */
  throttles: boolean;
}

/** Everything the endpoints share; `url` is known once the server listens. */
export interface EmulatorState {
  org: Org;
  settings: EmulatorSettings;
  outbox: Outbox;
  faults: FaultQueue;
  transactions: Transactions;
  serviceApps: ServiceApps;
  url: string;
}

/** The authorization server a request addressed: the org's (`key` "") or a custom one. */
export interface ServerRef {
  key: string;
  issuer: string;
  audience: string;
  custom?: CustomAuthorizationServer;
}

export function orgServer(state: EmulatorState): ServerRef {
  return { key: "", issuer: issuerUrl(state.url), audience: state.url };
}

export function customServer(state: EmulatorState, server: CustomAuthorizationServer): ServerRef {
  return { key: server.id, issuer: issuerUrl(state.url, server.id), audience: server.audience, custom: server };
}
