import { z } from "zod";
import { OktaVerifyMode } from "../catalogue/oktaVerify";
import { FactorMode, VARIANT_IDS, Variant, isVariantId, variant } from "../catalogue/variants";
import { AppSpec, appSpec, slugOf, withUniquePolicyNames } from "../model/apps";
import { closestMatch } from "../model/closestMatch";
import { ConfigError, ConfigProblem, keyName, problemAt, unknownKeyProblems } from "./configError";
import { quoted } from "./quoted";
import { invisibleCharacterProblems, mixedScriptProblem } from "./textProblems";
import {
  CONFIG_KEYS,
  KEY_HELP,
  LIMITS,
  PHONE_CHANNELS,
  RawConfig,
  TestUserConfig,
  appGroupSchema,
  rawConfigSchema,
  testUserSchema,
  OrgNamesConfig,
  orgNamesSchema,
} from "./schema";

export type AuthorizationServerChoice = { kind: "org" } | { kind: "custom"; ref: string };

/** The validated configuration every component reads. */
export interface DirectAuthConfig {
  apps: readonly AppSpec[];
  authorizationServer: AuthorizationServerChoice;
  testUser: TestUserConfig;
  enrollment: "OPTIONAL" | "REQUIRED";
  catchAll: "DENY" | "ALLOW";
  redirectUri: string;
  phoneChannels: readonly (typeof PHONE_CHANNELS)[number][];
  /** Which kind of org the stack writes for: Okta refuses `okta_verify` in a flexible one. */
  oktaVerify: OktaVerifyMode;
  protect: boolean;
  /** Names the org already has for objects otherwise named after the stack. */
  names: OrgNamesConfig;
}

const FACTOR_MODE_WORDS: Record<FactorMode, string> = {
  "1FA": "primary-factor (1FA)",
  "2FA": "MFA (2FA)",
};

/**
 * Validates config values keyed by their short name (`variants`, `testUser`, ...), already
 * JSON-decoded. Collects every problem before throwing so one run shows them all.
 */
export function parseConfig(values: Record<string, unknown>): DirectAuthConfig {
  // Zod leaves the offending value out of its issues unless asked; the messages quote it.
  const parsed = rawConfigSchema.safeParse(values, { reportInput: true });
  const problems: ConfigProblem[] = parsed.success ? [] : parsed.error.issues.flatMap(zodProblem);
  const raw = parsed.success ? parsed.data : undefined;

  if (values.variants === undefined && values.apps === undefined) {
    problems.push(problemAt(["variants"], "required: say which variants of the guide to configure (or set apps)"));
  }
  if (values.variants !== undefined && values.apps !== undefined) {
    problems.push(problemAt(["apps"], "set either variants (one app per variant) or apps (grouped), not both"));
  }
  problems.push(...variantIdProblems(values), ...invisibleCharacterProblems(values), ...loginScriptProblems(values));
  if (problems.length > 0) throw new ConfigError(problems);

  const apps = resolveApps(raw!);
  if (apps.problems.length > 0) throw new ConfigError(apps.problems);

  return {
    apps: apps.specs,
    authorizationServer:
      raw!.authorizationServer === "org" ? { kind: "org" } : { kind: "custom", ref: raw!.authorizationServer },
    testUser: raw!.testUser,
    enrollment: raw!.enrollment,
    catchAll: raw!.catchAll,
    redirectUri: raw!.redirectUri,
    phoneChannels: raw!.phoneChannels,
    oktaVerify: raw!.oktaVerify,
    protect: raw!.protect,
    names: raw!.names,
  };
}

function loginScriptProblems(values: Record<string, unknown>): ConfigProblem[] {
  const login = (values.testUser as { login?: unknown } | undefined)?.login;
  const problem = typeof login === "string" ? mixedScriptProblem(login) : undefined;
  return problem ? [problemAt(["testUser", "login"], problem)] : [];
}

function zodProblem(issue: z.core.$ZodIssue): ConfigProblem[] {
  if (issue.code === "unrecognized_keys") return unknownKeys(issue);
  return [problemAt(issue.path, describeIssue(issue))];
}

function unknownKeys(issue: z.core.$ZodIssueUnrecognizedKeys): ConfigProblem[] {
  const topLevel = issue.path.length === 0;
  const candidates = topLevel ? CONFIG_KEYS : knownKeysAt(issue.path);
  return unknownKeyProblems(issue.keys, (key) => {
    const guess = closestMatch(key, candidates);
    const path = [...issue.path, key];
    // A misspelt top-level key has no help of its own: show how to set the key it probably meant,
    // or how to drop it; a nested one gets the help of the key it sits under.
    const helpKey = (topLevel ? guess : issue.path[0]) as keyof RawConfig | undefined;
    return {
      key: keyName(path),
      problem: `unknown key${guess ? `; did you mean "${guess}"?` : ""}`,
      expected: `one of: ${candidates.join(", ")}`,
      example: (helpKey && KEY_HELP[helpKey].example) ?? `pulumi config rm ${keyName(path)}`,
    };
  });
}

/** The strict objects below the top level, by the top-level key they sit under. */
const NESTED_OBJECTS = { testUser: testUserSchema, apps: appGroupSchema, names: orgNamesSchema };

function knownKeysAt(path: readonly PropertyKey[]): string[] {
  return Object.keys(NESTED_OBJECTS[path[0] as keyof typeof NESTED_OBJECTS].shape);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "required" : `expected ${issue.expected}, got ${quoted(issue.input)}`;
    case "invalid_value":
      return `${quoted(issue.input)} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return "must not be empty";
    case "too_big":
      return tooBig(issue);
    case "invalid_format":
      return `${quoted(issue.input)} is not valid`;
    default:
      return issue.message;
  }
}

/** The schema bounds only strings and lists; the issue carries the value (`reportInput`). */
function tooBig(issue: z.core.$ZodIssueTooBig): string {
  const { length } = issue.input as string | unknown[];
  return issue.origin === "string" ? `is ${length} characters long; at most ${issue.maximum}` : `has ${length} entries; at most ${issue.maximum}`;
}

function listsOfVariants(values: Record<string, unknown>): { path: PropertyKey[]; ids: unknown[] }[] {
  const lists: { path: PropertyKey[]; ids: unknown[] }[] = [];
  if (Array.isArray(values.variants)) lists.push({ path: ["variants"], ids: values.variants });
  if (Array.isArray(values.apps) && values.apps.length <= LIMITS.variants) {
    values.apps.forEach((app, i) => {
      const ids = (app as { variants?: unknown })?.variants;
      if (Array.isArray(ids)) lists.push({ path: ["apps", i, "variants"], ids });
    });
  }
  return lists;
}

function variantIdProblems(values: Record<string, unknown>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const { path, ids } of listsOfVariants(values)) {
    // The schema reports an overlong list once; its entries would only repeat that thousands of times.
    if (ids.length > LIMITS.variants) continue;
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (typeof id !== "string") return;
      if (!isVariantId(id)) {
        const guess = closestMatch(id, VARIANT_IDS);
        problems.push(problemAt([...path, i], `unknown variant ${quoted(id)}${guess ? `; did you mean "${guess}"?` : ""}`));
      } else if (seen.has(id)) {
        problems.push(problemAt([...path, i], `variant "${id}" is listed twice`));
      }
      seen.add(id);
    });
  }
  return problems;
}

function resolveApps(raw: RawConfig): { specs: AppSpec[]; problems: ConfigProblem[] } {
  if (raw.variants) {
    return { specs: withUniquePolicyNames(raw.variants.map((id) => appSpec(variant(id as Variant["id"]).appLabel, [variant(id as Variant["id"])]))), problems: [] };
  }
  const problems: ConfigProblem[] = [];
  const owner = new Map<string, string>();
  const slugs = new Map<string, string>();
  const specs: AppSpec[] = [];
  raw.apps!.forEach((group, i) => {
    const variants = group.variants.map((id) => variant(id as Variant["id"]));
    const modes = new Set(variants.map((v) => v.factorMode));
    if (modes.size > 1) {
      const describe = (mode: FactorMode) =>
        `${FACTOR_MODE_WORDS[mode]}: ${variants.filter((v) => v.factorMode === mode).map((v) => v.id).join(", ")}`;
      problems.push(
        problemAt(
          ["apps", i, "variants"],
          `app "${group.name}" mixes ${describe("1FA")} with ${describe("2FA")}. One sign-in policy rule cannot ` +
            `serve both: with "Any 1 factor type" the password alone satisfies the policy, so the MFA flows would ` +
            `get tokens from the password grant and never mfa_required. Put them on separate apps`,
        ),
      );
    }
    for (const v of variants) {
      const other = owner.get(v.id);
      if (other !== undefined) {
        problems.push(problemAt(["apps", i, "variants"], `variant "${v.id}" is already on app "${other}"; each variant belongs to one app`));
      }
      owner.set(v.id, group.name);
    }
    const slug = slugOf(group.name);
    const clash = slugs.get(slug);
    if (clash !== undefined || slug === "") {
      problems.push(problemAt(["apps", i, "name"], clash !== undefined ? `"${group.name}" names the same app as "${clash}"` : `"${group.name}" has no letters or digits`));
    }
    slugs.set(slug, group.name);
    // A mixed group has a problem above, so these specs are then never used.
    specs.push(appSpec(group.name, variants));
  });
  return { specs: withUniquePolicyNames(specs), problems };
}
