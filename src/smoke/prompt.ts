import { createInterface } from "node:readline";
import { printable } from "../http/printable";
import { CodeSource } from "./types";

const CHANNEL_WORDS = { sms: "by SMS", voice: "by a voice call", email: "by email" } as const;

/**
 * Asks the person at the keyboard for the code Okta sent. Prompts go to stderr so that stdout
 * stays one JSON document under --json; an empty answer means "no code" (the variant is `wired`).
 */
export function promptCodeSource(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stderr): CodeSource {
  return ({ channel, login }) =>
    new Promise((resolve) => {
      const rl = createInterface({ input, output, terminal: false });
      let answered = false;
      rl.question(`Enter the code Okta sent ${CHANNEL_WORDS[channel]} to ${printable(login)} (empty to skip): `, (answer) => {
        answered = true;
        rl.close();
        resolve(answer.trim() || undefined);
      });
      rl.once("close", () => {
        if (!answered) resolve(undefined);
      });
    });
}
