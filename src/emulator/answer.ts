/** A response before it is written: handlers build these, the server adds the common headers. */
export interface Answer {
  status: number;
  contentType: string;
  body: string;
  headers: Record<string, string>;
}

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, contentType: "application/json", body: body === undefined ? "" : JSON.stringify(body), headers };
}

export function noContent(): Answer {
  return { status: 204, contentType: "application/json", body: "", headers: {} };
}
