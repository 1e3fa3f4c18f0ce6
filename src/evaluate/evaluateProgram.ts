import * as pulumi from "@pulumi/pulumi";
import { OKTA_SETTING_KEYS, orgAddressProblems } from "../config/orgAddress";
import { orgUrl } from "../okta/issuer";
import { resourceTypeOf } from "../okta/resourceTypes";
import { OfflineOkta, RecordedInvoke } from "./offlineOkta";
import { RegistrationOptions, recordRegistrationOptions } from "./registrationOptions";

export const PROJECT_NAME = "okta-direct-auth";

/** A resource the program registered, as the engine would receive it. */
export interface DeclaredResource {
  type: string;
  name: string;
  urn: string;
  /** Type of the component this resource is a child of (the guide step it belongs to). */
  parentType?: string;
  custom: boolean;
  id?: string;
  /** Inputs as registered; secret values are replaced by SECRET_MASK. */
  inputs: Record<string, unknown>;
  /** State the offline org answered with (ids, client ids), secrets masked. */
  state: Record<string, unknown>;
  /** As the program registered it; absent in evaluations made before options were recorded. */
  options?: RegistrationOptions;
}

export interface Evaluation {
  stack: string;
  resources: DeclaredResource[];
  invokes: RecordedInvoke[];
  /** Stack outputs; secret ones are masked here and only readable through `secretOutputs`. */
  outputs: Record<string, unknown>;
  /** Secret stack outputs in clear text; a Map so that JSON.stringify never reveals them. */
  secretOutputs: Map<string, unknown>;
}

export const SECRET_MASK = "[secret]";
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === "object") {
    if ((value as Record<string, unknown>)[SECRET_SIG] !== undefined) return SECRET_MASK;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v)]));
  }
  return value;
}

export type Program = () => Record<string, pulumi.Output<unknown> | undefined>;

export interface EvaluateOptions {
  stack: string;
  /** Full config keys (`okta-direct-auth:variants`) to their values as Pulumi passes them: strings, JSON for objects. */
  config: Record<string, string>;
  program: Program;
}

/**
 * Runs the program under Pulumi's mocks, the way `pulumi preview` would run it against an org that
 * answers every lookup, and returns what it declared. No engine, no credentials, no network.
 */
export async function evaluateProgram(options: EvaluateOptions): Promise<Evaluation> {
  const orgUrl = orgUrlOf(options.config);
  const okta = new OfflineOkta(orgUrl);
  await pulumi.runtime.setMocks(okta, PROJECT_NAME, options.stack, false);
  pulumi.runtime.setAllConfig(options.config);
  const registrationOptions = recordRegistrationOptions();

  const secretOutputs = new Map<string, unknown>();
  // A program error (a ConfigError before anything is declared) is carried out of the stack
  // callback and rethrown: left inside, it would also reject the stack resource's own outputs,
  // which nothing awaits, and Node would end the process over that unhandled rejection.
  let programError: unknown;
  const outputs = (await pulumi.runtime.runInPulumiStack(async () => {
    try {
      return await resolveOutputs(options.program(), secretOutputs);
    } catch (error) {
      programError = error;
      return {};
    }
  })) as Record<string, unknown>;
  if (programError !== undefined) throw programError;
  await drainPendingRegistrations();

  const registered = registeredByTypeAndName();
  const resources = okta.resources
    .filter((r) => r.type !== "pulumi:pulumi:Stack")
    .map((r): DeclaredResource => {
      const entry = registered.get(`${r.type}::${r.name}`);
      const urn = entry?.urn ?? "";
      return {
        type: r.type,
        name: r.name,
        urn,
        parentType: parentTypeOf(urn),
        custom: Boolean(r.custom),
        id: entry?.id ?? undefined,
        inputs: maskSecrets(stripProvider(r.inputs)) as Record<string, unknown>,
        state: maskSecretState(r.type, maskSecrets(entry?.state ?? {}) as Record<string, unknown>),
        options: registrationOptions.get(`${r.type}::${r.name}`),
      };
    });
  return { stack: options.stack, resources, invokes: okta.invokes, outputs, secretOutputs };
}

async function resolveOutputs(
  declared: ReturnType<Program>,
  secretOutputs: Map<string, unknown>,
): Promise<Record<string, unknown>> {
  const resolved: Record<string, unknown> = {};
  for (const [key, output] of Object.entries(declared)) {
    if (output === undefined) continue;
    if (await pulumi.isSecret(output)) {
      secretOutputs.set(key, await promiseOf(output));
      resolved[key] = SECRET_MASK;
    } else {
      resolved[key] = await promiseOf(output);
    }
  }
  return resolved;
}

const OFFLINE_ORG_URL = orgUrl("offline", "okta.com");

/** A bad org name or base URL is the program's to report, with the rest of its config; the offline org only needs some URL. */
function orgUrlOf(config: Record<string, string>): string {
  const name = config[OKTA_SETTING_KEYS.orgName];
  const baseUrl = config[OKTA_SETTING_KEYS.baseUrl] ?? "okta.com";
  return name !== undefined && orgAddressProblems(name, baseUrl).length === 0 ? orgUrl(name, baseUrl) : OFFLINE_ORG_URL;
}

function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}

function stripProvider(inputs: Record<string, unknown>): Record<string, unknown> {
  const { __provider: _, ...rest } = inputs;
  return rest;
}

/**
 * Registrations that no stack output depends on (group assignments, policy rules) may still be in
 * flight when the outputs resolve; the runtime's RPC queue tells when they are done.
 */
export async function drainPendingRegistrations(): Promise<void> {
  const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs?: () => Promise<void> };
  if (settings.waitForRPCs) await settings.waitForRPCs();
}

type RegisteredEntry = { urn: string; id: string | null; state: Record<string, unknown> };

/** The mock monitor keeps each registration's URN, which records the parent chain the mocks are not told. */
function registeredByTypeAndName(): Map<string, RegisteredEntry> {
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    getRegisteredResources(): Map<string, { urn: string; id: string | null; state: unknown }>;
  };
  const byKey = new Map<string, RegisteredEntry>();
  for (const entry of monitor.getRegisteredResources().values()) {
    const { type, name } = splitUrn(entry.urn);
    const state = entry.state as { toJavaScript?: () => Record<string, unknown> } | null;
    byKey.set(`${type}::${name}`, {
      urn: entry.urn,
      id: entry.id,
      state: (typeof state?.toJavaScript === "function" ? state.toJavaScript() : state ?? {}) as Record<string, unknown>,
    });
  }
  return byKey;
}

/** `urn:pulumi:{stack}::{project}::{a$b$type}::{name}` */
function splitUrn(urn: string): { qualifiedType: string[]; type: string; name: string } {
  const [, , qualified = "", name = ""] = urn.split("::");
  const qualifiedType = qualified.split("$");
  return { qualifiedType, type: qualifiedType[qualifiedType.length - 1], name };
}

function parentTypeOf(urn: string): string | undefined {
  const parent = splitUrn(urn).qualifiedType.slice(0, -1).pop();
  return parent === "pulumi:pulumi:Stack" ? undefined : parent;
}

/** Outputs the real providers mark secret; the offline org answers them in clear, so they are masked here. */
function maskSecretState(type: string, state: Record<string, unknown>): Record<string, unknown> {
  const masked = { ...state };
  for (const field of resourceTypeOf(type)?.secretState ?? []) if (field in masked) masked[field] = SECRET_MASK;
  return masked;
}
