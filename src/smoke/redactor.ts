/**
 * Remembers every secret the run handles (password, TOTP secret, codes, tokens) and blanks them
 * out of any text that leaves the process, in case a server echoes one back in an error message.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Values shorter than 4 characters would blank ordinary numbers out of the output. */
  add(value: string | undefined): void {
    if (value && value.length >= 4) this.secrets.add(value);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join("[redacted]");
    return out;
  }
}
