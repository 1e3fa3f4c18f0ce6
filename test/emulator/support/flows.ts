import { GRANT } from "../../../src/catalogue/grants";
import { RunningEmulator } from "../../../src/emulator";
import { JsonResponse, currentTotpStep, getJson, postForm, sleep, totpCodeAt } from "./http";

export const SCOPE = "openid profile offline_access";

/** Endpoints of one authorization server, derived from its discovery document like an SDK would. */
export interface Endpoints {
  issuer: string;
  token: string;
  primaryAuthenticate: string;
  oobAuthenticate: string;
  challenge: string;
  jwks: string;
}

export async function endpointsOf(emulator: RunningEmulator, authServerId?: string): Promise<Endpoints> {
  const issuer = emulator.issuer(authServerId);
  const discovery = await getJson(`${issuer}/.well-known/openid-configuration`);
  const token = String(discovery.body.token_endpoint);
  return {
    issuer: String(discovery.body.issuer),
    token,
    primaryAuthenticate: token.replace(/\/token$/, "/primary-authenticate"),
    oobAuthenticate: token.replace(/\/token$/, "/oob-authenticate"),
    challenge: token.replace(/\/token$/, "/challenge"),
    jwks: String(discovery.body.jwks_uri),
  };
}

export interface FlowTarget {
  emulator: RunningEmulator;
  endpoints: Endpoints;
  clientId: string;
}

/** Okta's two-minute clock skew for Google Authenticator, in 30-s steps either way. */
const SKEW_STEPS = 4;
const lastStepHandedOut = new WeakMap<RunningEmulator, number>();

/**
 * A code the emulator has not accepted yet: it takes each passcode once and none from a step before
 * the last accepted, so each call for one emulator moves a step on. The first is three steps behind
 * now rather than four, so it is still within the skew should the step turn before the server checks it.
 */
export function freshTotpCode(emulator: RunningEmulator, secret = emulator.testUser.totpSecret): string {
  const now = currentTotpStep();
  const step = Math.max(now - SKEW_STEPS + 1, (lastStepHandedOut.get(emulator) ?? -Infinity) + 1);
  if (step > now + SKEW_STEPS) throw new Error("every code within the clock skew went to this emulator already: use a fresh one");
  lastStepHandedOut.set(emulator, step);
  return totpCodeAt(secret, step);
}

export function otpGrant(t: FlowTarget, otp = freshTotpCode(t.emulator)): Promise<JsonResponse> {
  return postForm(t.endpoints.token, {
    client_id: t.clientId,
    grant_type: GRANT.otp,
    login_hint: t.emulator.testUser.login,
    otp,
    scope: SCOPE,
  });
}

export function passwordGrant(t: FlowTarget, password = t.emulator.testUser.password): Promise<JsonResponse> {
  return postForm(t.endpoints.token, {
    client_id: t.clientId,
    grant_type: GRANT.password,
    username: t.emulator.testUser.login,
    password,
    scope: SCOPE,
  });
}

/** The password leg of the MFA flows; fails the test unless it answers mfa_required. */
export async function mfaToken(t: FlowTarget): Promise<string> {
  const first = await passwordGrant(t);
  if (first.status !== 403 || first.body.error !== "mfa_required") {
    throw new Error(`password leg answered ${first.status} ${JSON.stringify(first.body)}`);
  }
  return String(first.body.mfa_token);
}

export async function mfaOtpFlow(t: FlowTarget): Promise<JsonResponse> {
  const token = await mfaToken(t);
  return postForm(t.endpoints.token, {
    client_id: t.clientId,
    grant_type: GRANT.mfaOtp,
    mfa_token: token,
    otp: freshTotpCode(t.emulator),
    scope: SCOPE,
  });
}

export function primaryAuthenticate(t: FlowTarget, channel: string): Promise<JsonResponse> {
  return postForm(t.endpoints.primaryAuthenticate, {
    client_id: t.clientId,
    login_hint: t.emulator.testUser.login,
    channel_hint: channel,
    challenge_hint: GRANT.oob,
  });
}

export function challenge(t: FlowTarget, token: string, channel: string): Promise<JsonResponse> {
  return postForm(t.endpoints.challenge, {
    client_id: t.clientId,
    mfa_token: token,
    challenge_types_supported: GRANT.mfaOob,
    channel_hint: channel,
  });
}

/**
 * Polls `/token` as docs/direct-auth-reference.md#tokens-and-polling says: first poll at once, then every `interval`
 * seconds, 5 s more after each slow_down, until something other than pending comes back or `expires_in` passes.
 */
export async function pollToken(
  t: FlowTarget,
  start: Record<string, unknown>,
  form: Record<string, string>,
  seen: string[] = [],
): Promise<JsonResponse> {
  let interval = Number(start.interval ?? 5);
  const deadline = Date.now() + Number(start.expires_in) * 1000 + 1000;
  for (;;) {
    const answer = await postForm(t.endpoints.token, { client_id: t.clientId, oob_code: String(start.oob_code), ...form });
    const error = answer.body.error as string | undefined;
    if (error !== "authorization_pending" && error !== "slow_down") return answer;
    seen.push(error);
    if (error === "slow_down") interval += 5;
    if (Date.now() > deadline) return answer;
    await sleep(interval * 1000);
  }
}

/** Reads the newest code the simulated user received on `channel`, as the outbox shows it. */
export async function receivedCode(emulator: RunningEmulator, channel: string): Promise<string> {
  const outbox = await getJson(`${emulator.outboxUrl}?login=${encodeURIComponent(emulator.testUser.login)}&channel=${channel}`);
  const messages = outbox.body.messages as { code: string }[];
  if (messages.length === 0) throw new Error(`no ${channel} message in the outbox`);
  return messages[messages.length - 1].code;
}

/** Primary-factor out-of-band flow for any channel: push polls, the others send the code they received. */
export async function oobFlow(t: FlowTarget, channel: string, seen: string[] = []): Promise<JsonResponse> {
  const start = await primaryAuthenticate(t, channel);
  if (start.status !== 200) return start;
  const form: Record<string, string> = { grant_type: GRANT.oob, scope: SCOPE };
  if (start.body.binding_method === "prompt") form.binding_code = await receivedCode(t.emulator, channel);
  return pollToken(t, start.body, form, seen);
}

export async function mfaOobFlow(t: FlowTarget, channel: string, seen: string[] = []): Promise<JsonResponse> {
  const token = await mfaToken(t);
  const start = await challenge(t, token, channel);
  if (start.status !== 200) return start;
  const form: Record<string, string> = { grant_type: GRANT.mfaOob, mfa_token: token };
  if (start.body.binding_method === "prompt") form.binding_code = await receivedCode(t.emulator, channel);
  return pollToken(t, start.body, form, seen);
}
