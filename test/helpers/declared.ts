import { DeclaredResource, Evaluation, evaluateProgram } from "../../src/evaluate/evaluateProgram";
import { RecordedInvoke } from "../../src/evaluate/offlineOkta";
import { defineDirectAuthProgram } from "../../src/program";
import { STACK, stackConfig } from "./stackConfig";
import { COMPONENT, OKTA, ORG_SETTINGS, tokenOf } from "./tokens";

/** Runs the real program under the offline org's mocks with this stack config. */
export async function declared(values: Record<string, unknown>, okta?: Record<string, string>): Promise<Declared> {
  return new Declared(await evaluateProgram({ stack: STACK, config: stackConfig(values, okta), program: defineDirectAuthProgram }));
}

export function only<T>(items: readonly T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0];
}

/** One app integration and what is wired to it by id, the way Okta links them. */
export interface AppWiring {
  app: DeclaredResource;
  assignments: DeclaredResource[];
  policy: DeclaredResource;
  rules: DeclaredResource[];
}

/** Queries over what one evaluation registered, phrased like the spec's steps. */
export class Declared {
  constructor(readonly evaluation: Evaluation) {}

  get outputs(): Record<string, unknown> {
    return this.evaluation.outputs;
  }

  get resources(): DeclaredResource[] {
    return this.evaluation.resources;
  }

  /** By type token, or for the project's dynamic resources by `tokens.ts`' kind token. */
  all(token: string): DeclaredResource[] {
    return this.resources.filter((r) => tokenOf(r) === token);
  }

  one(type: string): DeclaredResource {
    return only(this.all(type), type);
  }

  /** How many custom resources (objects the engine would create) of each type. */
  inventory(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.resources.filter((r) => r.custom)) counts[tokenOf(r)] = (counts[tokenOf(r)] ?? 0) + 1;
    return counts;
  }

  lookups(token: string): RecordedInvoke[] {
    return this.evaluation.invokes.filter((i) => i.token === token);
  }

  /**
   * The org-wide enrollment setting of each authenticator: one resource under the Authenticators
   * step (docs/direct-auth-reference.md#enrollment), which the provider's own resources cannot express safely.
   */
  enrollment(): { key: string; enroll: string }[] {
    const settings = only(this.all(ORG_SETTINGS).filter((r) => r.parentType === COMPONENT.authenticators), "enrollment setting");
    return settings.inputs.authenticators as { key: string; enroll: string }[];
  }

  /** The app labelled `label`, its group assignments, the policy its `authenticationPolicy` names and that policy's rules. */
  app(label: string): AppWiring {
    const app = only(this.all(OKTA.app).filter((a) => a.inputs.label === label), `app "${label}"`);
    return {
      app,
      assignments: this.all(OKTA.groupAssignment).filter((g) => g.inputs.appId === app.id),
      policy: only(
        this.all(OKTA.appSignOnPolicy).filter((p) => p.id === app.inputs.authenticationPolicy),
        `sign-in policy of "${label}"`,
      ),
      rules: this.all(OKTA.appSignOnPolicyRule).filter((r) => r.inputs.policyId === app.inputs.authenticationPolicy),
    };
  }
}
