import { InlineHook } from "../orgModel";
import { section } from "./api";
import { link } from "./links";

/**
 * A channel's `config` as Okta keeps it: `headers` `[]` when none were sent, `authScheme` without
 * its `value` (null when none was sent), an OAuth channel without its `clientSecret`.
 */
export function storedChannelConfig(config: Record<string, unknown>): Record<string, unknown> {
  const { clientSecret: _secret, authScheme, headers, ...rest } = config;
  const scheme = authScheme && typeof authScheme === "object" ? section(authScheme) : undefined;
  return {
    ...rest,
    headers: Array.isArray(headers) ? headers : [],
    authScheme: scheme ? { type: scheme.type, key: scheme.key } : null,
  };
}

/** Okta's JSON for an inline hook: an ACTIVE hook links execute and deactivate, an INACTIVE one activate and delete. */
export function inlineHookJson(url: string, hook: InlineHook): Record<string, unknown> {
  const self = `${url}/api/v1/inlineHooks/${hook.id}`;
  const links =
    hook.status === "ACTIVE"
      ? { self: link(self), execute: link(`${self}/execute`, "POST"), deactivate: link(`${self}/lifecycle/deactivate`, "POST") }
      : { activate: link(`${self}/lifecycle/activate`, "POST"), self: link(self), delete: link(self, "DELETE") };
  return {
    id: hook.id,
    status: hook.status,
    name: hook.name,
    type: hook.type,
    version: hook.version,
    channel: { type: hook.channel.type, version: hook.channel.version, config: hook.channel.config },
    created: hook.created,
    lastUpdated: hook.lastUpdated,
    _links: links,
  };
}
