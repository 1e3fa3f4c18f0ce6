import { ResourceType, resourceTypeOf } from "../okta/resourceTypes";

/**
 * What a reviewer needs to know per resource type (the registry's noun, replacing inputs and what
 * deleting it does). A type the registry does not list (another program's, in a preview) is shown
 * by its type token and treated as destructive to delete, since nothing says otherwise.
 */
export type ResourceKind = Pick<ResourceType, "noun" | "replacedBy" | "onDelete" | "summary">;

export function kindOf(type: string, properties?: Record<string, unknown>): ResourceKind {
  return resourceTypeOf(type, properties) ?? { noun: type, replacedBy: [], onDelete: "Pulumi deletes it from the org", summary: [] };
}

/** The name the object has in the Admin Console, when its inputs carry one. */
export function displayNameOf(inputs: Record<string, unknown>): string | undefined {
  for (const field of ["label", "name", "login"]) {
    const value = inputs[field];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

export function describeResource(resource: { type: string; displayName?: string; properties?: Record<string, unknown> }): string {
  const noun = kindOf(resource.type, resource.properties).noun;
  return resource.displayName === undefined ? noun : `${noun} "${resource.displayName}"`;
}
