/** How many `set`s between sweeps of lapsed entries: amortised, so no request pays for a full sweep. */
const SWEEP_EVERY = 256;

/**
 * Entries that lapse, as Okta's transactions, nonces and single-use ids do: each is kept until its
 * time, then dropped; and beyond `cap` the oldest go first, so no flood of requests grows memory
 * without bound.
 */
export class LapsingMap<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private setsSinceSweep = 0;

  constructor(private readonly cap: number) {}

  set(key: string, value: V, until: number, nowMs = Date.now()): void {
    if (++this.setsSinceSweep >= SWEEP_EVERY) this.sweep(nowMs);
    this.entries.delete(key);
    this.entries.set(key, { value, until });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.cap) break;
      this.entries.delete(oldest);
    }
  }

  /** The value until its time; undefined after. */
  get(key: string, nowMs = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (nowMs < entry.until) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  has(key: string, nowMs = Date.now()): boolean {
    return this.get(key, nowMs) !== undefined;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  *values(): IterableIterator<V> {
    for (const entry of this.entries.values()) yield entry.value;
  }

  get size(): number {
    return this.entries.size;
  }

  private sweep(nowMs: number): void {
    this.setsSinceSweep = 0;
    for (const [key, entry] of this.entries) if (nowMs >= entry.until) this.entries.delete(key);
  }
}
