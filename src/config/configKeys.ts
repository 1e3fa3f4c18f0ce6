import * as okta from "@pulumi/okta";
import { closestMatch } from "../model/closestMatch";
import { ConfigProblem, unknownKeyProblems } from "./configError";
import { CONFIG_KEYS, CONFIG_NAMESPACE, KEY_HELP, RawConfig } from "./schema";

const OKTA_NAMESPACE = "okta";
/** Every setting the installed provider reads. */
const OKTA_SETTINGS = Object.keys(okta.config);
const OUR_NAMESPACES = [CONFIG_NAMESPACE, OKTA_NAMESPACE];

/**
 * Keys parseConfig never sees, which would otherwise be dropped without a word: one with no
 * namespace (only an offline stack file can hold it), a misspelt namespace, an `okta:` setting the
 * provider does not have (a misspelt okta:baseUrl would send the credentials to okta.com).
 */
export function configKeyProblems(all: Record<string, string>): ConfigProblem[] {
  const unknown = Object.keys(all).filter((key) => {
    const [namespace, name] = splitKey(key);
    if (namespace === CONFIG_NAMESPACE) return false;
    if (namespace === OKTA_NAMESPACE) return !OKTA_SETTINGS.includes(name);
    return namespace === undefined || closestMatch(namespace, OUR_NAMESPACES) !== undefined;
  });
  return unknownKeyProblems(unknown, keyProblem);
}

/** A key with nothing before its colon (`:protect`) has no namespace either. */
function splitKey(key: string): [string | undefined, string] {
  const colon = key.indexOf(":");
  const name = key.slice(colon + 1);
  return colon > 0 ? [key.slice(0, colon), name] : [undefined, name];
}

function keyProblem(key: string): ConfigProblem {
  const [namespace, name] = splitKey(key);
  if (namespace === OKTA_NAMESPACE) {
    const guess = closestMatch(name, OKTA_SETTINGS);
    return {
      key,
      problem: `unknown okta provider setting${guess ? `; did you mean "okta:${guess}"?` : ""}`,
      expected: `one of: ${OKTA_SETTINGS.map((setting) => `okta:${setting}`).join(", ")}`,
      example: `pulumi config rm ${key}`,
    };
  }
  const meant = namespace === undefined ? CONFIG_NAMESPACE : closestMatch(namespace, OUR_NAMESPACES)!;
  const shortKey = meant === CONFIG_NAMESPACE ? (closestMatch(name, CONFIG_KEYS) as keyof RawConfig | undefined) : undefined;
  const suggestion = `${meant}:${shortKey ?? name}`;
  return {
    key,
    problem: `${namespace === undefined ? "has no namespace" : `unknown namespace "${namespace}"`}; did you mean "${suggestion}"?`,
    expected: `a key in the ${CONFIG_NAMESPACE}: or ${OKTA_NAMESPACE}: namespace`,
    example: shortKey ? KEY_HELP[shortKey].example : `pulumi config rm ${key}`,
  };
}
