import { defineDirectAuthProgram } from "./src/program";

/**
 * Stack outputs: `issuer`, `apps` ([{name, clientId, variants, grantTypes}]), `testUserLogin`,
 * `testUserPassword` (a secret) only when the stack created the test user, and `phoneChannels` only
 * with phone variants.
 */
export = defineDirectAuthProgram();
