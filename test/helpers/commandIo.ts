import { join } from "node:path";
import { CommandIo } from "../../src/cli/args/commandIo";

export const PROJECT_DIR = join(__dirname, "..", "..");

/** What a command run in this process wrote, and its exit status. */
export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A command's streams kept in memory, its environment only what the test gives it (nothing of this
 * process's), its directory the project's; `stdoutLine(n)` waits for the n-th line (0-based), as a
 * script reading a serving command's output would.
 */
export class CapturedIo implements CommandIo {
  private out = "";
  private err = "";
  private waiting: (() => void)[] = [];

  constructor(
    readonly env: NodeJS.ProcessEnv = {},
    readonly cwd: string = PROJECT_DIR,
  ) {}

  // Arrow functions: a command hands its streams on as plain functions.
  readonly stdout = (text: string): void => {
    this.out += text;
    for (const wake of this.waiting.splice(0)) wake();
  };

  readonly stderr = (text: string): void => {
    this.err += text;
  };

  get stdoutText(): string {
    return this.out;
  }

  get stderrText(): string {
    return this.err;
  }

  async stdoutLine(n: number, ended?: Promise<unknown>): Promise<string> {
    for (;;) {
      const lines = this.out.split("\n");
      if (lines.length > n + 1) return lines[n];
      const more = new Promise<void>((resolve) => this.waiting.push(resolve));
      if (ended) {
        const gone = await Promise.race([more.then(() => false), ended.then(() => true)]);
        if (gone) throw new Error(`the command ended before stdout line ${n}: ${this.err}`);
      } else await more;
    }
  }
}

/** Runs a command's `main` in this process with `env`; resolves to what it wrote and its status. */
export async function runCommand(
  main: (argv: readonly string[], io: CommandIo) => Promise<number>,
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CommandRun> {
  const io = new CapturedIo(env);
  const code = await main(argv, io);
  return { code, stdout: io.stdoutText, stderr: io.stderrText };
}
