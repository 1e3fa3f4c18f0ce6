import { VariantId } from "../../../src/catalogue/variants";
import { DeclaredResource, Evaluation, evaluateProgram } from "../../../src/evaluate/evaluateProgram";
import { defineDirectAuthProgram } from "../../../src/program";
import { OKTA } from "../../helpers/tokens";

export { devEvaluation } from "../../helpers/devStack";

/** A stack of the two phone variants, with the phone channels it activates. */
export function phoneEvaluation(phoneChannels: ("sms" | "voice")[]): Promise<Evaluation> {
  return evaluateProgram({
    stack: "emulator-phone",
    program: defineDirectAuthProgram,
    config: {
      "okta:orgName": "dev-000000",
      "okta-direct-auth:variants": JSON.stringify(["oob-phone", "mfa-oob-phone"]),
      "okta-direct-auth:testUser": JSON.stringify({ login: "phone-tester@example.com", create: true }),
      "okta-direct-auth:phoneChannels": JSON.stringify(phoneChannels),
    },
  });
}

/** A stack on the `default` custom authorization server (or the one named), with the variants given. */
export function customServerEvaluation(variants: VariantId[], authorizationServer = "default"): Promise<Evaluation> {
  return evaluateProgram({
    stack: "emulator-custom",
    program: defineDirectAuthProgram,
    config: {
      "okta:orgName": "dev-000000",
      "okta-direct-auth:variants": JSON.stringify(variants),
      "okta-direct-auth:authorizationServer": authorizationServer,
      "okta-direct-auth:testUser": JSON.stringify({ login: "custom-as-tester@example.com", create: true }),
    },
  });
}

export interface DeclaredApp {
  name: string;
  clientId: string;
  variants: string[];
  grantTypes: string[];
}

export function appOf(evaluation: Evaluation, variantId: VariantId): DeclaredApp {
  const app = (evaluation.outputs.apps as DeclaredApp[]).find((a) => a.variants.includes(variantId));
  if (!app) throw new Error(`no app declared for ${variantId}`);
  return app;
}

/** The app resource serving a variant, and what hangs off it (assignment, policy, rule). */
export function resourcesOf(evaluation: Evaluation, variantId: VariantId) {
  const { clientId } = appOf(evaluation, variantId);
  const app = found(evaluation, `app of ${variantId}`, (r) => r.type === OKTA.app && r.state.clientId === clientId);
  const policyId = app.inputs.authenticationPolicy;
  return {
    app,
    assignment: found(evaluation, `assignment of ${variantId}`, (r) => r.type === OKTA.groupAssignment && r.inputs.appId === app.id),
    rule: found(evaluation, `sign-in rule of ${variantId}`, (r) => r.type === OKTA.appSignOnPolicyRule && r.inputs.policyId === policyId),
  };
}

/** A test that edits a resource the program no longer declares would prove nothing: fail instead. */
export function found(evaluation: Evaluation, what: string, match: (r: DeclaredResource) => boolean): DeclaredResource {
  const resource = evaluation.resources.find(match);
  if (!resource) throw new Error(`the evaluation declares no ${what}`);
  return resource;
}

/** A copy of the evaluation without the resources `drop` picks: a guide step left undone. */
export function without(evaluation: Evaluation, drop: (r: DeclaredResource) => boolean): Evaluation {
  return { ...evaluation, resources: evaluation.resources.filter((r) => !drop(r)) };
}

/** A copy of the evaluation with the inputs of `target` changed: a guide step done wrong. */
export function withInputs(
  evaluation: Evaluation,
  target: DeclaredResource,
  edit: (inputs: Record<string, unknown>) => Record<string, unknown>,
): Evaluation {
  return {
    ...evaluation,
    resources: evaluation.resources.map((r) => (r === target ? { ...r, inputs: edit(structuredClone(r.inputs)) } : r)),
  };
}
