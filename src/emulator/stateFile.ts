import { randomBytes } from "node:crypto";
import { closeSync, constants, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { nestingDepth } from "./jsonDepth";

/** A state file that cannot be used; the emulator refuses to start rather than silently reset the org. */
export class StateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateFileError";
  }
}

const FORMAT = "okta-direct-auth emulator state";
const VERSION = 1;

interface Envelope {
  format: typeof FORMAT;
  version: number;
  savedAt: string;
  org: unknown;
}

/** Maps and Sets carry the org model's indexes; JSON has neither, so they travel tagged. */
const MAP_TAG = "__map";
const SET_TAG = "__set";

export function encodeState(org: unknown, now: Date = new Date()): string {
  const envelope: Envelope = { format: FORMAT, version: VERSION, savedAt: now.toISOString(), org };
  return `${JSON.stringify(envelope, (_key, value: unknown) => {
    if (value instanceof Map) return { [MAP_TAG]: [...value.entries()] };
    if (value instanceof Set) return { [SET_TAG]: [...value.values()] };
    return value;
  })}\n`;
}

/**
 * Deep enough for any org the API can build (bodies are refused past 64 levels), shallow enough
 * that no save or listing recurses out of stack.
 */
const MAX_STATE_DEPTH = 128;

/** What is wrong with a decoded org, in one line, or undefined when it can be served. */
export type OrgCheck = (org: unknown) => string | undefined;

export function decodeState<T>(text: string, source: string, check?: OrgCheck): T {
  if (nestingDepth(text) > MAX_STATE_DEPTH) {
    throw new StateFileError(`${source} nests deeper than ${MAX_STATE_DEPTH} levels; it is not a state file this emulator wrote`);
  }
  let envelope: Partial<Envelope>;
  try {
    envelope = JSON.parse(text, (_key, value: unknown) => {
      if (value && typeof value === "object" && !Array.isArray(value)) {
        const tagged = value as Record<string, unknown>;
        if (Array.isArray(tagged[MAP_TAG])) return new Map(tagged[MAP_TAG] as [unknown, unknown][]);
        if (Array.isArray(tagged[SET_TAG])) return new Set(tagged[SET_TAG] as unknown[]);
      }
      return value;
    }) as Partial<Envelope>;
  } catch (error) {
    throw new StateFileError(`${source} is corrupt (${(error as Error).message}); move it away to start a fresh org`);
  }
  if (!envelope || envelope.format !== FORMAT) {
    throw new StateFileError(`${source} is not an emulator state file; pass --state a file the emulator wrote`);
  }
  if (envelope.version !== VERSION) {
    throw new StateFileError(
      `${source} has state format ${JSON.stringify(envelope.version)}; this emulator reads format ${VERSION} (the number)`,
    );
  }
  if (!envelope.org || typeof envelope.org !== "object") throw new StateFileError(`${source} holds no org`);
  const problem = check?.(envelope.org);
  if (problem !== undefined) throw new StateFileError(`${source} holds an org this emulator cannot serve: ${problem}`);
  return envelope.org as T;
}

/** undefined when the file does not exist yet (a first run); any other read failure is an error. */
export function readStateFile<T>(path: string, check?: OrgCheck): T | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new StateFileError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return decodeState<T>(text, path, check);
}

/**
 * Written beside the target and renamed over it, so a crash or a full disk mid-write leaves the
 * previous state whole instead of a truncated file the next run would refuse. The temporary file
 * has a random name and is created exclusively, never through a link someone planted, and is
 * owner-only from its first byte: it holds passwords and TOTP secrets.
 */
export function writeStateFile(path: string, org: unknown, now: Date = new Date()): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(12).toString("hex")}.tmp`);
  const failed = (error: unknown) =>
    new StateFileError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  let text: string;
  try {
    text = encodeState(org, now);
  } catch (error) {
    throw failed(error);
  }
  let fd: number;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    throw failed(error);
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed: the write got that far
    }
    rmSync(temporary, { force: true });
    throw failed(error);
  }
}
