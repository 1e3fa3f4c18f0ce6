import * as pulumi from "@pulumi/pulumi";

/** Resource options the engine acts on, which the mocks are not told. */
export interface RegistrationOptions {
  protect: boolean;
  retainOnDelete: boolean;
  deleteBeforeReplace: boolean;
  replaceOnChanges: string[];
  ignoreChanges: string[];
  /** The parent's URN as the mocks named it; the URN alone records only the parent's type. */
  parentUrn: string;
  /** URNs this registration waits for (`dependsOn`, a component expanded to its children): the engine creates them first. */
  dependencies: string[];
}

type RegisterRequest = {
  getType(): string;
  getName(): string;
  getProtect(): boolean;
  getRetainondelete(): boolean;
  getDeletebeforereplace(): boolean;
  getReplaceonchangesList(): string[];
  getIgnorechangesList(): string[];
  getParent(): string;
  getDependenciesList(): string[];
};

/**
 * Taps the mock monitor's registration requests, which carry each resource's options as the SDK
 * resolved them (`protect` inherited from a parent included), keyed by `type::name`. Call after
 * `setMocks` and before the program runs.
 */
export function recordRegistrationOptions(): Map<string, RegistrationOptions> {
  const options = new Map<string, RegistrationOptions>();
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: RegisterRequest, callback: unknown): unknown };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    options.set(`${req.getType()}::${req.getName()}`, {
      protect: req.getProtect(),
      retainOnDelete: req.getRetainondelete(),
      deleteBeforeReplace: req.getDeletebeforereplace(),
      replaceOnChanges: req.getReplaceonchangesList(),
      ignoreChanges: req.getIgnorechangesList(),
      parentUrn: req.getParent(),
      dependencies: req.getDependenciesList(),
    });
    return register(req, callback);
  };
  return options;
}
