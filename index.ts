import { defineDirectAuthProgram } from "./src/program";

const outputs = defineDirectAuthProgram();

export const issuer = outputs.issuer;
export const apps = outputs.apps;
export const testUserLogin = outputs.testUserLogin;
/** Only when the stack created the test user; a secret (`pulumi stack output --show-secrets`). */
export const testUserPassword = outputs.testUserPassword;
