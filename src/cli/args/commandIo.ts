/**
 * What a command reads and writes besides its argv. Run as a command, it is the process's own
 * streams, environment and directory; a caller that runs the command in its own process (a test, a
 * script) passes its own, so nothing process-wide is touched.
 */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The running process's streams, environment and directory, read when the command starts. */
export function processIo(): CommandIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Resolves at the first SIGINT or SIGTERM: how a command that serves is asked to stop. */
export function untilSignalled(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
