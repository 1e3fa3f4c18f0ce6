import { createReadStream, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { CliError } from "./usageError";

/** Far beyond any preview of this program; what stops a device like /dev/zero from filling memory. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads the file a flag names (`-` for stdin) as UTF-8; any failure is one sentence naming flag and path. */
export async function readFileArg(flag: string, path: string, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of path === "-" ? process.stdin : createReadStream(path)) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw new CliError(`${flag} ${path} is larger than ${sizeOf(maxBytes)}; is it the right file?`);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw error instanceof CliError ? error : new CliError(`${flag} ${fileProblem(error, path, "read")}`);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sizeOf(bytes: number): string {
  return bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20} MiB` : `${bytes} bytes`;
}

export function writeFileArg(flag: string, path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new CliError(`${flag} ${fileProblem(error, path, "write")}`);
  }
}

/** `PATH is a directory` and the like for a file the program failed to read, or undefined when `error` is no file error. */
export function describeFileError(error: unknown): string | undefined {
  const path = (error as NodeJS.ErrnoException | null)?.path;
  return typeof path === "string" ? fileProblem(error, path, "read") : undefined;
}

function fileProblem(error: unknown, path: string, operation: "read" | "write"): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return operation === "write" ? `${path} cannot be written: ${dirname(path)} does not exist` : `${path} does not exist`;
    case "EISDIR":
      return `${path} is a directory; give a file`;
    case "ENOTDIR":
      return `${path}: a part of the path before the file name is not a directory`;
    case "EACCES":
    case "EPERM":
      return `${path} cannot be ${operation === "write" ? "written" : "read"}: permission denied`;
    default:
      return `${path} cannot be ${operation === "write" ? "written" : "read"} (${(error as NodeJS.ErrnoException).code ?? (error as Error).name})`;
  }
}
