import { jsonAnswer, noContent } from "../answer";
import { validationFailed } from "../errors";
import { ApiRoute, jsonBody, nowIso } from "./api";
import { policyJson } from "./policyShapes";
import { PolicyRef, customPolicy, policiesOfType, policyById } from "./policyStore";
import { createPolicy, deletePolicy, updatePolicy } from "./policyWrites";

export const POLICY_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/policies",
    description: "list policies of a type",
    handle: (state, _params, request) => {
      const type = request.query.get("type");
      if (!type) throw validationFailed("type", ["The type query parameter is required."]);
      // Okta's list (not the single read) says which resources an app sign-in policy is for.
      const listed = (ref: PolicyRef) => ({
        ...policyJson(state.url, state.org, ref),
        ...(ref.type === "ACCESS_POLICY" ? { _embedded: { resourceType: "APP" } } : {}),
      });
      return jsonAnswer(200, policiesOfType(state.org, type).map(listed));
    },
  },
  {
    method: "POST",
    path: "/api/v1/policies",
    description: "create a policy",
    handle: (state, _params, request) => {
      const body = jsonBody(request);
      if (request.query.get("activate") === "false") body.status = "INACTIVE";
      return jsonAnswer(200, policyJson(state.url, state.org, createPolicy(state, body)));
    },
  },
  {
    method: "GET",
    path: "/api/v1/policies/{policyId}",
    description: "read a policy",
    handle: (state, [id]) => jsonAnswer(200, policyJson(state.url, state.org, policyById(state.org, id))),
  },
  {
    method: "PUT",
    path: "/api/v1/policies/{policyId}",
    description: "replace a policy",
    handle: (state, [id], request) => {
      const ref = policyById(state.org, id);
      updatePolicy(state, ref, jsonBody(request));
      return jsonAnswer(200, policyJson(state.url, state.org, ref));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/policies/{policyId}",
    description: "delete a policy",
    handle: (state, [id]) => {
      deletePolicy(state, policyById(state.org, id));
      return noContent();
    },
  },
  {
    method: "POST",
    path: "/api/v1/policies/{policyId}/lifecycle/{action:activate|deactivate}",
    description: "activate or deactivate a policy",
    handle: (state, [id, verb]) => {
      const policy = customPolicy(policyById(state.org, id));
      if (!policy) throw validationFailed("status", ["A default policy cannot be deactivated."]);
      policy.status = verb === "activate" ? "ACTIVE" : "INACTIVE";
      policy.lastUpdated = nowIso();
      return noContent();
    },
  },
];
