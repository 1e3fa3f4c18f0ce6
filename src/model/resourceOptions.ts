import * as pulumi from "@pulumi/pulumi";

/**
 * Resource options are plain functions (not stack transformations, which Pulumi's mocks cannot run),
 * so tests can check them directly.
 */

/** Options for the whole setup; children inherit `protect` from their parent. */
export function setupOptions(protect: boolean, provider?: pulumi.ProviderResource): pulumi.ComponentResourceOptions {
  return provider ? { protect, provider } : { protect };
}

/**
 * The provider's delete of an authenticator deactivates it, even one that was active before this
 * stack existed. Keeping the resource on delete leaves status changes to the org-settings resource,
 * which restores what it recorded; depending on it makes that record come first.
 */
export function authenticatorOptions(parent: pulumi.Resource, dependsOn: pulumi.Resource[]): pulumi.CustomResourceOptions {
  return { parent, dependsOn, retainOnDelete: true, ignoreChanges: [...AUTHENTICATOR_FIELDS_NEVER_READ] };
}

/**
 * Inputs of `okta.Authenticator` that the provider never reads back from Okta for the built-in
 * authenticators (only for RADIUS/Duo ones): they keep their defaults in the state of a resource
 * `pulumi up` created, and are empty in one `pulumi import` read, which would show as an update
 * (a PUT of the authenticator) on the first `up` after an adoption.
 */
export const AUTHENTICATOR_FIELDS_NEVER_READ = ["legacyIgnoreName", "providerHostname", "providerUserNameTemplate"] as const;

/**
 * Okta answers an app's `refresh_token` settings only when it has the refresh_token grant, which
 * ours never do, so the provider reads these back for none of them: `pulumi up` leaves its schema
 * defaults in state and `pulumi import` leaves them empty, an update (a PUT of the whole app) on the
 * first `up` after an adoption. They are never declared, so nothing is lost by ignoring them.
 */
export const APP_FIELDS_NEVER_READ = ["refreshTokenRotation", "refreshTokenLeeway"] as const;

export function nativeAppOptions(parent: pulumi.Resource): pulumi.CustomResourceOptions {
  return { parent, ignoreChanges: [...APP_FIELDS_NEVER_READ] };
}

/**
 * The org-settings record never asks to be replaced (an upgrade of this project's code is an
 * update: Pulumi's dynamic provider no longer replaces for new provider code), but it can still be
 * replaced on demand (`pulumi up --replace`). Created before the old one is deleted, the new one would
 * record the old one's changes as the org's own, and the old one's delete would then undo them under
 * it. Deleting first gives the org back, and the new one records it as it really was.
 */
export function orgSettingsOptions(parent: pulumi.Resource): pulumi.CustomResourceOptions {
  return { parent, deleteBeforeReplace: true, additionalSecretOutputs: ["connection"] };
}

/**
 * The provider applies `catchAll` only when it creates an app sign-in policy (a PUT of the policy's
 * system rule), never on update, and on import it records `true` whatever the rule says. So the
 * policy's `catchAll` only seeds a new policy; afterwards the catch-all's access belongs to its own
 * record (`catchAllRuleOptions`), which sets it in place. Nothing about `catchAll` may replace a
 * policy: a replacement deletes the policy (the app falls back to the org's default policy) and,
 * with `protect`, cannot happen at all.
 */
export function appSignInPolicyOptions(parent: pulumi.Resource): pulumi.CustomResourceOptions {
  return { parent, ignoreChanges: ["catchAll"] };
}

/**
 * The catch-all record gives back, on delete, the access it found. Replaced (a new policy, or
 * `pulumi up --replace`) the old record goes first, so the new one records the org as it really was
 * rather than the old record's own change.
 */
export function catchAllRuleOptions(parent: pulumi.Resource): pulumi.CustomResourceOptions {
  return { parent, deleteBeforeReplace: true, additionalSecretOutputs: ["connection"] };
}
