import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { jsonAnswer, noContent } from "../answer";
import { ManagementApiError, notFound, validationFailed } from "../errors";
import { factorAuthenticator, isEnrolled } from "../factors";
import { OrgUser, authenticatorByKey, enrollmentOf } from "../orgModel";
import { EmulatorState } from "../state";
import { newTotpSecret } from "../orgAdministrator";
import { acceptedTotpStep } from "../totpCheck";
import { ApiRoute, jsonBody } from "./api";
import { userFor } from "./userAccounts";
import { FactorView, factorJson } from "./userShapes";

const GOOGLE_OTP = "google_otp";

/** The user's enrollments, as Okta's factors API lists them. */
function factorsOf(state: EmulatorState, user: OrgUser): FactorView[] {
  const { org } = state;
  const factors: FactorView[] = [];
  const enrolled = (key: string) => isEnrolled(org, user, key);
  const factor = (key: string, prefix: string, factorType: string, provider: string, profile: Record<string, unknown>) =>
    factors.push({ id: oktaId(prefix, `${user.id}:${factorType}`), key, factorType, provider, status: "ACTIVE", profile });
  if (enrolled(GOOGLE_OTP)) {
    factors.push({
      id: user.totpFactorId,
      key: GOOGLE_OTP,
      factorType: "token:software:totp",
      provider: "GOOGLE",
      status: "ACTIVE",
      profile: { credentialId: user.login },
    });
  }
  const push = factorAuthenticator(org, "push").key;
  if (enrolled(push)) factor(push, "opf", "push", "OKTA", { name: "Emulated phone", platform: "IOS" });
  if (enrolled("phone_number")) {
    factor("phone_number", "mbl", "sms", "OKTA", { phoneNumber: user.mobilePhone });
    if (authenticatorByKey(org, "phone_number")?.methods.get("voice") === "ACTIVE") {
      factor("phone_number", "clf", "call", "OKTA", { phoneNumber: user.mobilePhone });
    }
  }
  if (enrolled("okta_email")) factor("okta_email", "emf", "email", "OKTA", { email: user.email });
  if (user.pendingTotp) {
    factors.push({
      id: user.pendingTotp.factorId,
      key: GOOGLE_OTP,
      factorType: "token:software:totp",
      provider: "GOOGLE",
      status: "PENDING_ACTIVATION",
      profile: { credentialId: user.login },
    });
  }
  return factors;
}

function factorFor(state: EmulatorState, user: OrgUser, factorId: string): FactorView {
  const factor = factorsOf(state, user).find((f) => f.id === factorId);
  if (!factor) throw notFound(factorId, "UserFactor");
  return factor;
}

/** Only Google Authenticator can be enrolled here, and only while the org lets users enroll it. */
function enrollGoogleAuthenticator(state: EmulatorState, user: OrgUser, body: Record<string, unknown>) {
  if (body.factorType !== "token:software:totp" || body.provider !== "GOOGLE") {
    throw validationFailed("factorType", ["The emulator enrolls only factorType token:software:totp with provider GOOGLE."]);
  }
  const google = authenticatorByKey(state.org, GOOGLE_OTP);
  if (google?.status !== "ACTIVE" || enrollmentOf(state.org, GOOGLE_OTP, user.id) === "NOT_ALLOWED") {
    throw validationFailed("factorType", ["Google Authenticator is not enabled for enrollment in this org."]);
  }
  if (isEnrolled(state.org, user, GOOGLE_OTP)) throw validationFailed("factorType", ["A factor of this type is already set up."]);
  user.pendingTotp = { factorId: oktaId("uft", randomBytes(12).toString("hex")), secret: newTotpSecret() };
  return user.pendingTotp;
}

export const USER_FACTOR_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/users/{userId}/factors",
    description: "a user's enrolled factors",
    handle: (state, [id]) => {
      const user = userFor(state, id);
      return jsonAnswer(200, factorsOf(state, user).map((f) => factorJson(state.url, user, f)));
    },
  },
  {
    method: "POST",
    path: "/api/v1/users/{userId}/factors",
    description: "enroll a factor",
    handle: (state, [id], request) => {
      const user = userFor(state, id);
      const pending = enrollGoogleAuthenticator(state, user, jsonBody(request));
      const factor = factorFor(state, user, pending.factorId);
      return jsonAnswer(200, {
        ...factorJson(state.url, user, factor),
        _embedded: { activation: { timeStep: 30, sharedSecret: pending.secret, encoding: "base32", keyLength: 6 } },
      });
    },
  },
  {
    method: "GET",
    path: "/api/v1/users/{userId}/factors/{factorId}",
    description: "read a factor",
    handle: (state, [id, factorId]) => {
      const user = userFor(state, id);
      return jsonAnswer(200, factorJson(state.url, user, factorFor(state, user, factorId)));
    },
  },
  {
    method: "POST",
    path: "/api/v1/users/{userId}/factors/{factorId}/lifecycle/activate",
    description: "activate a factor with a code",
    handle: (state, [id, factorId], request) => {
      const user = userFor(state, id);
      const pending = user.pendingTotp;
      if (pending?.factorId !== factorId) throw notFound(factorId, "UserFactor");
      const passCode = jsonBody(request).passCode;
      const step = typeof passCode === "string" ? acceptedTotpStep(pending.secret, passCode) : undefined;
      if (step === undefined) {
        throw new ManagementApiError(403, "E0000068", "Invalid Passcode/Answer", ["Your passcode doesn't match our records. Please try again."]);
      }
      user.totpSecret = pending.secret;
      user.lastTotpStep = step;
      user.totpFactorId = pending.factorId;
      user.pendingTotp = undefined;
      user.unenrolled.delete(GOOGLE_OTP);
      return jsonAnswer(200, factorJson(state.url, user, factorFor(state, user, factorId)));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/users/{userId}/factors/{factorId}",
    description: "unenroll a factor",
    handle: (state, [id, factorId]) => {
      const user = userFor(state, id);
      const factor = factorFor(state, user, factorId);
      if (factor.status === "PENDING_ACTIVATION") user.pendingTotp = undefined;
      else user.unenrolled.add(factor.key);
      return noContent();
    },
  },
];
