/** Okta's `_links` entries: an href, with the methods it allows when Okta lists them. */
export type Link = { name?: string; href: string; type?: string; hints?: { allow: string[] } };
export type Links = Record<string, Link | Link[]>;

export function link(href: string, ...allow: string[]): Link {
  return allow.length ? { href, hints: { allow } } : { href };
}
