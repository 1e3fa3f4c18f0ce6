import { beforeAll, describe, expect, it } from "vitest";
import { APP_SIGN_IN_POLICY_TYPE } from "../../components/appSignInPolicy";
import { AUTHENTICATORS_TYPE } from "../../components/authenticators";
import { AUTHORIZATION_SERVER_ACCESS_TYPE } from "../../components/authorizationServerAccess";
import { DIRECT_AUTH_SETUP_TYPE } from "../../components/directAuthSetup";
import { NATIVE_APP_TYPE } from "../../components/nativeApp";
import { TEST_USER_TYPE } from "../../components/testUser";
import { TEST_USER_SESSION_POLICY_TYPE } from "../../components/testUserSessionPolicy";
import { Evaluation } from "../../src/evaluate/evaluateProgram";
import { CREATION_ORDER, LOOKUPS, RESOURCE_TYPES, isOfType, resourceTypeOf } from "../../src/okta/resourceTypes";
import { stepOfUrn } from "../../src/plan/planSteps";
import { customServerEvaluation, devEvaluation } from "../emulator/support/evaluations";
import { CATCH_ALL, COMPONENT, DYNAMIC, LOOKUP, OKTA, ORG_SETTINGS, RANDOM_PASSWORD } from "../helpers/tokens";

describe("the registry of resource types", () => {
  let evaluations: Evaluation[];
  beforeAll(async () => {
    evaluations = [await devEvaluation(), await customServerEvaluation(["otp", "mfa-oob-okta-verify"])];
  });

  it("names exactly the types and lookups the tests name, spelt the same", () => {
    const registered = Object.values(RESOURCE_TYPES).map((type) => ("settingsKind" in type ? `${type.token}#${type.settingsKind}` : type.token));
    expect([...registered].sort()).toEqual([...Object.values(OKTA), ORG_SETTINGS, CATCH_ALL, RANDOM_PASSWORD].sort());
    expect(Object.values(LOOKUPS).map((lookup) => lookup.token).sort()).toEqual(Object.values(LOOKUP).sort());
  });

  it("lists every type the program declares", () => {
    for (const evaluation of evaluations) {
      const unlisted = evaluation.resources.filter((r) => r.custom && !resourceTypeOf(r.type));
      expect(unlisted.map((r) => r.type)).toEqual([]);
    }
  });

  it("is in creation order: a resource only refers to types listed before its own", () => {
    for (const evaluation of evaluations) {
      const rankOfId = new Map<string, number>();
      for (const r of evaluation.resources) {
        const rank = CREATION_ORDER.findIndex((name) => isOfType(r, name));
        for (const id of [r.id, r.state.clientId]) if (typeof id === "string") rankOfId.set(id, rank);
      }
      const late = evaluation.resources.flatMap((r) => {
        const rank = CREATION_ORDER.findIndex((name) => isOfType(r, name));
        const referred = Object.values(r.inputs).flatMap((value) => (Array.isArray(value) ? value : [value]));
        return referred
          .filter((value): value is string => typeof value === "string" && (rankOfId.get(value) ?? -1) >= rank)
          .map((value) => `${r.type} ${r.name} refers to ${value}`);
      });
      expect(late).toEqual([]);
    }
  });

  it("puts each type in the guide step whose component declares it", () => {
    for (const evaluation of evaluations) {
      const misplaced = evaluation.resources
        .filter((r) => r.custom)
        .filter((r) => stepOfUrn(r.urn).id !== resourceTypeOf(r.type, r.inputs)?.step)
        .map((r) => `${r.type} ${r.name} under ${stepOfUrn(r.urn).id}`);
      expect(misplaced).toEqual([]);
    }
  });

  it("gives every Okta object type an id prefix, and none to what is not an Okta object", () => {
    const withPrefix: string[] = Object.values(RESOURCE_TYPES)
      .filter((type) => "idPrefix" in type)
      .map((type) => type.token);
    const notOktaObjects: string[] = [OKTA.groupAssignment, OKTA.groupMemberships, DYNAMIC, RANDOM_PASSWORD];
    const oktaObjects = Object.values(RESOURCE_TYPES)
      .map((type) => type.token)
      .filter((token) => !notOktaObjects.includes(token));
    expect(withPrefix.sort()).toEqual(oktaObjects.sort());
  });
});

describe("component type tokens", () => {
  it("are exported by each component, as the engine sees them", () => {
    expect({
      setup: DIRECT_AUTH_SETUP_TYPE,
      testUser: TEST_USER_TYPE,
      authenticators: AUTHENTICATORS_TYPE,
      sessionPolicy: TEST_USER_SESSION_POLICY_TYPE,
      appSignInPolicy: APP_SIGN_IN_POLICY_TYPE,
      nativeApp: NATIVE_APP_TYPE,
      authorizationServerAccess: AUTHORIZATION_SERVER_ACCESS_TYPE,
    }).toEqual(COMPONENT);
  });
});
