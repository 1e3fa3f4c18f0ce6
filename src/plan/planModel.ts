/**
 * The plan every renderer reads, whether it came from the offline evaluation or from
 * `pulumi preview --json`. Values are ready to show: secrets are `[secret]`, ids of objects the
 * setup declares read as `<native app "Direct Auth OTP">`.
 */

export interface PlannedResource {
  type: string;
  /** Pulumi resource name: what keys it in the stack. */
  name: string;
  /** Guide step id (src/okta/guideSteps.ts). */
  step: string;
  /** Label, name or login the object has in the Admin Console. */
  displayName?: string;
  properties: Record<string, unknown>;
  /** Pulumi refuses to delete or replace it (the stack's `protect`). */
  protect?: true;
  /** Pulumi forgets it on delete and leaves the object in the org. */
  retainOnDelete?: true;
}

/** What a reviewer must know about how Pulumi treats a resource beyond its properties. */
export function lifecycleFlags(resource: Pick<PlannedResource, "protect" | "retainOnDelete">): string[] {
  return [...(resource.protect ? ["protected"] : []), ...(resource.retainOnDelete ? ["retained on delete"] : [])];
}

/** Sets the flags that are on, so a plan without them (an older base) reads the same as before. */
export function withLifecycle<T extends PlannedResource>(resource: T, options?: { protect?: boolean; retainOnDelete?: boolean }): T {
  if (options?.protect) resource.protect = true;
  if (options?.retainOnDelete) resource.retainOnDelete = true;
  return resource;
}

export type ChangeAction = "create" | "update" | "replace" | "delete";

export interface PropertyChange {
  /** `grantTypes`, `googleOtp.enroll`, `apps["Direct Auth OTP"].clientId` */
  path: string;
  /** Absent when the property is added. */
  before?: unknown;
  /** Absent when the property is removed. */
  after?: unknown;
  forcesReplacement: boolean;
}

export interface ResourceChange {
  action: ChangeAction;
  resource: PlannedResource;
  /** For updates and replacements: what changes; for creations: every input. */
  properties: PropertyChange[];
  /** What a deletion or replacement breaks in the org; set only for those. */
  destructive?: string;
}

export interface PlanCounts {
  add: number;
  change: number;
  replace: number;
  destroy: number;
}

/** A resource kept under the same name whose `protect` changes: no change in the org, but it decides what a later up may delete. */
export interface ProtectionChange {
  resource: PlannedResource;
  before: boolean;
  after: boolean;
}

export interface SetupDiff {
  counts: PlanCounts;
  /** In guide order. */
  changes: ResourceChange[];
  /** Stack outputs clients read (issuer, client IDs) that change. */
  outputs: PropertyChange[];
  /** In guide order; absent when nothing changes or the base predates recorded options. */
  protection?: ProtectionChange[];
  /** Said when the comparison is lopsided, e.g. the stack did not exist at the base ref. */
  note?: string;
}

export interface SetupPlan {
  stack: string;
  source: "offline" | "preview";
  /** Git ref the offline plan compares against. */
  base?: string;
  /** What the stack declares after the change, in guide order. */
  declared: PlannedResource[];
  diff?: SetupDiff;
}

export function countChanges(changes: readonly ResourceChange[]): PlanCounts {
  const count = (action: ChangeAction) => changes.filter((c) => c.action === action).length;
  return { add: count("create"), change: count("update"), replace: count("replace"), destroy: count("delete") };
}
