export interface OutboxMessage {
  channel: string;
  code: string;
  sentAt: string;
}

/** What Okta would have sent by SMS, voice call or email, for the simulated user to read back. */
export class Outbox {
  private readonly messages = new Map<string, OutboxMessage[]>();

  send(login: string, channel: string, code: string): void {
    const key = login.toLowerCase();
    const list = this.messages.get(key) ?? [];
    list.push({ channel, code, sentAt: new Date().toISOString() });
    this.messages.set(key, list);
  }

  /** Newest last. */
  read(login: string, channel?: string): OutboxMessage[] {
    const list = this.messages.get(login.toLowerCase()) ?? [];
    return channel ? list.filter((m) => m.channel === channel) : [...list];
  }
}
