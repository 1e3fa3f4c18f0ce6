import { defineDirectAuthProgram } from "./src/program";

/**
 * Stack outputs: `issuer`, `apps` ([{name, clientId, variants, grantTypes}]), `testUserLogin`,
 * `testUserPassword` (a secret) only when the stack created the test user, `phoneChannels` only
 * with phone variants, and `oktaVerify` (classic or flexible) only with Okta Verify variants.
 */
export = defineDirectAuthProgram();
