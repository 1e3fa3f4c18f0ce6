import { NetworkZone, NetworkZoneType } from "../orgModel";
import { section } from "./api";
import { link } from "./links";

export const NETWORK_ZONE_TYPES: readonly NetworkZoneType[] = ["IP", "DYNAMIC", "DYNAMIC_V2"];

type Address = { type: string; value: string };

/** Okta stores a one-address RANGE as `a-a`; CIDRs and ranges stay as written. Absent or empty: null. */
function addresses(value: unknown): Address[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  return value.map((entry) => {
    const { type, value: text } = section(entry);
    const written = String(text ?? "");
    return { type: String(type), value: type === "RANGE" && !written.includes("-") ? `${written}-${written}` : written };
  });
}

const locationsOf = (value: unknown) =>
  (Array.isArray(value) ? value : []).map((entry) => {
    const { country, region } = section(entry);
    return { country, region: region ?? null };
  });

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

const includeExclude = <T>(value: unknown, each: (list: unknown) => T[]) => {
  const { include, exclude } = section(value);
  return { include: each(include), exclude: each(exclude) };
};

/**
 * A zone's own fields as Okta stores them, from a create or replace body: IP zones' `gateways`
 * and `proxies` (null when absent), DYNAMIC zones' `locations` (each with a `region`, null when
 * absent), `proxyType` and, when sent, `asns`; DYNAMIC_V2 zones' include/exclude lists, each
 * answered even when empty.
 */
export function zoneDefinition(type: NetworkZoneType, body: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case "IP":
      return { gateways: addresses(body.gateways), proxies: addresses(body.proxies) };
    case "DYNAMIC":
      return {
        locations: Array.isArray(body.locations) && body.locations.length > 0 ? locationsOf(body.locations) : null,
        proxyType: body.proxyType ?? null,
        ...(body.asns !== undefined && { asns: strings(body.asns) }),
      };
    case "DYNAMIC_V2":
      return {
        locations: includeExclude(body.locations, locationsOf),
        ipServiceCategories: includeExclude(body.ipServiceCategories, strings),
        asns: includeExclude(body.asns, strings),
      };
  }
}

/** Okta's JSON for a zone: `_links` offer the lifecycle move the status allows. */
export function networkZoneJson(url: string, zone: NetworkZone): Record<string, unknown> {
  const self = `${url}/api/v1/zones/${zone.id}`;
  const lifecycle = zone.status === "ACTIVE" ? "deactivate" : "activate";
  return {
    type: zone.type,
    id: zone.id,
    name: zone.name,
    status: zone.status,
    usage: zone.usage,
    created: zone.created,
    lastUpdated: zone.lastUpdated,
    system: zone.system ?? false,
    ...zone.definition,
    _links: { self: link(self, "GET", "PUT", "DELETE"), [lifecycle]: link(`${self}/lifecycle/${lifecycle}`, "POST") },
  };
}
