import { ManagementApiError } from "../errors";

/**
 * Okta's `filter` and `search` expression language (docs/okta-emulator.md, "Lists"): attribute
 * operators `eq ne gt ge lt le sw co pr`, logical `and` / `or`, parentheses. Okta documents no
 * `not`, and refuses it like any other syntax it does not know. Precedence, as Okta documents it:
 * attribute operators, then parentheses, then `and`, then `or`. Keywords are case-insensitive.
 */
export type SearchValue = string | number | boolean | null;

export type SearchExpression =
  | { kind: "compare"; path: string; operator: CompareOperator; value: SearchValue }
  | { kind: "present"; path: string }
  | { kind: "and" | "or"; left: SearchExpression; right: SearchExpression };

const COMPARE_OPERATORS = ["eq", "ne", "gt", "ge", "lt", "le", "sw", "co"] as const;
type CompareOperator = (typeof COMPARE_OPERATORS)[number];

/** Okta's answer to an expression it cannot read. */
export const invalidSearch = (parameter: "filter" | "search") =>
  new ManagementApiError(400, "E0000031", "Invalid search criteria.", [
    parameter === "search" ? "Invalid search syntax." : "Invalid filter syntax.",
  ]);

type Token =
  | { kind: "word"; text: string }
  | { kind: "string"; text: string }
  | { kind: "number"; value: number }
  | { kind: "open" | "close" };

class SyntaxFault extends Error {}

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push({ kind: c === "(" ? "open" : "close" });
      i++;
    } else if (c === '"') {
      let text = "";
      i++;
      for (;;) {
        if (i >= expression.length) throw new SyntaxFault("unterminated string");
        const d = expression[i++];
        if (d === '"') break;
        if (d === "\\") {
          if (i >= expression.length) throw new SyntaxFault("unterminated escape");
          text += expression[i++];
        } else {
          text += d;
        }
      }
      tokens.push({ kind: "string", text });
    } else {
      const match = /^[^\s()"]+/.exec(expression.slice(i));
      const text = match![0];
      i += text.length;
      tokens.push(/^-?\d+(\.\d+)?$/.test(text) ? { kind: "number", value: Number(text) } : { kind: "word", text });
    }
  }
  return tokens;
}

const ATTRIBUTE_PATH = /^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/;

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): SearchExpression {
    const expression = this.or();
    if (this.at !== this.tokens.length) throw new SyntaxFault("unexpected token");
    return expression;
  }

  private or(): SearchExpression {
    let left = this.and();
    while (this.keyword("or")) left = { kind: "or", left, right: this.and() };
    return left;
  }

  private and(): SearchExpression {
    let left = this.primary();
    while (this.keyword("and")) left = { kind: "and", left, right: this.primary() };
    return left;
  }

  private primary(): SearchExpression {
    const token = this.next();
    if (token.kind === "open") {
      const inner = this.or();
      if (this.next().kind !== "close") throw new SyntaxFault("missing )");
      return inner;
    }
    if (token.kind !== "word" || !ATTRIBUTE_PATH.test(token.text) || isKeyword(token.text)) {
      throw new SyntaxFault("attribute expected");
    }
    const operator = this.next();
    if (operator.kind !== "word") throw new SyntaxFault("operator expected");
    const name = operator.text.toLowerCase();
    if (name === "pr") return { kind: "present", path: token.text };
    if (!(COMPARE_OPERATORS as readonly string[]).includes(name)) throw new SyntaxFault("unknown operator");
    return { kind: "compare", path: token.text, operator: name as CompareOperator, value: this.value() };
  }

  private value(): SearchValue {
    const token = this.next();
    if (token.kind === "string") return token.text;
    if (token.kind === "number") return token.value;
    if (token.kind === "word") {
      const word = token.text.toLowerCase();
      if (word === "true" || word === "false") return word === "true";
      if (word === "null") return null;
    }
    throw new SyntaxFault("value expected");
  }

  private keyword(word: string): boolean {
    const token = this.tokens[this.at];
    if (token?.kind === "word" && token.text.toLowerCase() === word) {
      this.at++;
      return true;
    }
    return false;
  }

  private next(): Token {
    const token = this.tokens[this.at++];
    if (!token) throw new SyntaxFault("unexpected end");
    return token;
  }
}

const isKeyword = (text: string) => ["and", "or", "not"].includes(text.toLowerCase());

/** Parses an expression, answering Okta's E0000031 for one it would refuse. */
export function parseSearch(expression: string, parameter: "filter" | "search"): SearchExpression {
  try {
    return new Parser(tokenize(expression)).parse();
  } catch (error) {
    if (error instanceof SyntaxFault) throw invalidSearch(parameter);
    throw error;
  }
}

/** Whether an object, read through `field` (a dotted path), satisfies the expression. */
export function searchHolds(expression: SearchExpression, field: (path: string) => unknown): boolean {
  switch (expression.kind) {
    case "and":
      return searchHolds(expression.left, field) && searchHolds(expression.right, field);
    case "or":
      return searchHolds(expression.left, field) || searchHolds(expression.right, field);
    case "present": {
      const actual = field(expression.path);
      return actual !== undefined && actual !== null && actual !== "" && !(Array.isArray(actual) && actual.length === 0);
    }
    case "compare": {
      const actual = field(expression.path);
      // A list-valued attribute holds when one of its values does (`eq` on a list = contains).
      const values = Array.isArray(actual) ? actual : [actual];
      if (expression.operator === "ne") return !values.some((v) => compare(v, "eq", expression.value));
      return values.some((v) => compare(v, expression.operator, expression.value));
    }
  }
}

function compare(actual: unknown, operator: CompareOperator, expected: SearchValue): boolean {
  if (expected === null) return operator === "eq" ? actual === null || actual === undefined : false;
  if (actual === undefined || actual === null) return false;
  if (typeof expected === "boolean") return operator === "eq" && String(actual).toLowerCase() === String(expected);
  const order = ordering(actual, expected);
  switch (operator) {
    case "eq":
      return order === 0;
    case "ne":
      return order !== 0;
    case "gt":
      return order !== undefined && order > 0;
    case "ge":
      return order !== undefined && order >= 0;
    case "lt":
      return order !== undefined && order < 0;
    case "le":
      return order !== undefined && order <= 0;
    case "sw":
      return String(actual).toLowerCase().startsWith(String(expected).toLowerCase());
    case "co":
      return String(actual).toLowerCase().includes(String(expected).toLowerCase());
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Numbers by value, ISO dates by instant, other text without regard to case. */
function ordering(actual: unknown, expected: string | number): number | undefined {
  if (typeof expected === "number") {
    const n = Number(actual);
    return Number.isNaN(n) ? undefined : Math.sign(n - expected);
  }
  const text = String(actual);
  if (ISO_DATE.test(expected) && ISO_DATE.test(text)) {
    return Math.sign(Date.parse(text) - Date.parse(expected));
  }
  const a = text.toLowerCase();
  const b = expected.toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}
