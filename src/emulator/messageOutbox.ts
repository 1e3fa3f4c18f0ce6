export interface OutboxMessage {
  channel: string;
  code: string;
  sentAt: string;
}

export interface OutboxLimits {
  perLogin: number;
  overall: number;
}

/** Enough for any flow to read its newest code; a long run must not grow the emulator without bound. */
const DEFAULT_LIMITS: OutboxLimits = { perLogin: 100, overall: 1000 };

/**
 * What Okta would have sent by SMS, voice call or email, for the simulated user to read back.
 * Past either limit the oldest message goes (of the login, or of anyone).
 */
export class Outbox {
  private readonly messages = new Map<string, OutboxMessage[]>();
  /** The login of every kept message, oldest first, to find the oldest overall. */
  private readonly sendOrder: string[] = [];

  constructor(private readonly limits: OutboxLimits = DEFAULT_LIMITS) {}

  send(login: string, channel: string, code: string): void {
    const key = login.toLowerCase();
    const list = this.messages.get(key) ?? [];
    list.push({ channel, code, sentAt: new Date().toISOString() });
    this.messages.set(key, list);
    this.sendOrder.push(key);
    if (list.length > this.limits.perLogin) this.dropOldestOf(key);
    if (this.sendOrder.length > this.limits.overall) this.dropOldestOf(this.sendOrder[0]);
  }

  /** Newest last. */
  read(login: string, channel?: string): OutboxMessage[] {
    const list = this.messages.get(login.toLowerCase()) ?? [];
    return channel ? list.filter((m) => m.channel === channel) : [...list];
  }

  private dropOldestOf(key: string): void {
    const list = this.messages.get(key);
    list?.shift();
    if (list?.length === 0) this.messages.delete(key);
    this.sendOrder.splice(this.sendOrder.indexOf(key), 1);
  }
}
