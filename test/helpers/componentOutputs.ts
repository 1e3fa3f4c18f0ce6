import * as pulumi from "@pulumi/pulumi";
import { maskSecrets } from "../../src/evaluate/evaluateProgram";

type OutputsRequest = { getUrn(): string; getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined };

/**
 * What each component registered as its outputs, by `type::name` from its URN. The mocks drop
 * these (the engine keeps them in the stack's state), so the monitor's requests are tapped, as
 * `recordRegistrationOptions` taps registrations. Call after `setMocks`, before the program runs.
 */
export function tapComponentOutputs(): Map<string, Record<string, unknown>> {
  const outputs = new Map<string, Record<string, unknown>>();
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResourceOutputs(req: OutputsRequest, callback: unknown): unknown };
  const register = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (req, callback) => {
    const [, , qualifiedType, name] = req.getUrn().split("::");
    outputs.set(`${qualifiedType.split("$").pop()}::${name}`, maskSecrets(req.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown>);
    return register(req, callback);
  };
  return outputs;
}
