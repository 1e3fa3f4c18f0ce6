import { defineDirectAuthProgram } from "./src/program";

/**
 * Stack outputs: `issuer`, `apps` ([{name, clientId, variants, grantTypes}]), `testUserLogin`, and
 * `testUserPassword` (a secret) only when the stack created the test user.
 */
export = defineDirectAuthProgram();
