import { GRANT } from "../catalogue/grants";
import { Variant, isVariantId, variant as variantOf } from "../catalogue/variants";
import { ruleRequirement } from "../model/constraints";
import { OktaApiError, OktaManagementClient } from "../orgSettings/managementClient";
import { guideStep } from "../okta/guideSteps";
import { PolicyVerdict, SmokeTarget } from "./types";

/**
 * The human-free proof: Okta's policy simulation (`POST /api/v1/policies/simulate`, read-only, scope
 * `okta.policies.read`) says which app sign-in rule and which global session rule a sign-in of the
 * test user to each app would meet, with no sign-in and no push or code sent. The rules it names
 * are then read (`okta.policies.read`) to check what the variant needs of them; the app is read
 * (`okta.apps.read`) for the MFA grant a 2FA rule needs, and the user (`okta.users.read`) for its
 * id and groups. Only GET requests and the simulation are sent, to the issuer's own org.
 */
export const POLICY_SCOPES = ["okta.policies.read", "okta.apps.read", "okta.users.read"] as const;

const ANY_FACTOR_SESSION = "PASSWORD_IDP_ANY_FACTOR";
const CATCH_ALL = "Catch-all Rule";

interface SimulatedRule {
  id: string;
  name: string;
  status: string;
}

interface SimulatedPolicy {
  id: string;
  name: string;
  status: string;
  rules?: SimulatedRule[];
}

interface Evaluation {
  policyType?: string[];
  result?: { policies?: SimulatedPolicy[] };
}

interface OktaRuleRead {
  id: string;
  name: string;
  system?: boolean;
  conditions?: { people?: { users?: { include?: string[] } } } | null;
  actions?: {
    appSignOn?: { access?: string; verificationMethod?: { factorMode?: string; constraints?: { knowledge?: { types?: string[]; required?: boolean } }[] } };
    signon?: { access?: string; primaryFactor?: string };
  };
}

const verified: PolicyVerdict = { verified: true, text: "verified" };
const step = (heading: string) => ` (guide step "${heading}")`;
/** Both the app sign-in policy and the session policy are the guide's "Set up the authentication policy" step. */
const POLICY_STEP = guideStep("app-sign-in-policies").heading!;
const problem = (text: string): PolicyVerdict => ({ verified: false, text: `${text}${step(POLICY_STEP)}` });
const notSimulated = (why: string): PolicyVerdict => ({ verified: false, notSimulated: true, text: `not simulated: ${why}` });

/** What one simulation of the user's sign-in to an app answered, by policy type. */
type Matched = Partial<Record<"ACCESS_POLICY" | "OKTA_SIGN_ON", { policy: SimulatedPolicy; rule: SimulatedRule }>>;

async function simulateSignIn(client: OktaManagementClient, appId: string, userId: string, groupIds: string[]): Promise<Matched> {
  const body = [{ appInstance: appId, policyTypes: ["ACCESS_POLICY", "OKTA_SIGN_ON"], policyContext: { user: { id: userId }, groups: { ids: groupIds } } }];
  const evaluations = await client.post<Evaluation[]>("/api/v1/policies/simulate?expand=EVALUATED&expand=RULE", body);
  const matched: Matched = {};
  for (const evaluation of evaluations ?? []) {
    const type = evaluation.policyType?.[0];
    const policy = evaluation.result?.policies?.find((p) => p.status === "MATCH");
    const rule = policy?.rules?.find((r) => r.status === "MATCH");
    if ((type === "ACCESS_POLICY" || type === "OKTA_SIGN_ON") && policy && rule) matched[type] = { policy, rule };
  }
  return matched;
}

function readRule(client: OktaManagementClient, policyId: string, ruleId: string): Promise<OktaRuleRead> {
  return client.get<OktaRuleRead>(`/api/v1/policies/${policyId}/rules/${ruleId}`);
}

/** The app sign-in rule the simulation named, judged against what the variant needs of it. */
async function judgeAppRule(
  client: OktaManagementClient,
  v: Variant,
  target: SmokeTarget,
  login: string,
  userId: string,
  matched: Matched["ACCESS_POLICY"],
): Promise<PolicyVerdict | undefined> {
  const wanted = `add rule "${v.ruleName}" for ${login} with "${ruleRequirement(v.factorMode).consoleChoice}"`;
  if (!matched) return problem(`no rule of the authentication policy of \`${target.app}\` applies to ${login}: ${wanted}`);
  const where = `authentication policy "${matched.policy.name}" of \`${target.app}\``;
  const rule = await readRule(client, matched.policy.id, matched.rule.id);
  const people = rule.conditions?.people?.users?.include ?? [];
  if (rule.system || rule.name === CATCH_ALL || !people.includes(userId)) {
    return problem(`${where} resolves ${login} to rule "${rule.name}", not a rule for the test user: ${wanted}`);
  }
  const appSignOn = rule.actions?.appSignOn;
  if (appSignOn?.access !== "ALLOW") return problem(`rule "${rule.name}" of ${where} denies ${login}: let it allow access`);
  const mode = appSignOn.verificationMethod?.factorMode;
  if (mode !== v.factorMode) {
    return problem(
      `rule "${rule.name}" of ${where} asks for ${mode ?? "nothing"}, and ${v.id} needs "${ruleRequirement(v.factorMode).consoleChoice}" (${v.factorMode}): change the rule`,
    );
  }
  if (v.factorMode === "2FA") {
    const password = appSignOn.verificationMethod?.constraints?.some((c) => c.knowledge?.required && c.knowledge.types?.includes("password"));
    if (!password) return problem(`rule "${rule.name}" of ${where} does not require the password, so the password leg cannot count as the first factor: ask for "Password + Another factor"`);
    const app = await client.get<{ settings?: { oauthClient?: { grant_types?: string[] } } }>(`/api/v1/apps/${target.clientId}`);
    const grants = app.settings?.oauthClient?.grant_types ?? [];
    if (![GRANT.mfaOtp, GRANT.mfaOob].some((g) => grants.includes(g))) {
      return problem(`rule "${rule.name}" of ${where} asks for a second factor, and \`${target.app}\` allows no grant to give one (${GRANT.mfaOtp} or ${GRANT.mfaOob})`);
    }
  }
  return undefined;
}

/** Primary-factor variants: the global session rule the simulation named must start a session with any factor. */
async function judgeSessionRule(client: OktaManagementClient, login: string, matched: Matched["OKTA_SIGN_ON"]): Promise<PolicyVerdict | undefined> {
  const fix = `give ${login} a global session policy rule with "Any factor used to meet the Authentication Policy requirements" (${ANY_FACTOR_SESSION})`;
  if (!matched) return problem(`no global session policy rule applies to ${login}: ${fix}`);
  const rule = await readRule(client, matched.policy.id, matched.rule.id);
  const signon = rule.actions?.signon;
  if (signon?.access === "DENY") return problem(`rule "${rule.name}" of global session policy "${matched.policy.name}" denies ${login}: ${fix}`);
  if (signon?.primaryFactor !== ANY_FACTOR_SESSION) {
    return problem(
      `global session policy "${matched.policy.name}" resolves ${login} to rule "${rule.name}", which starts sessions with ${signon?.primaryFactor ?? "?"} only: ${fix}`,
    );
  }
  return undefined;
}

function isNotFound(error: unknown): boolean {
  return error instanceof OktaApiError && error.status === 404;
}

/**
 * One verdict per target, in order: `verified` when the app's authentication policy resolves the
 * test user to its own rule with the constraints the variant needs (and, for primary-factor
 * variants, the global session policy to an any-factor rule), else what is wrong, naming the
 * policy, the rule and the guide step.
 */
export async function verifyPolicies(client: OktaManagementClient, login: string, targets: readonly SmokeTarget[]): Promise<PolicyVerdict[]> {
  let user: { id: string };
  try {
    user = await client.get<{ id: string }>(`/api/v1/users/${encodeURIComponent(login)}`);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return targets.map(() => notSimulated(`the org has no user ${login}`));
  }
  const groupIds = (await client.getAll<{ id: string }>(`/api/v1/users/${user.id}/groups`)).map((g) => g.id);
  const simulations = new Map<string, Promise<Matched | undefined>>();
  const simulationOf = (clientId: string) => {
    if (!simulations.has(clientId)) {
      simulations.set(
        clientId,
        simulateSignIn(client, clientId, user.id, groupIds).catch((error) => {
          if (isNotFound(error)) return undefined;
          throw error;
        }),
      );
    }
    return simulations.get(clientId)!;
  };
  const verdicts: PolicyVerdict[] = [];
  for (const target of targets) {
    if (!isVariantId(target.variant)) {
      verdicts.push(notSimulated(`unknown variant ${target.variant}`));
      continue;
    }
    const v = variantOf(target.variant);
    const matched = await simulationOf(target.clientId);
    if (!matched) {
      verdicts.push(notSimulated(`the org has no app with client id ${target.clientId}`));
      continue;
    }
    const verdict =
      (await judgeAppRule(client, v, target, login, user.id, matched.ACCESS_POLICY)) ??
      (v.factorMode === "1FA" ? await judgeSessionRule(client, login, matched.OKTA_SIGN_ON) : undefined) ??
      verified;
    verdicts.push(verdict);
  }
  return verdicts;
}
