/** An Okta object's lifecycle status, as its API reads and writes it. */
export type LifecycleStatus = "ACTIVE" | "INACTIVE";

/** An authenticator's entry in an enrollment policy: the console's Optional, Required and Disabled. */
export type EnrollSetting = "OPTIONAL" | "REQUIRED" | "NOT_ALLOWED";
