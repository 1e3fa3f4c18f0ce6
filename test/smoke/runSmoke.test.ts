import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { GRANT } from "../../src/catalogue/grants";
import { OktaApiError, OktaManagementClient } from "../../src/orgSettings/managementClient";
import { runSmoke, SmokeOptions } from "../../src/smoke";
import { promptCodeSource } from "../../src/smoke/prompt";
import { renderSmokeJson, renderSmokeTable } from "../../src/smoke/report";
import { FakeClock } from "./fakeClock";

const ISSUER = "https://dev-1.okta.com";
const PASSWORD = "Corr3ct-Horse-Battery!";

type Handler = (form: URLSearchParams) => { status: number; body: unknown; contentType?: string };

/** An authorization server made of handlers by path; records every form it receives. No network. */
function scripted(handlers: Record<string, Handler>) {
  const forms: { path: string; form: URLSearchParams }[] = [];
  const fetchStub = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const form = new URLSearchParams(typeof init?.body === "string" ? init.body : "");
    forms.push({ path: url.pathname, form });
    const handler = handlers[url.pathname];
    const answer = handler ? handler(form) : { status: 404, body: { errorCode: "E0000007" } };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "Content-Type": answer.contentType ?? "application/json" },
    });
  }) as typeof fetch;
  return { fetch: fetchStub, forms };
}

const DISCOVERY: Record<string, Handler> = {
  "/.well-known/openid-configuration": () => ({
    status: 200,
    body: { issuer: ISSUER, token_endpoint: `${ISSUER}/oauth2/v1/token`, jwks_uri: `${ISSUER}/oauth2/v1/keys` },
  }),
};

function options(fetchStub: typeof fetch, extra: Partial<SmokeOptions> = {}): SmokeOptions {
  return {
    issuer: ISSUER,
    targets: [{ variant: "mfa-otp", app: "Direct Auth MFA OTP", clientId: "0oaMFA" }],
    username: "t@example.com",
    password: PASSWORD,
    clock: new FakeClock(),
    fetch: fetchStub,
    ...extra,
  };
}

describe("runSmoke (scripted server)", () => {
  it("refuses a plain-http issuer that is not loopback, before sending anything", async () => {
    const server = scripted(DISCOVERY);
    const report = await runSmoke(options(server.fetch, { issuer: "http://dev-1.okta.com" }));
    expect(server.forms).toEqual([]);
    expect(report.results[0]).toMatchObject({ status: "fail", step: "discovery", requests: 0 });
    expect(report.results[0].diagnosis).toMatch(/`http:\/\/dev-1\.okta\.com\/\.well-known\/openid-configuration` is refused: plain http .* use https/);
  });

  it("fails at discovery when the document names another issuer", async () => {
    const server = scripted({
      "/.well-known/openid-configuration": () => ({ status: 200, body: { issuer: "https://other.okta.com", token_endpoint: `${ISSUER}/oauth2/v1/token`, jwks_uri: `${ISSUER}/oauth2/v1/keys` } }),
    });
    const report = await runSmoke(options(server.fetch));
    expect(report.results[0].diagnosis).toMatch(/names issuer `https:\/\/other\.okta\.com`, not `https:\/\/dev-1\.okta\.com`/);
  });

  it.each([
    ["token_endpoint", { token_endpoint: "https://collector.example/oauth2/v1/token", jwks_uri: `${ISSUER}/oauth2/v1/keys` }, "https://collector.example"],
    ["token_endpoint", { token_endpoint: "https://dev-1.okta.com:8443/oauth2/v1/token", jwks_uri: `${ISSUER}/oauth2/v1/keys` }, "https://dev-1.okta.com:8443"],
    ["jwks_uri", { token_endpoint: `${ISSUER}/oauth2/v1/token`, jwks_uri: "https://keys.example/keys" }, "https://keys.example"],
  ])("fails at discovery, sending nothing, when %s is on another origin (%j)", async (field, endpoints, origin) => {
    const server = scripted({
      "/.well-known/openid-configuration": () => ({ status: 200, body: { issuer: ISSUER, ...endpoints } }),
      "/oauth2/v1/token": () => ({ status: 200, body: {} }),
    });
    const report = await runSmoke(options(server.fetch));
    expect(server.forms.map((f) => f.path)).toEqual(["/.well-known/openid-configuration"]);
    expect(report.results[0]).toMatchObject({ status: "fail", step: "discovery" });
    expect(report.results[0].diagnosis).toContain(`puts \`${field}\` on \`${origin}\`, not on the issuer's origin \`${ISSUER}\``);
  });

  it("never prints a secret the server echoes back", async () => {
    const server = scripted({
      ...DISCOVERY,
      "/oauth2/v1/token": (form) => ({ status: 400, body: { error: "weird_error", error_description: `bad password ${form.get("password")}` } }),
    });
    const report = await runSmoke(options(server.fetch));
    const json = renderSmokeJson(report);
    expect(json).not.toContain(PASSWORD);
    expect(report.results[0].diagnosis).toMatch(/`weird_error` \("\(the server's text quoted the request, so it is not shown\)"\)/);
  });

  it.each([
    ["form-encoded", (form: URLSearchParams) => `could not parse ${form.toString()}`],
    ["URL-encoded", (form: URLSearchParams) => `bad value ${encodeURIComponent(form.get("password") ?? "")}`],
    ["as a field without a secret", (form: URLSearchParams) => `unexpected username=${form.get("username")}`],
  ])("quotes no server text echoing the request %s, in text or --json", async (_how, echo) => {
    const password = "Hunter2-Secret!Pw";
    const server = scripted({
      ...DISCOVERY,
      "/oauth2/v1/token": (form) => ({ status: 400, body: { error: "invalid_request", error_description: echo(form) } }),
    });
    const report = await runSmoke(options(server.fetch, { password }));
    const printed = `${renderSmokeJson(report)}\n${renderSmokeTable(report)}`;
    for (const spelling of [password, encodeURIComponent(password), "Hunter2-Secret%21Pw", "username="]) {
      expect(printed).not.toContain(spelling);
    }
    expect(report.results[0].diagnosis).toContain("the server's text quoted the request, so it is not shown");
  });

  it("drops the server's terminal escape sequences whole, not leaving their tails in the diagnosis", async () => {
    const server = scripted({
      ...DISCOVERY,
      "/oauth2/v1/token": () => ({
        status: 400,
        body: { error: "odd\u001b[2J", error_description: "\u001b[31mred\u001b[0m alert\u009b1;1H and\u001b]0;title\u0007 more" },
      }),
    });
    const report = await runSmoke(options(server.fetch));
    expect(renderSmokeTable(report)).toContain('Okta answered HTTP 400 `odd` ("red alert and more")');
  });

  it("reports mfa_required without an mfa_token as a missing field, not a crash", async () => {
    const server = scripted({ ...DISCOVERY, "/oauth2/v1/token": () => ({ status: 403, body: { error: "mfa_required" } }) });
    const report = await runSmoke(options(server.fetch));
    expect(report.results[0]).toMatchObject({ status: "fail", step: "password" });
    expect(report.results[0].diagnosis).toMatch(/the answer of `\/oauth2\/v1\/token` lacks `mfa_token`/);
  });

  it("reports tokens without an ID token", async () => {
    const server = scripted({ ...DISCOVERY, "/oauth2/v1/token": () => ({ status: 200, body: { access_token: "at-1234", token_type: "Bearer" } }) });
    const report = await runSmoke(options(server.fetch, { targets: [{ variant: "otp", app: "Direct Auth OTP", clientId: "0oaOTP" }], totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" }));
    expect(report.results[0]).toMatchObject({ status: "fail", step: "otp" });
    expect(report.results[0].diagnosis).toMatch(/no ID token: ask for the `openid` scope/);
  });

  it("speaks the documented wire protocol: client_id everywhere, scope only where allowed, mfa legs in order", async () => {
    const server = scripted({
      ...DISCOVERY,
      "/oauth2/v1/token": (form) =>
        form.get("grant_type") === GRANT.password
          ? { status: 403, body: { error: "mfa_required", mfa_token: "mfa-token-1234" } }
          : { status: 400, body: { error: "authorization_pending" } },
      "/oauth2/v1/challenge": () => ({ status: 200, body: { challenge_type: GRANT.mfaOob, oob_code: "oob-1234", expires_in: 300, interval: 5, channel: "push", binding_method: "none" } }),
      "/oauth2/v1/primary-authenticate": () => ({ status: 200, body: { oob_code: "oob-5678", expires_in: 300, interval: 5, channel: "push", binding_method: "none" } }),
    });
    const report = await runSmoke(
      options(server.fetch, {
        targets: [
          { variant: "mfa-oob-okta-verify", app: "MFA Push", clientId: "0oaMFA" },
          { variant: "oob-okta-verify", app: "Push", clientId: "0oaPUSH" },
        ],
      }),
    );
    expect(report.results.map((r) => `${r.variant}:${r.status}@${r.step}`)).toEqual(["mfa-oob-okta-verify:wired@poll", "oob-okta-verify:wired@poll"]);
    const posts = server.forms.filter((f) => f.path !== "/.well-known/openid-configuration").map((f) => [f.path, Object.fromEntries(f.form)]);
    expect(posts).toEqual([
      ["/oauth2/v1/token", { client_id: "0oaMFA", grant_type: "password", username: "t@example.com", password: PASSWORD, scope: "openid profile" }],
      ["/oauth2/v1/challenge", { client_id: "0oaMFA", mfa_token: "mfa-token-1234", challenge_types_supported: GRANT.mfaOob, channel_hint: "push" }],
      ["/oauth2/v1/token", { client_id: "0oaMFA", grant_type: GRANT.mfaOob, mfa_token: "mfa-token-1234", oob_code: "oob-1234", scope: "openid profile" }],
      ["/oauth2/v1/primary-authenticate", { client_id: "0oaPUSH", login_hint: "t@example.com", channel_hint: "push", challenge_hint: GRANT.oob }],
      ["/oauth2/v1/token", { client_id: "0oaPUSH", grant_type: GRANT.oob, oob_code: "oob-5678", scope: "openid profile" }],
    ]);
  });

  it("polls a server asking for interval 0 and a near-endless code at most every second for ten minutes, and says so", async () => {
    let polls = 0;
    const server = scripted({
      ...DISCOVERY,
      "/oauth2/v1/primary-authenticate": () => ({ status: 200, body: { oob_code: "oob-5678", expires_in: 1e12, interval: 0, channel: "push", binding_method: "none" } }),
      "/oauth2/v1/token": () => {
        // A runaway loop would never yield to the test's timeout: end it here instead.
        if (++polls > 5000) throw new Error("runaway polling");
        return { status: 400, body: { error: "authorization_pending" } };
      },
    });
    const clock = new FakeClock();
    const report = await runSmoke(
      options(server.fetch, { clock, targets: [{ variant: "oob-okta-verify", app: "Push", clientId: "0oaPUSH" }], codeSource: async () => undefined }),
    );
    expect(Math.min(...clock.sleeps)).toBe(1000);
    expect(clock.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThan(600_000);
    expect(polls).toBe(600);
    expect(report.results[0]).toMatchObject({
      status: "fail",
      step: "poll",
      notices: ["the server asked for interval 0 s; polled every 1 s", "the server said the code expires in 1000000000000 s; waited at most 600 s"],
    });
    expect(report.results[0].diagnosis).toMatch(/nobody approved the push within its 600 s/);
    expect(renderSmokeTable(report)).toContain("  oob-okta-verify (notice): the server asked for interval 0 s; polled every 1 s");
  });

  it("skips a variant it does not know instead of throwing", async () => {
    const server = scripted(DISCOVERY);
    const report = await runSmoke(options(server.fetch, { targets: [{ variant: "otp-typo" as never, app: "x", clientId: "0oaX" }] }));
    expect(report.results[0]).toMatchObject({ status: "skipped", diagnosis: 'unknown variant "otp-typo"' });
  });

  it("asks the person at the keyboard for the code in interactive mode", async () => {
    const server = scripted({
      ...DISCOVERY,
      "/oauth2/v1/primary-authenticate": () => ({ status: 200, body: { oob_code: "oob-5678", expires_in: 300, channel: "email", binding_method: "prompt" } }),
      "/oauth2/v1/token": (form) => ({ status: 400, body: { error: "invalid_grant", error_description: `code ${form.get("binding_code")} is wrong` } }),
    });
    const input = new PassThrough();
    const output = new PassThrough();
    let prompted = "";
    output.on("data", (chunk) => (prompted += chunk));
    input.end("246810\n");
    const report = await runSmoke(
      options(server.fetch, {
        targets: [{ variant: "oob-email", app: "Email", clientId: "0oaMAIL" }],
        interactive: true,
        codeSource: promptCodeSource(input, output),
      }),
    );
    expect(prompted).toBe("Enter the code Okta sent by email to t@example.com (empty to skip): ");
    expect(server.forms.at(-1)?.form.get("binding_code")).toBe("246810");
    expect(report.results[0]).toMatchObject({ status: "fail", step: "token" });
    expect(report.results[0].diagnosis).toMatch(/the email code was refused \("\(the server's text quoted the request, so it is not shown\)"\)/);
  });
});

describe("interactive code prompt", () => {
  it("passes an email code of up to 10 letters and digits through as typed: Okta's are not always 6 digits", async () => {
    const typed = new PassThrough();
    typed.end("  K7QX2PZ9A4 \n");
    await expect(promptCodeSource(typed, new PassThrough())({ channel: "email", login: "t", sentAfter: new Date() })).resolves.toBe("K7QX2PZ9A4");
  });

  it("treats an empty answer or a closed input as no code", async () => {
    const empty = new PassThrough();
    empty.end("\n");
    await expect(promptCodeSource(empty, new PassThrough())({ channel: "sms", login: "t", sentAfter: new Date() })).resolves.toBeUndefined();
    const closed = new PassThrough();
    closed.end();
    await expect(promptCodeSource(closed, new PassThrough())({ channel: "voice", login: "t", sentAfter: new Date() })).resolves.toBeUndefined();
  });

  it("prints the login from the stack without its control characters", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let prompted = "";
    output.on("data", (chunk) => (prompted += String(chunk)));
    input.end("123456\n");
    await promptCodeSource(input, output)({ channel: "sms", login: "t@example.com\u001b[2K\r\u202e", sentAfter: new Date() });
    expect(prompted).toBe("Enter the code Okta sent by SMS to t@example.com  (empty to skip): ");
  });
});

describe("runSmoke: the run as a whole", () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

  it("retries a rate-limited discovery twice by default, saying so, then reports it", async () => {
    const lines: string[] = [];
    const clock = new FakeClock();
    const fetchStub = (async () => json(429, { errorCode: "E0000047" }, { "Retry-After": "1" })) as typeof fetch;
    const report = await runSmoke(options(fetchStub, { clock, onProgress: (e) => lines.push(`${e.variant} ${e.step}: ${e.detail}`) }));
    expect(lines).toEqual([
      `* discovery: GET ${ISSUER}/.well-known/openid-configuration`,
      "* rate-limit: /.well-known/openid-configuration answered 429; retry 1 in 1 s",
      "* rate-limit: /.well-known/openid-configuration answered 429; retry 2 in 1 s",
    ]);
    expect(clock.sleeps).toEqual([1000, 1000]);
    expect(report.results[0]).toMatchObject({ status: "fail", step: "discovery" });
    expect(report.results[0].diagnosis).toMatch(/^Okta kept rate-limiting `\/\.well-known\/openid-configuration` after 2 retries \(resets in 1 s\)/);
  });

  it("sits out a rate limit of up to a minute by default, and no longer", async () => {
    const limited = (seconds: string) => {
      let calls = 0;
      return (async () => (++calls === 1 ? json(429, {}, { "Retry-After": seconds }) : json(404, { errorCode: "E0000007" }))) as typeof fetch;
    };
    const minute = new FakeClock();
    await runSmoke(options(limited("60"), { clock: minute }));
    expect(minute.sleeps).toEqual([60_000]);
    const longer = new FakeClock();
    const report = await runSmoke(options(limited("61"), { clock: longer }));
    expect(longer.sleeps).toEqual([]);
    expect(report.results[0].diagnosis).toMatch(/after 0 retries \(resets in 61 s\)/);
  });

  it("diagnoses a discovery failure as the discovery step's", async () => {
    const fetchStub = (async () => json(400, { error: "invalid_request", error_description: "Bad request" })) as typeof fetch;
    const report = await runSmoke(options(fetchStub));
    expect(report.results[0].diagnosis).toBe('Okta rejected the discovery request as malformed ("Bad request"): this is a bug in the smoke check: report it with this line.');
  });

  it("fetches the JWKS again for the next variant after a failed fetch", async () => {
    let keyReads = 0;
    const server = scripted({
      ...DISCOVERY,
      "/oauth2/v1/keys": () => (++keyReads === 1 ? { status: 503, body: { errorCode: "E0000009" } } : { status: 200, body: { keys: [{ kty: "RSA", kid: "k1", n: "AQAB", e: "AQAB" }] } }),
      "/oauth2/v1/token": () => ({ status: 200, body: { token_type: "Bearer", id_token: "not.a.jwt" } }),
    });
    const target = { variant: "otp" as const, app: "Direct Auth OTP", clientId: "0oaOTP" };
    const report = await runSmoke(options(server.fetch, { targets: [target, target, target], totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" }));
    expect(report.results.map((r) => `${r.status}@${r.step}`)).toEqual(["fail@jwks", "fail@id-token", "fail@id-token"]);
    expect(keyReads).toBe(2);
  });

  it("calls an empty id_token no ID token", async () => {
    const server = scripted({ ...DISCOVERY, "/oauth2/v1/token": () => ({ status: 200, body: { access_token: "at-1234", id_token: "" } }) });
    const report = await runSmoke(options(server.fetch, { targets: [{ variant: "otp", app: "Direct Auth OTP", clientId: "0oaOTP" }], totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" }));
    expect(report.results[0].diagnosis).toBe("the token response has no ID token: ask for the `openid` scope (`--scope`).");
  });

  it("takes a secret field that is not a string in an answer as data, not as a secret", async () => {
    const server = scripted({
      ...DISCOVERY,
      "/oauth2/v1/token": () => ({ status: 403, body: { error: "mfa_required", mfa_token: "mfa-token-1234" } }),
      "/oauth2/v1/challenge": () => ({ status: 400, body: { error: "invalid_request", error_description: "The channel_hint is invalid", oob_code: 123456789 } }),
    });
    const report = await runSmoke(options(server.fetch, { targets: [{ variant: "mfa-oob-phone", app: "Direct Auth MFA Phone", clientId: "0oaPHONE" }] }));
    expect(report.results[0].diagnosis).toMatch(/^the `sms` channel is not available for Phone/);
  });

  it("names the default scopes when the server refuses them", async () => {
    const server = scripted({ ...DISCOVERY, "/oauth2/v1/token": (form) => (form.get("grant_type") === GRANT.password ? { status: 400, body: { error: "invalid_scope" } } : { status: 500, body: {} }) });
    const report = await runSmoke(options(server.fetch));
    expect(report.results[0].diagnosis).toMatch(/^the authorization server does not grant the scopes `openid profile`: /);
  });

  it("skips an unknown variant at setup", async () => {
    const report = await runSmoke(options(scripted(DISCOVERY).fetch, { targets: [{ variant: "otp-typo" as never, app: "x", clientId: "0oaX" }] }));
    expect(report.results[0]).toEqual({ variant: "otp-typo", app: "x", status: "skipped", step: "setup", diagnosis: 'unknown variant "otp-typo"', requests: 0, ms: 0 });
  });
});

describe("runSmoke: the policy simulation", () => {
  const management = (get: () => Promise<unknown>) => ({ get, getAll: async () => [], post: async () => [] }) as unknown as OktaManagementClient;

  it("says, after the flows, that it simulates the policies, and what it could not simulate", async () => {
    const lines: string[] = [];
    const server = scripted({ ...DISCOVERY, "/oauth2/v1/token": () => ({ status: 403, body: { error: "mfa_required", mfa_token: "mfa-1234" } }) });
    const report = await runSmoke(
      options(server.fetch, {
        management: management(() => Promise.reject(new OktaApiError(404, "E0000007", "Not found", []))),
        onProgress: (e) => lines.push(`${e.variant} ${e.step}: ${e.detail ?? ""}`),
      }),
    );
    expect(lines.at(-1)).toBe("* policy: POST /api/v1/policies/simulate for the test user's sign-in to each app");
    expect(report.results[0].policy).toEqual({ verified: false, notSimulated: true, text: "not simulated: the org has no user t@example.com" });
  });

  it("keeps the flows' results when the simulation itself fails, saying why without any secret", async () => {
    const server = scripted({ ...DISCOVERY, "/oauth2/v1/token": () => ({ status: 403, body: { error: "mfa_required", mfa_token: "mfa-1234" } }) });
    const failing = await runSmoke(options(server.fetch, { management: management(() => Promise.reject(new Error(`no access for ${PASSWORD}`))) }));
    expect(failing.results[0]).toMatchObject({ status: "fail", step: "otp" });
    expect(failing.results[0].policy).toEqual({ verified: false, notSimulated: true, text: "not simulated: no access for [redacted]" });
    const odd = await runSmoke(options(server.fetch, { management: management(() => Promise.reject("unreachable")) }));
    expect(odd.results[0].policy?.text).toBe("not simulated: unreachable");
  });
});
