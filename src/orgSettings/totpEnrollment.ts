import { Secret, TOTP } from "otpauth";
import { OktaApiError, OktaManagementClient } from "./managementClient";

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
  const user = await client.get<{ id: string }>(`/api/v1/users/${encodeURIComponent(login)}`);
  let factor: FactorResponse;
  try {
    factor = await client.post<FactorResponse>(`/api/v1/users/${user.id}/factors`, {
      factorType: "token:software:totp",
      provider: "GOOGLE",
    });
  } catch (error) {
    if (error instanceof OktaApiError && error.status === 400) {
      throw new Error(
        `${login} already has a Google Authenticator factor, whose secret Okta does not reveal: set ` +
          `OKTA_SMOKE_TOTP_SECRET to it, or reset that factor and run again (${error.summary})`,
      );
    }
    throw error;
  }
  const secret = factor._embedded?.activation?.sharedSecret;
  if (!secret) throw new Error("Okta did not return the new factor's shared secret");
  await client.post(`/api/v1/users/${user.id}/factors/${factor.id}/lifecycle/activate`, { passCode: totpCode(secret) });
  return { userId: user.id, factorId: factor.id, secret };
}

export async function removeFactor(client: OktaManagementClient, enrolled: EnrolledTotp): Promise<void> {
  await client.delete(`/api/v1/users/${enrolled.userId}/factors/${enrolled.factorId}`);
}
