import { IncomingMessage, Server, ServerResponse, createServer } from "node:http";
import { AddressInfo } from "node:net";
import { Answer, jsonAnswer } from "./answer";
import { INTERNAL_ERROR, OAuthError, ManagementApiError, RATE_LIMITED, notFound, oktaErrorBody } from "./errors";
import { faultAnswer } from "./faults";
import { managementRoute } from "./management/routes";
import { oauthRoute } from "./oauth/routes";
import { RateLimiter } from "./rateLimit";
import { EMULATOR_PATH_PREFIX, testSurfaceRoute } from "./testSurface";
import { EmulatorState } from "./state";

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
}

const MAX_BODY_BYTES = 1 << 20;
/** What Okta's front end answers for a request target no URL parser accepts; no route sees it. */
const BAD_REQUEST: Answer = {
  status: 400,
  contentType: "text/html",
  body: "<html><head><title>400 Bad Request</title></head><body><h1>400 Bad Request</h1></body></html>\n",
  headers: {},
};

/** The emulator's HTTP side: loopback only, one handler for every path, faults applied first. */
export class EmulatorServer {
  private readonly server: Server;
  /** Delays of `slow` faults still running, so close() can end them instead of waiting. */
  private readonly delays = new Map<NodeJS.Timeout, () => void>();

  constructor(
    private readonly state: EmulatorState,
    /** Told of every answered request, `/__emulator/*` included. */
    private readonly onAnswered: (request: RecordedRequest) => void,
    private readonly rateLimits: RateLimiter,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** Listens on 127.0.0.1 on `port` (0: one the OS picks); resolves to the org URL. */
  listen(port = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => {
        const { port } = this.server.address() as AddressInfo;
        resolve(`http://127.0.0.1:${port}`);
      });
    });
  }

  close(): Promise<void> {
    for (const [timer, finish] of this.delays) {
      clearTimeout(timer);
      finish();
    }
    this.delays.clear();
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const url = addressedUrl(req);
    const path = url?.pathname ?? req.url ?? "";
    // Date from the clock of the rate-limit headers: clients read X-Rate-Limit-Reset against it.
    const nowMs = Date.now();
    const rate = path.startsWith(EMULATOR_PATH_PREFIX) ? undefined : this.rateLimits.admit(method, path, nowMs);
    let answer: Answer;
    if (rate?.limited) {
      // Okta sends no Retry-After: clients wait until X-Rate-Limit-Reset, read against the Date.
      answer = jsonAnswer(429, oktaErrorBody(RATE_LIMITED.code, RATE_LIMITED.summary));
      await drain(req);
    } else {
      if (rate) this.rateLimits.started();
      try {
        const body = await readBody(req);
        if (!url) answer = BAD_REQUEST;
        else answer = (await this.faultFor(path)) ?? (await this.route(method, url, req, body));
      } catch (error) {
        answer = errorAnswer(error);
      } finally {
        if (rate) this.rateLimits.finished();
      }
    }
    res.writeHead(answer.status, {
      "Content-Type": answer.contentType,
      Date: new Date(nowMs).toUTCString(),
      ...rate?.headers,
      ...answer.headers,
    });
    res.end(answer.body);
    this.onAnswered({ method, path, status: answer.status });
  }

  private async faultFor(path: string): Promise<Answer | undefined> {
    if (path.startsWith(EMULATOR_PATH_PREFIX)) return undefined;
    const fault = this.state.faults.takeFor(path);
    if (!fault) return undefined;
    if (fault.kind !== "slow") return faultAnswer(fault, Date.now());
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.delays.delete(timer);
        resolve();
      }, fault.delayMs);
      this.delays.set(timer, resolve);
    });
    return undefined;
  }

  private async route(method: string, url: URL, req: IncomingMessage, body: string): Promise<Answer> {
    const { pathname: path, searchParams: query } = url;
    const request = { method, path, query, headers: req.headers, body, origin: url.origin };
    const answer =
      (await oauthRoute(this.state, request)) ?? (await managementRoute(this.state, request)) ?? (await testSurfaceRoute(this.state, request));
    if (!answer) throw notFound(path, "Path");
    return answer;
  }
}

/**
 * The URL the client addressed: the absolute-form target a client sends through an HTTP proxy (the
 * Okta Go SDK with \`okta:httpProxy\` sends \`GET http://127.0.0.1/api/v1/...\` to the proxy's port),
 * else the path on the Host the client named. DPoP proofs are checked against it, as Okta checks
 * them against its own public URL.
 */
function addressedUrl(req: IncomingMessage): URL | null {
  const target = req.url ?? "/";
  const host = req.headers.host;
  return (host ? URL.parse(target, `http://${host}`) : null) ?? URL.parse(target, "http://127.0.0.1");
}

/** Known failures answer in their own style; anything else is Okta's opaque 500, with no detail leaked. */
function errorAnswer(error: unknown): Answer {
  if (error instanceof OAuthError) return jsonAnswer(error.status, error.body(), error.headers);
  if (error instanceof ManagementApiError) return jsonAnswer(error.status, error.body());
  return jsonAnswer(500, oktaErrorBody(INTERNAL_ERROR.code, INTERNAL_ERROR.summary));
}

/** A request answered without reading it is still read to its end, so the client sees the answer. */
function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.on("data", () => undefined);
    req.on("end", resolve);
    req.on("error", () => resolve());
  });
}

/**
 * A body over the limit is read to its end and dropped, so the client, still sending, gets the
 * 413 rather than a reset connection.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) reject(new ManagementApiError(413, "E0000003", "The request body was not well-formed."));
      else resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", reject);
  });
}
