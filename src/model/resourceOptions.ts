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
  return { parent, dependsOn, retainOnDelete: true };
}

/**
 * Pulumi replaces a dynamic resource whenever its serialized provider code changes (any upgrade of
 * this project). Created before the old one is deleted, the new one would record the old one's
 * changes as the org's own, and the old one's delete would then undo them under it. Deleting first
 * gives the org back, and the new one records it as it really was.
 */
export function orgSettingsOptions(parent: pulumi.Resource): pulumi.CustomResourceOptions {
  return { parent, deleteBeforeReplace: true, additionalSecretOutputs: ["connection"] };
}

/**
 * The provider applies `catchAll` only when it creates an app sign-in policy (its update sends
 * name, description and priority), so a changed catch-all would be a silent no-op: replacing the
 * policy applies it. Delete first, because Okta refuses a second policy of the same name. The rule
 * goes with it (its policy id forces a new one), the provider's delete re-points the policy's app
 * to the org's default policy, and the app's update then points it at the new policy.
 */
export function appSignInPolicyOptions(parent: pulumi.Resource): pulumi.CustomResourceOptions {
  return { parent, replaceOnChanges: ["catchAll"], deleteBeforeReplace: true };
}
