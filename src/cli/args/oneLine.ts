/** Text bound for a one-line message: control characters (a newline, a terminal escape) are shown as `?`. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}
