import { jsonAnswer } from "../answer";
import { ManagementApiError } from "../errors";
import { OrgUser } from "../orgModel";
import { ApiRoute, jsonBody, nowIso, section } from "./api";
import { userFor } from "./userAccounts";
import { passwordOf, recoveryQuestionOf } from "./userInput";
import { userCredentialsJson } from "./userShapes";


/** Both changes prove the current password first; a wrong one is Okta's 403 E0000014. */
function checkPassword(user: OrgUser, given: unknown): void {
  if (typeof given !== "string" || given !== user.password) {
    throw new ManagementApiError(403, "E0000014", "Update of credentials failed", ["oldPassword: The credentials provided were incorrect."]);
  }
}

export const USER_CREDENTIAL_ROUTES: ApiRoute[] = [
  {
    method: "POST",
    path: "/api/v1/users/{userId}/credentials/change_password",
    description: "change a user's password",
    handle: (state, [id], request) => {
      const user = userFor(state, id);
      const body = jsonBody(request);
      checkPassword(user, section(body.oldPassword).value);
      const password = passwordOf({ credentials: { password: body.newPassword } }, user.login);
      if (password !== undefined) user.password = password;
      user.lastUpdated = nowIso();
      return jsonAnswer(200, userCredentialsJson(user));
    },
  },
  {
    method: "POST",
    path: "/api/v1/users/{userId}/credentials/change_recovery_question",
    description: "change a user's recovery question",
    handle: (state, [id], request) => {
      const user = userFor(state, id);
      const body = jsonBody(request);
      checkPassword(user, section(body.password).value);
      user.recoveryQuestion = recoveryQuestionOf(body) ?? user.recoveryQuestion;
      user.lastUpdated = nowIso();
      return jsonAnswer(200, userCredentialsJson(user));
    },
  },
];
