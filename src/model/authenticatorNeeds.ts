import { AUTHENTICATORS, AllowedFor, AuthenticatorKey, USE_NEEDED } from "../catalogue/authenticators";
import { OktaVerifyMode, authenticatorKeyIn } from "../catalogue/oktaVerify";
import { Variant } from "../catalogue/variants";

export interface AuthenticatorNeed {
  key: AuthenticatorKey;
  name: string;
  /** Methods the variants' channels need active; phone channels come from config. */
  methods: string[];
  enroll: "OPTIONAL" | "REQUIRED";
  /** The org-wide "Used for" the flows need, when the org may ship it narrower (Email). */
  allowedFor?: AllowedFor;
}

/**
 * Each authenticator once, in catalogue order, with the union of the methods its variants use, keyed
 * as the org of `oktaVerify`'s kind names it.
 */
export function authenticatorNeeds(
  variants: readonly Variant[],
  phoneChannels: readonly string[],
  enroll: "OPTIONAL" | "REQUIRED",
  oktaVerify: OktaVerifyMode = "classic",
): AuthenticatorNeed[] {
  const methods = new Map<AuthenticatorKey, Set<string>>();
  for (const v of variants) {
    const key = authenticatorKeyIn(oktaVerify, v.authenticatorKey);
    const set = methods.get(key) ?? new Set<string>();
    const channels = v.authenticatorKey === "phone_number" ? v.channels.filter((c) => phoneChannels.includes(c)) : v.channels;
    channels.forEach((c) => set.add(c));
    methods.set(key, set);
  }
  return (Object.keys(AUTHENTICATORS) as AuthenticatorKey[])
    .filter((key) => methods.has(key))
    .map((key) => ({
      key,
      name: AUTHENTICATORS[key].name,
      methods: [...methods.get(key)!],
      enroll,
      ...(USE_NEEDED[key] ? { allowedFor: USE_NEEDED[key] } : {}),
    }));
}
