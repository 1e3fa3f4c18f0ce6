import { DEFAULT_EDITION, EDITIONS, Edition, isEdition } from "../../emulator";
import { UsageError } from "./usageError";

/** `--edition NAME` → an Okta edition whose rate limits the emulated org enforces. */
export function editionOf(value: string | undefined): Edition {
  if (value === undefined) return DEFAULT_EDITION;
  if (!isEdition(value)) throw new UsageError(`--edition must be one of ${EDITIONS.join(", ")}, e.g. --edition enterprise`);
  return value;
}
