import { jsonAnswer } from "../answer";
import { validationFailed } from "../errors";
import { OrgUser } from "../orgModel";
import { ApiRoute, jsonBody } from "./api";
import { link } from "./links";
import { userFor } from "./userAccounts";

/** The levels an administrator may set; Okta's own detections are not modelled, so NONE until one is set. */
const SETTABLE = ["HIGH", "LOW"] as const;

function riskJson(url: string, user: OrgUser): Record<string, unknown> {
  const self = `${url}/api/v1/users/${user.id}`;
  return {
    riskLevel: user.riskLevel ?? "NONE",
    ...(user.riskLevel && { reason: "Admin override risk" }),
    _links: { user: link(self, "GET"), self: link(`${self}/risk`, "GET", "PUT") },
  };
}

export const USER_RISK_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/users/{userId}/risk",
    description: "a user's risk level",
    handle: (state, [id]) => jsonAnswer(200, riskJson(state.url, userFor(state, id))),
  },
  {
    method: "PUT",
    path: "/api/v1/users/{userId}/risk",
    description: "set a user's risk level (201 the first time, 200 after)",
    handle: (state, [id], request) => {
      const user = userFor(state, id);
      const level = jsonBody(request).riskLevel;
      const settable = SETTABLE.find((s) => s === level);
      if (!settable) throw validationFailed("riskLevel", [`riskLevel: Must be one of ${SETTABLE.join(", ")}`]);
      const created = user.riskLevel === undefined;
      user.riskLevel = settable;
      return jsonAnswer(created ? 201 : 200, riskJson(state.url, user));
    },
  },
];
