import { Document, parseDocument } from "yaml";
import { CONFIG_NAMESPACE } from "../config/schema";

/** The change the e2e applies after the first `up`: one variant fewer, `catchAll` and `enrollment` flipped. */
export interface ConfigChange {
  /** Stack file text with the change made, everything else (secrets included) as it was. */
  text: string;
  summary: string;
}

type AppEntry = { name: string; variants: string[] };

const key = (short: string) => `${CONFIG_NAMESPACE}:${short}`;

/**
 * Drops the last variant (of `variants`, or of the app with the most variants, so no app is left
 * empty), flips `catchAll` DENY↔ALLOW and `enrollment` OPTIONAL↔REQUIRED. A stack with a single
 * variant keeps it: a setup needs one. A protected stack keeps its variants too: dropping one
 * deletes its authenticator resource, which `protect` refuses by design.
 */
export function changedStackConfig(text: string): ConfigChange {
  const document = parseDocument(text);
  const config = ["config"];
  const changes: string[] = [];
  const variants = document.getIn([...config, key("variants")]) as { toJSON(): string[] } | undefined;
  const apps = document.getIn([...config, key("apps")]) as { toJSON(): AppEntry[] } | undefined;
  // pulumi config set rewrites the file with every value a string: `"true"` as well as `true`.
  if (String(document.getIn([...config, key("protect")])) === "true") {
    changes.push("variants kept (protected stack)");
  } else if (variants) {
    const list = variants.toJSON();
    if (list.length > 1) {
      document.setIn([...config, key("variants")], list.slice(0, -1));
      changes.push(`variant ${list[list.length - 1]} dropped`);
    }
  } else if (apps) {
    const list = apps.toJSON();
    const widest = list.reduce((best, app, i) => (app.variants.length > list[best].variants.length ? i : best), 0);
    const app = list[widest];
    if (app && app.variants.length > 1) {
      list[widest] = { ...app, variants: app.variants.slice(0, -1) };
      document.setIn([...config, key("apps")], list);
      changes.push(`variant ${app.variants[app.variants.length - 1]} dropped from ${app.name}`);
    }
  }
  changes.push(flip(document, "catchAll", ["DENY", "ALLOW"]), flip(document, "enrollment", ["OPTIONAL", "REQUIRED"]));
  return { text: document.toString(), summary: changes.join(", ") };
}

function flip(document: Document, short: string, [first, second]: [string, string]): string {
  const path = ["config", key(short)];
  const current = String(document.getIn(path) ?? first);
  const next = current === first ? second : first;
  document.setIn(path, next);
  return `${short} ${current} → ${next}`;
}
