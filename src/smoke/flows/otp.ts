import { GRANT } from "../../catalogue/grants";
import { ProblemError } from "../problem";
import { Flow, pathOf } from "./context";
import { otpCode, provesWiringWithoutSecret, WIRED_WITHOUT_SECRET } from "./otpCode";

/** OTP as the primary factor: one token request with `login_hint` and the code. */
export const otpFlow: Flow = async (ctx) => {
  const otp = await otpCode(ctx);
  ctx.enter("otp", `POST ${pathOf(ctx.endpoints.token)} grant_type=${GRANT.otp}${ctx.totp ? "" : " (wrong code on purpose)"}`, GRANT.otp);
  const answer = await ctx.post(ctx.endpoints.token, {
    grant_type: GRANT.otp,
    login_hint: ctx.username,
    otp,
    scope: ctx.scope,
  });
  if (answer.ok) return ctx.finish(answer.body);
  if (provesWiringWithoutSecret(ctx, answer.problem)) return { status: "wired", note: WIRED_WITHOUT_SECRET };
  throw new ProblemError(answer.problem);
};
