import { randomBytes } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { LOOKUPS, TOKEN, resourceTypeOf } from "../okta/resourceTypes";
import { oktaId } from "./oktaIds";

export interface RecordedInvoke {
  token: string;
  args: Record<string, unknown>;
}

/**
 * Pulumi mocks that answer like an org would for what the program declares: Okta-shaped ids derived
 * from resource names (so repeated evaluations agree), client ids for apps, and lookups of the
 * Everyone group, the test user and custom authorization servers.
 */
/** The Everyone group id the offline org answers with. */
export const EVERYONE_GROUP_ID = oktaId(LOOKUPS.everyoneGroup.idPrefix, "Everyone");

/** The id the offline org gives an existing user it is asked to look up. */
export function lookedUpUserId(login: string): string {
  return oktaId(LOOKUPS.user.idPrefix, login);
}

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

/** Meets Okta's default password policy (upper, lower, digit, symbol); never printed. */
export function generatedPassword(length = 24): string {
  const body = randomBytes(length).toString("base64url").slice(0, Math.max(length - 4, 8));
  return `${body}Aa1!`;
}
