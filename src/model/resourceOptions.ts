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
 * stack existed. Keeping the resource on delete leaves status changes to the lifecycle resource,
 * which restores what it recorded.
 */
export function authenticatorOptions(parent: pulumi.Resource): pulumi.CustomResourceOptions {
  return { parent, retainOnDelete: true };
}

/**
 * The provider's default enrollment policy resource cannot be deleted (its delete is a no-op), so
 * Pulumi should just forget it on destroy rather than pretend to remove it.
 */
export function enrollmentPolicyOptions(parent: pulumi.Resource, dependsOn: pulumi.Resource[]): pulumi.CustomResourceOptions {
  return { parent, dependsOn, retainOnDelete: true };
}
