/**
 * Saves the org after changes, coalesced: a provider run makes hundreds of calls in a burst. A save
 * that fails (folder removed, disk full, permissions) never stops the org: it is said once on
 * stderr, retried until one succeeds, and the recovery is said too, so nothing since the last good
 * save is lost while the cause is fixed.
 */
export class StateSaver {
  private pending: NodeJS.Timeout | undefined;
  private failing = false;

  constructor(
    private readonly write: () => void,
    private readonly log: (line: string) => void,
    private readonly target: string,
    private readonly delays = { saveMs: 200, retryMs: 2000 },
  ) {}

  /** A change was made: save it soon. */
  changed(): void {
    if (!this.pending) this.pending = setTimeout(() => this.attempt(), this.delays.saveMs);
  }

  /** Saves now (start, exit); true when the org on disk is the org in memory. */
  saveNow(): boolean {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    return this.attempt();
  }

  /** At exit: no retry is left pending. */
  stop(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
  }

  private attempt(): boolean {
    this.pending = undefined;
    try {
      this.write();
    } catch (error) {
      if (!this.failing) {
        this.log(
          `cannot save the org to ${this.target} (${(error as Error).message}); still serving, ` +
            `retrying every ${this.delays.retryMs / 1000} s until it can`,
        );
      }
      this.failing = true;
      this.pending = setTimeout(() => this.attempt(), this.delays.retryMs);
      return false;
    }
    if (this.failing) this.log(`the org is saved to ${this.target} again`);
    this.failing = false;
    return true;
  }
}
