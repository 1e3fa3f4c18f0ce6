/** Values shorter than this would blank ordinary numbers out of the output. */
const MIN_SECRET_LENGTH = 4;
/** A base64 run shorter than this says too little to be worth blanking (and could hit ordinary text). */
const MIN_BASE64_RUN = 8;

/**
 * Remembers every secret the run handles (password, TOTP secret, codes, tokens, API credentials)
 * and blanks them out of any text that leaves the process, in case a server echoes one back in an
 * error message: raw, and in every spelling a request carries it in (form- and URL-encoded, either
 * case of percent escapes, JSON-escaped, base64 and base64url at any alignment, as inside a Basic
 * authorization or a JWT).
 */
export class Redactor {
  private readonly spellings = new Set<string>();

  add(value: string | undefined): void {
    if (!value || value.length < MIN_SECRET_LENGTH) return;
    for (const spelling of spellingsOf(value)) if (spelling.length >= MIN_SECRET_LENGTH) this.spellings.add(spelling);
  }

  redact(text: string): string {
    let out = text;
    for (const spelling of this.sorted()) out = out.split(spelling).join("[redacted]");
    return out;
  }

  /** Whether `text` holds any secret in any spelling. */
  contains(text: string): boolean {
    return this.sorted().some((spelling) => text.includes(spelling));
  }

  /** Longest first, so a secret is blanked whole before a shorter one inside it. */
  private sorted(): string[] {
    return [...this.spellings].sort((a, b) => b.length - a.length);
  }
}

function spellingsOf(value: string): string[] {
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  const uri = encodeURIComponent(value);
  const json = JSON.stringify(value).slice(1, -1);
  const lowerEscapes = (s: string) => s.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
  return [
    value,
    form,
    lowerEscapes(form),
    uri,
    lowerEscapes(uri),
    form.replace(/\+/g, "%20"),
    json,
    json.replace(/\//g, "\\/"),
    ...base64Runs(Buffer.from(value, "utf8")),
  ];
}

/**
 * The base64 and base64url characters that depend only on the secret's bytes, for each of the three
 * offsets it can start at in a longer encoded value: the groups it shares with its neighbours are
 * left out.
 */
function base64Runs(bytes: Buffer): string[] {
  const runs: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const wholeGroups = Math.floor((offset + bytes.length) / 3);
    const run = encoded.slice(offset === 0 ? 0 : 4, wholeGroups * 4);
    if (run.length < MIN_BASE64_RUN) continue;
    runs.push(run, run.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  if (bytes.length % 3 !== 0) {
    const whole = bytes.toString("base64");
    runs.push(whole, whole.replace(/=+$/, ""), bytes.toString("base64url"));
  }
  return runs;
}
