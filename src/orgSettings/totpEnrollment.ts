import { Secret, TOTP } from "otpauth";
import { printable } from "../http/printable";
import { OktaApiError, OktaManagementClient } from "./managementClient";
import { OktaTransportError } from "./managementTransport";

/** Enrollment could not be done; the message names the cause, never a secret, and is safe to print. */
export class TotpEnrollmentError extends Error {
  constructor(message: string) {
    super(printable(message));
    this.name = "TotpEnrollmentError";
  }
}

export interface EnrolledTotp {
  userId: string;
  factorId: string;
  /** Base32 shared secret; kept in memory only. */
  secret: string;
}

interface FactorResponse {
  id: string;
  status: string;
  _embedded?: { activation?: { sharedSecret?: string } };
}

export function totpCode(secret: string, at: number = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: at });
}

/**
 * Enrolls a Google Authenticator factor for the test user and activates it with a computed code,
 * so the OTP variants can be checked end to end without a phone.
 */
export async function enrollGoogleAuthenticator(client: OktaManagementClient, login: string): Promise<EnrolledTotp> {
  const user = await explained(`look up ${login}`, () => client.get<{ id: string }>(`/api/v1/users/${encodeURIComponent(login)}`));
  const factor = await explained(`enroll Google Authenticator for ${login}`, () =>
    client.post<FactorResponse>(`/api/v1/users/${user.id}/factors`, { factorType: "token:software:totp", provider: "GOOGLE" }),
  );
  const secret = factor._embedded?.activation?.sharedSecret;
  if (!secret) throw new TotpEnrollmentError("Okta did not return the new factor's shared secret");
  // Okta accepts each passcode once and none older than the last accepted: activating with the
  // previous step's code (within its two-minute skew) leaves the current step to the flows.
  await explained("activate the new factor", () =>
    client.post(`/api/v1/users/${user.id}/factors/${factor.id}/lifecycle/activate`, {
      passCode: totpCode(secret, Date.now() - 30_000),
    }),
  );
  return { userId: user.id, factorId: factor.id, secret };
}

/**
 * A timeout, redirect or non-JSON answer is said as it is. A 400 on enroll usually means the user already has the factor, whose secret Okta never reveals
 * again; the other failures (no such user, Google Authenticator not enrollable) say so themselves.
 */
async function explained<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof OktaTransportError) throw new TotpEnrollmentError(`could not ${what}: ${error.message}`);
    if (!(error instanceof OktaApiError)) throw error;
    const hint =
      error.status === 400 && what.startsWith("enroll")
        ? "; if the user already has a Google Authenticator factor, set OKTA_SMOKE_TOTP_SECRET to its secret or reset the factor"
        : "";
    throw new TotpEnrollmentError(`could not ${what}: ${error.message}${hint}`);
  }
}

export async function removeFactor(client: OktaManagementClient, enrolled: EnrolledTotp): Promise<void> {
  await client.delete(`/api/v1/users/${enrolled.userId}/factors/${enrolled.factorId}`);
}

/**
 * Runs `use` with a freshly enrolled factor's secret, then removes the factor unless `keep`, even
 * when `use` throws, so a smoke run leaves the test user as it found it.
 */
export async function withTemporaryTotpFactor<T>(
  client: OktaManagementClient,
  login: string,
  keep: boolean,
  use: (secret: string) => Promise<T>,
  /**
   * Told instead of throwing when the factor cannot be removed after `use` succeeded, so the run's
   * result is not lost to its clean-up.
   */
  onLeftBehind?: (problem: TotpEnrollmentError) => void,
): Promise<T> {
  const enrolled = await enrollGoogleAuthenticator(client, login);
  const remove = () => explained(`remove the enrolled factor (remove it from ${login} in the Admin Console)`, () => removeFactor(client, enrolled));
  let result: T;
  try {
    result = await use(enrolled.secret);
  } catch (error) {
    if (!keep) await remove();
    throw error;
  }
  if (!keep) {
    try {
      await remove();
    } catch (error) {
      if (!(error instanceof TotpEnrollmentError) || !onLeftBehind) throw error;
      onLeftBehind(error);
    }
  }
  return result;
}
