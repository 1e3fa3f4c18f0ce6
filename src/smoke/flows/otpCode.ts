import { FlowContext } from "./context";

/** Six digits no authenticator is likely to show; used to prove the grant is allowed without a secret. */
export const WRONG_OTP = "000000";

const UNKNOWN_USER = /login_hint|no such user|user not found|unknown user/i;

export async function otpCode(ctx: FlowContext): Promise<string> {
  if (!ctx.totp) return WRONG_OTP;
  return ctx.totp.next((waitMs) =>
    ctx.note(`this 30-second TOTP window's code was already used; waiting ${Math.ceil(waitMs / 1000)} s for the next`),
  );
}

/** Without a secret, `invalid_grant` for a wrong code is the best proof there is: client, grant and user were accepted. */
export function provesWiringWithoutSecret(ctx: FlowContext, problem: { code: string; description?: string }): boolean {
  return !ctx.totp && problem.code === "invalid_grant" && !UNKNOWN_USER.test(problem.description ?? "");
}

export const WIRED_WITHOUT_SECRET =
  "the server answered a deliberately wrong code with invalid_grant, so the grant is allowed; set OKTA_SMOKE_TOTP_SECRET to get tokens";
