import { OktaVerifyMode } from "../catalogue/oktaVerify";
import { OktaApiError, OktaManagementClient } from "./managementClient";
import { checkOktaVerify } from "./oktaVerifyCheck";
import { AllowedFor, EnrollSetting, OktaEnrollmentPolicy, LifecycleStatus, OktaAuthenticator, OktaAuthenticatorMethod } from "./oktaShapes";

/** What one variant group needs of an authenticator, org-wide. */
export interface DesiredAuthenticator {
  key: string;
  name: string;
  methods: string[];
  enroll: "OPTIONAL" | "REQUIRED";
  /** The "Used for" the flows need (Email as a primary factor: `any`); left alone when absent. */
  allowedFor?: AllowedFor;
}

/**
 * The org's state before this stack touched an authenticator, restored on destroy. A field left
 * undefined was not recorded, so nothing is restored for it.
 */
export interface PriorAuthenticator {
  key: string;
  /** ABSENT: never enabled in this org (missing from the list API). */
  status?: LifecycleStatus | "ABSENT";
  methods: Record<string, LifecycleStatus>;
  /** UNLISTED: the default enrollment policy had no entry for it. */
  enroll?: EnrollSetting | "UNLISTED";
  /** `settings.allowedFor` before this stack set it. */
  allowedFor?: AllowedFor;
}

export interface ReconcileResult {
  prior: PriorAuthenticator[];
  warnings: string[];
}

const AUTHENTICATORS = "/api/v1/authenticators";

/**
 * Brings the org to `desired`, recording what each touched setting was before. `recorded` is the
 * record of an earlier run: what it already captured keeps its original prior value, and what is no
 * longer desired is given back first. Before anything is written, the org must be of the kind
 * (`oktaVerify`) the keys were chosen for.
 */
export async function reconcileAuthenticators(
  client: OktaManagementClient,
  desired: readonly DesiredAuthenticator[],
  recorded: readonly PriorAuthenticator[] = [],
  oktaVerify: OktaVerifyMode = "classic",
): Promise<ReconcileResult> {
  const listed = await client.get<OktaAuthenticator[]>(AUTHENTICATORS);
  checkOktaVerify(
    oktaVerify,
    listed.map((a) => a.key),
    [...desired, ...recorded].map((a) => a.key),
  );
  const warnings: string[] = [];
  const kept: PriorAuthenticator[] = [];
  const giveBack: PriorAuthenticator[] = [];
  for (const prior of recorded) {
    const want = desired.find((d) => d.key === prior.key);
    if (!want) {
      giveBack.push(prior);
      continue;
    }
    const droppedMethods = Object.keys(prior.methods).filter((m) => !want.methods.includes(m));
    const droppedUse = want.allowedFor === undefined ? prior.allowedFor : undefined;
    if (droppedMethods.length > 0 || droppedUse !== undefined) {
      giveBack.push({ key: prior.key, methods: pick(prior.methods, droppedMethods), ...(droppedUse ? { allowedFor: droppedUse } : {}) });
    }
    const keptPrior: PriorAuthenticator = { ...prior, methods: omit(prior.methods, droppedMethods) };
    if (droppedUse !== undefined) delete keptPrior.allowedFor;
    kept.push(keptPrior);
  }
  if (giveBack.length > 0) warnings.push(...(await restoreAuthenticators(client, giveBack)));

  // Everything is recorded before anything is written (Okta adds an enrollment entry when it adds
  // an authenticator), so a failure halfway can still give back what was already changed.
  const enrollmentBefore = await defaultEnrollmentPolicy(client);
  const list = await client.get<OktaAuthenticator[]>(AUTHENTICATORS);
  const priors = desired.map(
    (want): PriorAuthenticator =>
      kept.find((k) => k.key === want.key) ?? {
        key: want.key,
        status: list.find((a) => a.key === want.key)?.status ?? "ABSENT",
        methods: {},
        enroll: enrollmentBefore.settings.authenticators?.find((e) => e.key === want.key)?.enroll.self ?? "UNLISTED",
      },
  );
  try {
    for (const [i, want] of desired.entries()) await enableAuthenticator(client, list, want, priors[i]);
    await setEnrollment(client, desired);
  } catch (error) {
    await restoreAuthenticators(client, priors).catch(() => undefined);
    throw error;
  }
  return { prior: priors, warnings };
}

/**
 * Activates the authenticator and the wanted methods and sets its "Used for", recording each
 * method's status and the prior "Used for" in `prior` first.
 */
async function enableAuthenticator(
  client: OktaManagementClient,
  list: readonly OktaAuthenticator[],
  want: DesiredAuthenticator,
  prior: PriorAuthenticator,
): Promise<void> {
  let authenticator = list.find((a) => a.key === want.key);
  if (!authenticator) {
    authenticator = await client.post<OktaAuthenticator>(`${AUTHENTICATORS}?activate=true`, { key: want.key, name: want.name });
  } else if (authenticator.status !== "ACTIVE") {
    authenticator = await client.post<OktaAuthenticator>(`${AUTHENTICATORS}/${authenticator.id}/lifecycle/activate`);
  }
  if (want.allowedFor !== undefined) await setAllowedFor(client, authenticator.id, want.allowedFor, prior);
  if (want.methods.length === 0) return;
  const methods = await client.get<OktaAuthenticatorMethod[]>(`${AUTHENTICATORS}/${authenticator.id}/methods`);
  for (const type of want.methods) {
    const current = methods.find((m) => m.type === type);
    if (!current) throw new Error(`authenticator ${want.key} has no method "${type}" in this org`);
    if (!(type in prior.methods)) prior.methods[type] = current.status;
    if (current.status !== "ACTIVE") {
      await client.post(`${AUTHENTICATORS}/${authenticator.id}/methods/${type}/lifecycle/activate`);
    }
  }
}

/**
 * Read-modify-write of `settings.allowedFor`: the authenticator is read first so its other settings
 * go back as they are. The first value read is what destroy restores.
 */
async function setAllowedFor(client: OktaManagementClient, id: string, allowedFor: AllowedFor, prior: PriorAuthenticator): Promise<void> {
  const current = await client.get<OktaAuthenticator>(`${AUTHENTICATORS}/${id}`);
  const before = current.settings?.allowedFor;
  if (prior.allowedFor === undefined && before !== undefined) prior.allowedFor = before;
  if (before !== allowedFor) await putAllowedFor(client, current, allowedFor);
}

/** The fields terraform-provider-okta sends in its recorded PUTs: the object as read, without links or timestamps. */
function putAllowedFor(client: OktaManagementClient, a: OktaAuthenticator, allowedFor: AllowedFor): Promise<unknown> {
  const { id, key, name, type } = a;
  return client.put(`${AUTHENTICATORS}/${id}`, { id, key, name, type, settings: { ...a.settings, allowedFor } });
}

/** The org's default authenticator enrollment policy: the one Okta marks as system, never a custom one. */
export async function defaultEnrollmentPolicy(client: OktaManagementClient): Promise<OktaEnrollmentPolicy> {
  const policies = await client.get<OktaEnrollmentPolicy[]>("/api/v1/policies?type=MFA_ENROLL");
  const policy = policies.find((p) => p.system);
  if (!policy) throw new Error("the org has no authenticator enrollment policy (is it an Identity Engine org?)");
  return policy;
}

const ENROLL_RANK: Record<EnrollSetting, number> = { NOT_ALLOWED: 0, OPTIONAL: 1, REQUIRED: 2 };

/**
 * Read-modify-write of our keys only: every other authenticator's entry is sent back exactly as
 * read. A key is only ever raised to the configured setting, never lowered: turning an org's
 * REQUIRED authenticator into OPTIONAL would weaken every user's enrollment.
 */
async function setEnrollment(client: OktaManagementClient, desired: readonly DesiredAuthenticator[]): Promise<void> {
  const policy = await defaultEnrollmentPolicy(client);
  const entries = policy.settings.authenticators ?? [];
  let changed = false;
  for (const want of desired) {
    const entry = entries.find((e) => e.key === want.key);
    if (entry && ENROLL_RANK[entry.enroll.self] >= ENROLL_RANK[want.enroll]) continue;
    if (entry) entry.enroll.self = want.enroll;
    else entries.push({ key: want.key, enroll: { self: want.enroll } });
    changed = true;
  }
  if (changed) await client.put(`/api/v1/policies/${policy.id}`, { ...policy, settings: { ...policy.settings, authenticators: entries } });
}

/**
 * Gives back what `reconcileAuthenticators` recorded: enrollment values first (Okta refuses to
 * deactivate an authenticator still required for enrollment), then "Used for" (while the
 * authenticator is still active, as it was when it was set), then methods, then status. A refusal
 * (another policy now uses the authenticator) becomes a warning so the rest of the destroy goes on.
 */
export async function restoreAuthenticators(
  client: OktaManagementClient,
  prior: readonly PriorAuthenticator[],
): Promise<string[]> {
  const warnings: string[] = [];
  const attempt = async (what: string, action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof OktaApiError)) throw error;
      warnings.push(`could not ${what}: ${error.message}. Restore it by hand in the Admin Console once nothing uses it.`);
    }
  };

  await attempt("restore enrollment settings", () => restoreEnrollment(client, prior));
  const list = await client.get<OktaAuthenticator[]>(AUTHENTICATORS);
  for (const p of prior) {
    const authenticator = list.find((a) => a.key === p.key);
    if (!authenticator) continue;
    const allowedFor = p.allowedFor;
    if (allowedFor !== undefined && authenticator.settings?.allowedFor !== allowedFor) {
      await attempt(`set ${p.key} back to allowedFor ${allowedFor}`, async () =>
        putAllowedFor(client, await client.get<OktaAuthenticator>(`${AUTHENTICATORS}/${authenticator.id}`), allowedFor),
      );
    }
    for (const [type, status] of Object.entries(p.methods)) {
      if (status === "INACTIVE") {
        await attempt(`deactivate method ${type} of ${p.key}`, () =>
          client.post(`${AUTHENTICATORS}/${authenticator.id}/methods/${type}/lifecycle/deactivate`),
        );
      }
    }
    const wasInactive = p.status === "INACTIVE" || p.status === "ABSENT";
    if (wasInactive && authenticator.status === "ACTIVE") {
      await attempt(`deactivate authenticator ${p.key}`, () =>
        client.post(`${AUTHENTICATORS}/${authenticator.id}/lifecycle/deactivate`),
      );
    }
  }
  return warnings;
}

async function restoreEnrollment(client: OktaManagementClient, prior: readonly PriorAuthenticator[]): Promise<void> {
  const withEnrollment = prior.filter((p) => p.enroll !== undefined);
  if (withEnrollment.length === 0) return;
  const policy = await defaultEnrollmentPolicy(client);
  const entries = policy.settings.authenticators ?? [];
  for (const p of withEnrollment) {
    // Okta keeps an entry for every authenticator it has: leaving one out of the PUT keeps it
    // enrollable, and Okta then refuses to deactivate it. Not enrollable is what unlisted meant.
    const before = p.enroll === "UNLISTED" ? "NOT_ALLOWED" : p.enroll!;
    const entry = entries.find((e) => e.key === p.key);
    if (entry) entry.enroll.self = before;
    else entries.push({ key: p.key, enroll: { self: before } });
  }
  await client.put(`/api/v1/policies/${policy.id}`, { ...policy, settings: { ...policy.settings, authenticators: entries } });
}

function pick<T>(record: Record<string, T>, keys: string[]): Record<string, T> {
  return Object.fromEntries(keys.map((k) => [k, record[k]]));
}

function omit<T>(record: Record<string, T>, keys: string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));
}
