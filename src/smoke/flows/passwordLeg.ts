import { GRANT } from "../../catalogue/grants";
import { requireString } from "../oauthResponse";
import { fail, ProblemError } from "../problem";
import { FlowContext, pathOf } from "./context";

/**
 * The first leg of both MFA flows: the password grant must answer `mfa_required` with an
 * `mfa_token`. Tokens here mean the app's rule never asks for the second factor.
 */
export async function passwordLeg(ctx: FlowContext): Promise<string> {
  ctx.enter("password", `POST ${pathOf(ctx.endpoints.token)} grant_type=password`, GRANT.password);
  const answer = await ctx.post(ctx.endpoints.token, {
    grant_type: GRANT.password,
    username: ctx.username,
    password: ctx.password,
    scope: ctx.scope,
  });
  if (answer.ok) fail("password_alone_succeeded");
  if (answer.problem.code !== "mfa_required") throw new ProblemError(answer.problem);
  return requireString(answer.body, "mfa_token", pathOf(ctx.endpoints.token));
}
