import * as pulumi from "@pulumi/pulumi";

type RegisterRequest = { getType(): string; getName(): string; getDependenciesList(): string[] };

/**
 * The resources each registration waits for (its `dependsOn`, as URNs), by `type::name`: the
 * order the engine creates and deletes in, which the mocks are not told. Call after `setMocks`,
 * before the program runs.
 */
export function tapDependencies(): Map<string, string[]> {
  const dependencies = new Map<string, string[]>();
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: RegisterRequest, callback: unknown): unknown };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    dependencies.set(`${req.getType()}::${req.getName()}`, req.getDependenciesList());
    return register(req, callback);
  };
  return dependencies;
}

/** A URN's resource name, the part after its last `::`. */
export const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);
