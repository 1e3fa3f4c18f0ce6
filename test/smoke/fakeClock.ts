import { Clock } from "../../src/smoke/types";

/** Time that moves only when someone sleeps; records every sleep so tests can check the schedule. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private time = Date.UTC(2025, 0, 1, 12, 0, 0)) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}
