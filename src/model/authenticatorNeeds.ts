import { AUTHENTICATORS, AllowedFor, AuthenticatorKey, USE_NEEDED } from "../catalogue/authenticators";
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

/** Each authenticator once, in catalogue order, with the union of the methods its variants use. */
export function authenticatorNeeds(
  variants: readonly Variant[],
  phoneChannels: readonly string[],
  enroll: "OPTIONAL" | "REQUIRED",
): AuthenticatorNeed[] {
  const methods = new Map<AuthenticatorKey, Set<string>>();
  for (const v of variants) {
    const set = methods.get(v.authenticatorKey) ?? new Set<string>();
    const channels = v.authenticatorKey === "phone_number" ? v.channels.filter((c) => phoneChannels.includes(c)) : v.channels;
    channels.forEach((c) => set.add(c));
    methods.set(v.authenticatorKey, set);
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
