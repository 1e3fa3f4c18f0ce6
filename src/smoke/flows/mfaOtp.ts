import { GRANT } from "../../catalogue/grants";
import { ProblemError } from "../problem";
import { Flow, pathOf } from "./context";
import { otpCode, provesWiringWithoutSecret, WIRED_WITHOUT_SECRET } from "./otpCode";
import { passwordLeg } from "./passwordLeg";

/** OTP as the second factor: password → `mfa_token`, then the code with it. */
export const mfaOtpFlow: Flow = async (ctx) => {
  const mfaToken = await passwordLeg(ctx);
  // A wait for a fresh TOTP window (at most 30 s) fits well inside the mfa_token's lifetime.
  const otp = await otpCode(ctx);
  ctx.enter("otp", `POST ${pathOf(ctx.endpoints.token)} grant_type=${GRANT.mfaOtp}${ctx.totp ? "" : " (wrong code on purpose)"}`, GRANT.mfaOtp);
  const answer = await ctx.post(ctx.endpoints.token, {
    grant_type: GRANT.mfaOtp,
    mfa_token: mfaToken,
    otp,
    scope: ctx.scope,
  });
  if (answer.ok) return ctx.finish(answer.body);
  if (provesWiringWithoutSecret(ctx, answer.problem)) return { status: "wired", note: WIRED_WITHOUT_SECRET };
  throw new ProblemError(answer.problem);
};
