import { Answer } from "../answer";
import { OAuthError } from "../errors";
import { grantEnabledOnApp, grantTypeKnown, raise } from "../policyChecks";
import { ClientRequest } from "./flow";
import { GRANT_HANDLERS } from "./grants";
import { requiredParam } from "./params";

/** `POST .../v1/token`: the grant must exist on this server and be ticked on the app before it runs. */
export async function tokenEndpoint(ctx: ClientRequest): Promise<Answer> {
  const grantType = requiredParam(ctx.form, "grant_type");
  raise(grantTypeKnown(grantType) ?? grantEnabledOnApp(ctx.app, grantType));
  const handler = GRANT_HANDLERS[grantType];
  if (!handler) throw new OAuthError(400, "invalid_request", `The Okta emulator does not implement the ${grantType} grant.`);
  return handler(ctx);
}
