import { OktaVerifyMode } from "../catalogue/oktaVerify";
import { CommandIo, processIo } from "./args/commandIo";
import { runCli } from "./args/runCli";
import { CliError } from "./args/usageError";
import { VariantId } from "../catalogue/variants";
import { CliPlan, HELP, parseSmokeArgs } from "./smokeArgs";
import { transportProblem } from "../http/transport";
import { runSmoke, outboxCodeSource, SmokeOptions, SmokeTarget } from "../smoke";
import { printable } from "../http/printable";
import { promptCodeSource } from "../smoke/prompt";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "../smoke/runSmoke";
import { exitCodeOf, renderSmokeJson, renderProgress, renderSmokeTable } from "../smoke/report";
import { execFileWith, readStackOutputs, StackOutputError, targetsFromStack } from "../smoke/stackOutputs";
import { connectionFromSettings, describeMissingCredentials, hasCredentials } from "../config/connection";
import { OktaManagementClient } from "../orgSettings/managementClient";
import { managementPolicyEvidence } from "../smoke/policyReads";
import { TotpEnrollmentError, withTemporaryTotpFactor } from "../orgSettings/totpEnrollment";

/** `npm run smoke -- ...`: exit 0 nothing failed, 1 a variant failed, 2 usage or configuration error. */

interface ResolvedTarget {
  issuer: string;
  username: string;
  password?: string;
  targets: SmokeTarget[];
  /** The stack's first activated phone channel, used unless --channel says otherwise. */
  channel?: "sms" | "voice";
  oktaVerify?: OktaVerifyMode;
}

async function resolveTarget(plan: CliPlan, env: NodeJS.ProcessEnv): Promise<ResolvedTarget> {
  const { target } = plan;
  if (target.kind === "explicit") {
    return {
      issuer: target.issuer,
      username: target.username,
      password: plan.password,
      targets: target.variants.map((variant: VariantId) => ({ variant, app: target.app, clientId: target.clientId })),
    };
  }
  const outputs = await readStackOutputs(target.stack, execFileWith(env));
  const problem = transportProblem(outputs.issuer);
  if (problem) throw new CliError(`stack ${target.stack}: issuer is refused (${problem})`);
  return {
    issuer: outputs.issuer,
    username: outputs.testUserLogin,
    // An explicit password wins: the stack only knows the one it generated.
    password: plan.password ?? outputs.testUserPassword,
    targets: targetsFromStack(outputs, target.stack, target.variants),
    channel: outputs.phoneChannels?.[0],
    oktaVerify: outputs.oktaVerify,
  };
}

/** `npm run smoke -- ...`; resolves to the exit status. */
export function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  return runCli(
    "smoke",
    async () => {
      const plan = parseSmokeArgs(argv, io.env);
      if (plan === "help") {
        io.stdout(HELP);
        return 0;
      }
      return smoke(plan, io);
    },
    io.stderr,
  );
}

/**
 * Management access for the policy simulation when the env holds credentials; sent only to the
 * issuer's own origin, whatever org the env names.
 */
function policyClient(issuer: string, env: NodeJS.ProcessEnv, requestTimeoutMs?: number): OktaManagementClient | undefined {
  const connection = connectionFromSettings({ "okta:httpProxy": new URL(issuer).origin }, env);
  if (!hasCredentials(connection)) return undefined;
  return new OktaManagementClient(connection, { requestTimeoutMs: requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS });
}

async function smoke(plan: CliPlan, io: CommandIo): Promise<number> {
  let resolved: ResolvedTarget;
  try {
    resolved = await resolveTarget(plan, io.env);
  } catch (error) {
    throw error instanceof StackOutputError ? new CliError(error.message) : error;
  }
  // Credentials go to the org being checked, whatever org the env names: only ever to the issuer's own origin.
  const connection = connectionFromSettings({ "okta:httpProxy": new URL(resolved.issuer).origin }, io.env);
  const management = hasCredentials(connection)
    ? new OktaManagementClient(connection, { requestTimeoutMs: plan.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS })
    : undefined;
  const options: SmokeOptions = {
    ...resolved,
    evidence: management && managementPolicyEvidence(management),
    totpSecret: plan.totpSecret,
    channel: plan.channel ?? resolved.channel,
    scope: plan.scope,
    interactive: plan.interactive,
    codeSource: plan.codeOutbox ? outboxCodeSource(plan.codeOutbox) : plan.interactive ? promptCodeSource() : undefined,
    requestTimeoutMs: plan.requestTimeoutMs,
    maxRetries: plan.maxRetries,
    onProgress: (event) => io.stderr(`${renderProgress(event)}\n`),
    management: policyClient(resolved.issuer, io.env, plan.requestTimeoutMs),
  };
  let report;
  if (plan.enrollTotp) {
    if (!management) throw new CliError(`--enroll-totp: ${describeMissingCredentials()}`);
    io.stderr(`[setup] enrolling a Google Authenticator factor for ${printable(resolved.username)}\n`);
    try {
      let leftBehind = false;
      report = await withTemporaryTotpFactor(
        management,
        resolved.username,
        plan.keepFactor,
        (totpSecret) => runSmoke({ ...options, totpSecret }),
        (problem) => {
          leftBehind = true;
          io.stderr(`warning: --enroll-totp: ${printable(problem.message)}\n`);
        },
      );
      if (!leftBehind) io.stderr(`[setup] ${plan.keepFactor ? "kept" : "removed"} the enrolled factor\n`);
    } catch (error) {
      throw error instanceof TotpEnrollmentError ? new CliError(`--enroll-totp: ${error.message}`) : error;
    }
  } else {
    report = await runSmoke(options);
  }
  io.stdout(`${plan.json ? renderSmokeJson(report) : renderSmokeTable(report)}\n`);
  return exitCodeOf(report);
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
