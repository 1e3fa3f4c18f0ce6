/* eslint-disable no-control-regex */

/**
 * Terminal escape sequences, 7-bit and 8-bit: CSI (colours, cursor moves, screen clears), OSC
 * (window titles, hyperlinks) with either terminator or none, DCS/SOS/PM/APC strings, and the
 * two-character escapes. Dropped whole, so no half-sequence is left to read as text.
 */
const ESCAPE_SEQUENCE = new RegExp(
  [
    "(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]",
    "(?:\\u001b\\]|\\u009d)[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?",
    "(?:\\u001b[PX^_]|[\\u0090\\u0098\\u009e\\u009f])[^\\u001b\\u009c]*(?:\\u001b\\\\|\\u009c)?",
    "\\u001b[ -/]*[0-~]",
  ].join("|"),
  "g",
);

/**
 * Every other character that moves the cursor, ends a line or reorders what follows: C0 (CR, LF
 * and TAB included: each printed text is one line), DEL, C1, the bidirectional marks, embeddings,
 * overrides and isolates, and the Unicode line and paragraph separators.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]+/g;

/**
 * Makes text the check did not write itself (server answers, stack outputs) safe to print on one
 * line of a terminal: escape sequences go, other controls become a space. Plain text is unchanged.
 */
export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, " ");
}
