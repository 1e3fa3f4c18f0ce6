import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/smoke";
import { CommandRun, runCommand } from "../helpers/commandIo";
import { localServer, LocalServer } from "../smoke/localServer";

const API_TOKEN = "transport-cli-token";

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function org(handler: Parameters<typeof localServer>[0]): Promise<LocalServer> {
  const started = await localServer(handler);
  servers.push(started);
  return started;
}

/** Runs `npm run smoke -- --enroll-totp` against `issuer` in this process; resolves with what a failing run printed. */
async function failingSmoke(issuer: string, ...extra: string[]): Promise<CommandRun> {
  const args = ["--issuer", issuer, "--client-id", "0oaOTP", "--variants", "otp", "--username", "t@example.com"];
  const run = await runCommand(main, [...args, "--enroll-totp", ...extra], { OKTA_API_TOKEN: API_TOKEN });
  if (run.code === 0) expect.fail("the run should have failed");
  return run;
}

describe("npm run smoke -- --enroll-totp against an org that misbehaves", () => {
  it("gives up after --timeout and says so in one line", async () => {
    const hanging = await org(() => undefined);
    const { code, stderr, stdout } = await failingSmoke(hanging.url, "--timeout", "1");
    expect(code).toBe(2);
    expect(stderr.trim().split("\n").at(-1)).toBe(
      `smoke: --enroll-totp: could not look up t@example.com: GET /api/v1/users/t%40example.com on ${hanging.url} did not answer within 1 s`,
    );
    expect(stdout + stderr).not.toContain(API_TOKEN);
  }, 20_000);

  it("reports an HTML page in one line, not a JSON parse error", async () => {
    const html = await org((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<!DOCTYPE html><html>Sign in</html>");
    });
    const { code, stderr } = await failingSmoke(html.url);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n").at(-1)).toMatch(/^smoke: --enroll-totp: could not look up t@example\.com: .* answered an HTML page \(HTTP 200\)/);
  }, 60_000);

  it("does not follow the org's redirect elsewhere with the API token", async () => {
    const elsewhere = await org((_req, res) => res.end());
    const redirecting = await org((req, res) => {
      res.writeHead(307, { Location: `${elsewhere.url}${req.url}` });
      res.end();
    });
    const { code, stderr } = await failingSmoke(redirecting.url);
    expect(code).toBe(2);
    expect(stderr).toContain(`redirected (HTTP 307) to ${elsewhere.url}; redirects are not followed`);
    expect(elsewhere.received).toEqual([]);
  }, 60_000);
});
