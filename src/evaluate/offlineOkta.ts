import * as pulumi from "@pulumi/pulumi";
import { LOOKUPS, TOKEN, resourceTypeOf } from "../okta/resourceTypes";
import { EVERYONE_GROUP_ID, lookedUpUserId, oktaId } from "../okta/ids";
import { generatedPassword } from "../okta/passwords";

export interface RecordedInvoke {
  token: string;
  args: Record<string, unknown>;
}

/**
 * Pulumi mocks that answer like an org would for what the program declares: Okta-shaped ids derived
 * from resource names (so repeated evaluations agree), client ids for apps, and lookups of the
 * Everyone group, the test user and custom authorization servers.
 */
export class OfflineOkta implements pulumi.runtime.Mocks {
  readonly resources: pulumi.runtime.MockResourceArgs[] = [];
  readonly invokes: RecordedInvoke[] = [];

  constructor(private readonly orgUrl: string) {}

  newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
    this.resources.push(args);
    if (!args.custom) return { id: undefined, state: {} };
    const id = oktaId(resourceTypeOf(args.type)?.idPrefix ?? "0x", `${args.type}::${args.name}`);
    const state: Record<string, unknown> = { ...args.inputs };
    if (args.type === TOKEN.app) state.clientId = id;
    if (args.type === TOKEN.password) {
      state.result = generatedPassword(Number(args.inputs.length ?? 24));
    }
    return { id, state };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    this.invokes.push({ token: args.token, args: args.inputs });
    switch (args.token) {
      case LOOKUPS.everyoneGroup.token:
        return { id: EVERYONE_GROUP_ID, name: "Everyone" };
      case LOOKUPS.user.token: {
        const login = (args.inputs.searches as { value: string }[] | undefined)?.[0]?.value ?? "unknown";
        return { id: lookedUpUserId(login), login, status: "ACTIVE" };
      }
      case LOOKUPS.authorizationServer.token: {
        const id = oktaId(LOOKUPS.authorizationServer.idPrefix, String(args.inputs.name));
        return { id, name: args.inputs.name, issuer: `${this.orgUrl}/oauth2/${id}`, status: "ACTIVE" };
      }
      default:
        throw new Error(`the offline org does not answer ${args.token}`);
    }
  }
}
