import { validationFailed } from "../errors";
import { EVERYONE_KEYWORD } from "../orgModel";
import { EmulatorState } from "../state";

/**
 * The group ids a policy or rule names at `field`, all of which must exist: a rule naming a group
 * that is not there would never match anyone, and reading it back would lead a tool to a 404.
 */
export function existingGroups(state: EmulatorState, field: string, ids: string[]): string[] {
  const missing = ids.filter((id) => id !== EVERYONE_KEYWORD && !state.org.groups.has(id));
  if (missing.length > 0) throw validationFailed(field, missing.map((id) => `${field}: Group ${JSON.stringify(id)} does not exist.`));
  return ids;
}
