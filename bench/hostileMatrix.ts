import { ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { AddressInfo, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ConfigError } from "../src/config/configError";
import { parseConfig } from "../src/config/parseConfig";
import { namespaceValues } from "../src/config/readStackConfig";
import { StackFileError, stackConfigFromYaml } from "../src/config/stackFile";
import { OktaManagementClient } from "../src/orgSettings/managementClient";
import { planFromPreview } from "../src/plan/fromPreview";
import { renderMarkdown } from "../src/plan/renderMarkdown";
import { outboxCodeSource, renderSmokeJson, renderSmokeTable, runSmoke } from "../src/smoke";
import { Redactor } from "../src/http/redactor";

/**
 * A hostile run of issue 19's whole matrix against the real `npm run emulator` process, the smoke
 * check, the plan and the config: every case is bounded (loopback only, fixed counts, a deadline
 * each). It counts crashes (the emulator process gone, or an in-process case throwing what it
 * should have answered), hangs (a case past its deadline) and secrets (any spelling of the API
 * token, a password or a key in any output but the emulator's documented first line). Target: 0, 0, 0.
 */
const ROOT = join(__dirname, "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const API_TOKEN = "00Hostile/Token+With=Specials!abcdefghij";
const USER_PASSWORD = "Hostile-Passw0rd!%&=";
const secrets = new Redactor();
for (const s of [API_TOKEN, USER_PASSWORD]) secrets.add(s);

const tally = { cases: 0, crashes: 0, hangs: 0, secretLeaks: 0, refusedAsExpected: 0 };
const failures: string[] = [];
const outputs: string[] = [];

async function bounded<T>(name: string, ms: number, run: () => Promise<T>): Promise<T | undefined> {
  tally.cases++;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"hang">((resolve) => (timer = setTimeout(() => resolve("hang"), ms)));
  try {
    const outcome = await Promise.race([run(), deadline]);
    if (outcome === "hang") {
      tally.hangs++;
      failures.push(`hang: ${name} (over ${ms} ms)`);
      return undefined;
    }
    return outcome as T;
  } catch (error) {
    tally.crashes++;
    failures.push(`crash: ${name}: ${(error as Error)?.name}: ${secrets.redact(String((error as Error)?.message)).slice(0, 200)}`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

function expectRefused(name: string, ok: boolean): void {
  if (ok) tally.refusedAsExpected++;
  else failures.push(`not refused as expected: ${name}`);
}

interface Emulator {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: () => boolean;
}

async function startEmulator(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Emulator> {
  const child = spawn(TSX, ["src/cli/emulator.ts", "--json", "--api-token", API_TOKEN, ...args], { cwd: ROOT, env });
  let stderr = "";
  let gone = false;
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  child.on("exit", () => (gone = true));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  // Later stdout lines (the setup summary) are outputs like any other.
  void (async () => {
    for await (const line of lines) outputs.push(line);
  })();
  return { child, url: (JSON.parse(first.value as string) as { url: string }).url, stderr: () => stderr, exited: () => gone };
}

async function request(url: string, init: RequestInit = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  outputs.push(text);
  return { status: response.status, text };
}

const ssws = { authorization: `SSWS ${API_TOKEN}`, "content-type": "application/json", accept: "application/json" };

/** Raw bytes on one connection; resolves to what came back (or "" when the server closed it). */
function raw(url: string, bytes: string, slowMs = 0): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("close", () => resolve(received));
    socket.on("error", () => resolve(received));
    socket.setTimeout(8000, () => socket.destroy());
    if (slowMs === 0) socket.end(bytes);
    else {
      let i = 0;
      const drip = setInterval(() => {
        if (i >= bytes.length || socket.destroyed) {
          clearInterval(drip);
          socket.end();
          return;
        }
        socket.write(bytes[i++]);
      }, slowMs);
    }
  });
}

async function emulatorMatrix(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hostile-"));
  const stateDir = join(dir, "state");
  mkdirSync(stateDir);
  const state = join(stateDir, "org.json");
  const victim = join(dir, "victim.txt");
  writeFileSync(victim, "keep me");
  // Item 3: links planted at every name a predictable writer might use.
  for (let pid = process.pid; pid < process.pid + 200; pid++) symlinkSync(victim, join(stateDir, `.org.json.${pid}.tmp`));

  const emu = await startEmulator(["--state", state, "--setup", "dev"], { ...process.env, OKTA_SMOKE_PASSWORD: USER_PASSWORD });
  const api = (path: string, init: RequestInit = {}) => request(`${emu.url}${path}`, { ...init, headers: { ...ssws, ...(init.headers ?? {}) } });

  // Item 5: a second emulator on the same file refuses to start.
  await bounded("second emulator on one state file", 60_000, async () => {
    const second = spawn(TSX, ["src/cli/emulator.ts", "--state", state], { cwd: ROOT });
    let err = "";
    second.stderr.on("data", (c) => (err += c));
    const code = await new Promise((resolve) => second.on("exit", resolve));
    outputs.push(err);
    expectRefused("second emulator", code === 2 && /in use by another emulator/.test(err));
  });

  // Item 1: deep bodies, on every collection.
  for (const path of ["/api/v1/apps", "/api/v1/groups", "/api/v1/policies", "/api/v1/users", "/api/v1/authenticators"]) {
    await bounded(`deep body ${path}`, 20_000, async () => {
      const answer = await api(path, { method: "POST", body: `{"x":${"[".repeat(5000)}${"]".repeat(5000)}}` });
      expectRefused(`deep body ${path}`, answer.status === 400 && answer.text.includes("E0000003"));
    });
  }
  // Item 7 and type-confused bodies.
  const confused = ["[]", "null", "1", '"x"', "true", '{"profile":[]}', '{"name":{"x":1}}', '{"key":{"__proto__":1}}', '{"priority":"1"}', "{", "\u0000"];
  for (const path of ["/api/v1/apps", "/api/v1/groups", "/api/v1/policies", "/api/v1/users?activate=true", "/api/v1/authenticators", "/api/v1/authorizationServers"]) {
    for (const body of confused) {
      await bounded(`type-confused ${path} ${body}`, 20_000, async () => {
        const answer = await api(path, { method: "POST", body });
        expectRefused(`type-confused ${path} ${body}`, answer.status >= 400 && answer.status < 500);
      });
    }
  }
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
    await bounded(`authenticator key ${key}`, 20_000, async () => {
      const answer = await api("/api/v1/authenticators", { method: "POST", body: JSON.stringify({ key, name: key }) });
      expectRefused(`authenticator key ${key}`, answer.status === 400 && answer.text.includes("Api validation failed: key"));
    });
  }
  // Item 16 through the API: passwords Okta's policy refuses.
  for (const password of ["short1A", "nouppercase1", "NOLOWERCASE1", "NoDigits-Here"]) {
    await bounded(`weak password`, 20_000, async () => {
      const answer = await api("/api/v1/users?activate=true", {
        method: "POST",
        body: JSON.stringify({ profile: { login: "weak@example.com", email: "weak@example.com", firstName: "W", lastName: "P" }, credentials: { password: { value: password } } }),
      });
      expectRefused("weak password", answer.status === 400 && answer.text.includes("Password requirements were not met") && !answer.text.includes(password));
    });
  }
  // Forged credentials: wrong SSWS, random bearer, forged DPoP (replayed twice).
  const forgedProof = `${Buffer.from('{"typ":"dpop+jwt","alg":"RS256"}').toString("base64url")}.${Buffer.from('{"jti":"x","htm":"GET"}').toString("base64url")}.AAAA`;
  const forged: Record<string, string>[] = [
    { authorization: "SSWS wrong-token-12345" },
    { authorization: "Bearer abc.def.ghi" },
    { authorization: "DPoP forged", dpop: forgedProof },
    { authorization: "DPoP forged", dpop: forgedProof },
  ];
  for (const headers of forged) {
    await bounded(`forged ${headers.authorization}`, 20_000, async () => {
      const answer = await request(`${emu.url}/api/v1/apps`, { headers });
      expectRefused(`forged ${headers.authorization}`, answer.status === 401);
    });
  }
  // Concurrent writes: 60 at once, then the org still lists them all.
  await bounded("concurrent writes", 60_000, async () => {
    const made = await Promise.all(
      Array.from({ length: 60 }, (_, i) => api("/api/v1/groups", { method: "POST", body: JSON.stringify({ profile: { name: `concurrent ${i}` } }) })),
    );
    const listed = await api("/api/v1/groups?q=concurrent&limit=200");
    expectRefused("concurrent writes all kept", made.every((m) => m.status === 200) && (JSON.parse(listed.text) as unknown[]).length === 60);
  });
  // Malformed HTTP and slow clients, while the org keeps answering others.
  const malformed = [
    "GET http://a:99999/x HTTP/1.1\r\nHost: a\r\n\r\n",
    "POST /api/v1/groups HTTP/1.1\r\nHost: a\r\nContent-Length: -5\r\n\r\n",
    "POST /api/v1/groups HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    `GET /${"a".repeat(70_000)} HTTP/1.1\r\nHost: a\r\n\r\n`,
    `GET / HTTP/1.1\r\n${"X-Big: y\r\n".repeat(5000)}\r\n`,
    "\u0000\u0001\u0002garbage\r\n\r\n",
    "GET / HTTP/9.9\r\n\r\n",
  ];
  for (const bytes of malformed) {
    await bounded(`malformed ${JSON.stringify(bytes.slice(0, 30))}`, 20_000, async () => {
      outputs.push(await raw(emu.url, bytes));
    });
  }
  await bounded("slow clients do not stall others", 30_000, async () => {
    const slow = Array.from({ length: 5 }, () => raw(emu.url, "POST /api/v1/groups HTTP/1.1\r\nHost: a\r\nContent-Length: 40\r\n\r\n{\"profile\":{\"name\":\"slow\"}}", 100));
    const started = Date.now();
    const answer = await request(`${emu.url}/.well-known/openid-configuration`);
    expectRefused("served while slow clients drip", answer.status === 200 && Date.now() - started < 5000);
    await Promise.all(slow);
  });
  // Item 2: the state folder removed while serving, then back.
  await bounded("state folder removed and restored", 30_000, async () => {
    rmSync(stateDir, { recursive: true, force: true });
    await api("/api/v1/groups", { method: "POST", body: JSON.stringify({ profile: { name: "made unsaved" } }) });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    mkdirSync(stateDir);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expectRefused("saved once it could", readFileSync(state, "utf8").includes("made unsaved"));
  });

  if (emu.exited()) {
    tally.crashes++;
    failures.push(`crash: the emulator process exited: ${secrets.redact(emu.stderr()).slice(-300)}`);
  }
  emu.child.kill("SIGTERM");
  await new Promise((resolve) => emu.child.once("exit", resolve));
  outputs.push(emu.stderr());
  expectRefused("victim file untouched", readFileSync(victim, "utf8") === "keep me");

  // Item 4: state files that are not whole stop the start in one line.
  for (const [name, text] of [
    ["empty org", '{"format":"okta-direct-auth emulator state","version":1,"org":{}}'],
    ["string version", '{"format":"okta-direct-auth emulator state","version":"1","org":{}}'],
    ["deep org", `{"format":"okta-direct-auth emulator state","version":1,"org":${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}}`],
  ]) {
    await bounded(`state file: ${name}`, 60_000, async () => {
      const bad = join(dir, `${name.replace(/\s/g, "-")}.json`);
      writeFileSync(bad, text);
      const child = spawn(TSX, ["src/cli/emulator.ts", "--state", bad], { cwd: ROOT });
      let err = "";
      child.stderr.on("data", (c) => (err += c));
      const code = await new Promise((resolve) => child.on("exit", resolve));
      outputs.push(err);
      expectRefused(`state file: ${name}`, code === 2 && err.trim().split("\n").length === 1);
    });
  }
  // Item 16: a weak OKTA_SMOKE_PASSWORD is refused before anything runs, without echoing it.
  await bounded("weak OKTA_SMOKE_PASSWORD", 60_000, async () => {
    const child = spawn(TSX, ["src/cli/emulator.ts", "--setup", "dev"], { cwd: ROOT, env: { ...process.env, OKTA_SMOKE_PASSWORD: "Weak1" } });
    let err = "";
    child.stderr.on("data", (c) => (err += c));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    outputs.push(err);
    expectRefused("weak OKTA_SMOKE_PASSWORD", code === 2 && err.includes("Password requirements") && !err.includes("Weak1"));
  });
  rmSync(dir, { recursive: true, force: true });
}

/** Items 8, 11-13: an authorization server on loopback that echoes, redirects and forges. */
async function smokeMatrix(): Promise<void> {
  let issuer = "";
  let mode = "echo";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(json));
      };
      if (req.url?.startsWith("/.well-known")) {
        const foreign = mode === "foreign-token" ? "http://127.0.0.2:9/oauth2/v1/token" : `${issuer}/oauth2/v1/token`;
        const keys = mode === "foreign-jwks" ? "http://127.0.0.2:9/keys" : `${issuer}/oauth2/v1/keys`;
        return send(200, { issuer, token_endpoint: foreign, jwks_uri: keys });
      }
      if (req.url?.startsWith("/outbox")) return send(302, {}, { location: "http://127.0.0.2:9/outbox" });
      const form = new URLSearchParams(body);
      const echoes = [body, encodeURIComponent(body), Buffer.from(body).toString("base64"), JSON.stringify(body), `password=${encodeURIComponent(form.get("password") ?? "")}`];
      return send(400, { error: "invalid_grant", error_description: echoes[Math.floor(Math.random() * echoes.length)] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const m of ["echo", "echo", "echo", "foreign-token", "foreign-jwks"]) {
    mode = m;
    await bounded(`smoke against a hostile org (${m})`, 60_000, async () => {
      const report = await runSmoke({
        issuer,
        targets: [
          { variant: "otp", app: "a", clientId: "0oaA" },
          { variant: "mfa-otp", app: "b", clientId: "0oaB" },
        ],
        username: "t@example.com",
        password: USER_PASSWORD,
        totpSecret: "JBSWY3DPEHPK3PXP",
        requestTimeoutMs: 5000,
      });
      outputs.push(renderSmokeJson(report), renderSmokeTable(report));
      expectRefused(`smoke (${m}) fails`, report.results.every((r) => r.status === "fail"));
    });
  }
  await bounded("outbox redirect not followed", 20_000, async () => {
    const code = await outboxCodeSource(`${issuer}/outbox`, { timeoutMs: 2000 })({ channel: "sms", login: "t@example.com", sentAfter: new Date(0) }).catch(
      (error: { problem?: { detail?: Record<string, string> } }) => error.problem?.detail?.redirected,
    );
    expectRefused("outbox redirect", code === "yes");
  });
  // Item 9: a management error echoing the credentials.
  await bounded("management error echoing the token", 20_000, async () => {
    const echo = createServer((req, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      const header = String(req.headers.authorization);
      res.end(JSON.stringify({ errorCode: "E0000001", errorSummary: `${header} ${encodeURIComponent(header)} ${Buffer.from(header).toString("base64")}`, errorCauses: [{ errorSummary: header }] }));
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    const client = new OktaManagementClient({ orgUrl: `http://127.0.0.1:${(echo.address() as AddressInfo).port}`, apiToken: API_TOKEN });
    const error = (await client.get("/api/v1/users/me").catch((e: unknown) => e)) as Error;
    outputs.push(error.message, JSON.stringify(error));
    await new Promise((resolve) => echo.close(resolve));
  });
  await new Promise((resolve) => server.close(resolve));
}

/** Items 10, 14, 15 and hostile YAML: refused with the key named, never a crash or a hang. */
async function configAndPlanMatrix(): Promise<void> {
  const hostileYaml = [
    `config:\n  a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, i) => `  l${i + 1}: &l${i + 1} [${Array(9).fill(i ? `*l${i}` : "*a").join(", ")}]`).join("\n")}\n`,
    `config:\n  okta-direct-auth:variants: ${"[".repeat(5000)}${"]".repeat(5000)}\n`,
    `config:\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: v`).join("\n")}\n`,
    "config:\n  okta-direct-auth:variants: [otp]\n  okta-direct-auth:variants: [mfa-otp]\n",
    "config: !!binary aGVsbG8=\n",
    `config:\n  okta-direct-auth:variants: [otp]\n  okta-direct-auth:testUser:\n    login: "p\\u0430ypal@example.com"\n`,
    `config:\n  okta-direct-auth:apps:\n    - name: "Evil\\e[2J\\a"\n      variants: [otp]\n  okta-direct-auth:testUser:\n    login: "te\\u200bster@example.com"\n`,
    `config:\n  okta-direct-auth:variants: [otp]\n  okta-direct-auth:testUser: {login: "\\u202Etester@example.com"}\n  okta-direct-auth:protect: "yes"\n`,
  ];
  for (const [i, yaml] of hostileYaml.entries()) {
    await bounded(`hostile YAML ${i}`, 20_000, async () => {
      try {
        parseConfig(namespaceValues(stackConfigFromYaml(yaml)));
        failures.push(`not refused as expected: hostile YAML ${i}`);
      } catch (error) {
        if (!(error instanceof ConfigError || error instanceof StackFileError)) throw error;
        outputs.push(error.message);
        expectRefused(`hostile YAML ${i} names what is wrong`, error.message.length > 0 && !/[\u0000-\u0008\u001b\u200b\u202e]/.test(error.message));
      }
    });
  }
  await bounded("plan from a --show-secrets preview", 20_000, async () => {
    const preview = {
      steps: [
        {
          op: "create",
          urn: "urn:pulumi:dev::okta-direct-auth::okta-direct-auth:authenticators:Authenticators$pulumi-nodejs:dynamic:Resource::org-settings",
          newState: { type: "pulumi-nodejs:dynamic:Resource", custom: true, inputs: { connection: { apiToken: API_TOKEN, privateKey: "-----BEGIN PRIVATE KEY-----Zm9v-----END PRIVATE KEY-----" }, password: USER_PASSWORD, clientSecret: "client-secret-value-123" } },
        },
      ],
    };
    secrets.add("client-secret-value-123");
    const plan = planFromPreview(JSON.stringify(preview));
    outputs.push(renderMarkdown(plan), JSON.stringify(plan));
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  await emulatorMatrix();
  await smokeMatrix();
  await configAndPlanMatrix();
  const leaked = outputs.filter((o) => secrets.contains(o));
  tally.secretLeaks = leaked.length;
  for (const o of leaked) failures.push(`secret in output: ${secrets.redact(o).slice(0, 200)}`);
  process.stdout.write("| hostile matrix | count |\n|---|---|\n");
  for (const [k, v] of Object.entries(tally)) process.stdout.write(`| ${k} | ${v} |\n`);
  process.stdout.write(`| outputs checked for secrets | ${outputs.length} |\n| wall time | ${Math.round((Date.now() - started) / 1000)} s |\n`);
  for (const f of failures) process.stdout.write(`- ${f}\n`);
  const ok = tally.crashes === 0 && tally.hangs === 0 && tally.secretLeaks === 0 && failures.length === 0;
  process.stdout.write(`${ok ? "ok" : "MISSED"}: 0 crashes, 0 hangs, 0 secrets, every bad input refused\n`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code));
