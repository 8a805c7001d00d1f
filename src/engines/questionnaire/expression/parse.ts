/**
 * Parser of the XLSForm expression subset into a small syntax tree. Precedence (low → high): `or`,
 * `and`, `=` `!=`, `<` `<=` `>` `>=`, `+` `-`, `*` `div` `mod`, unary `-`. Functions: see FUNCTIONS.
 */
import { ExpressionError, type Token, tokenize } from './tokenize.ts';

export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  /** `${name}`: the value of another question. */
  | { k: 'ref'; name: string }
  /** `.`: the answer being checked. */
  | { k: 'self' }
  /** A bare name: a column of the choice being filtered (only in `choice_filter`). */
  | { k: 'field'; name: string }
  | { k: 'neg'; e: Expr }
  | { k: 'bin'; op: BinaryOp; l: Expr; r: Expr }
  | { k: 'call'; fn: FunctionName; args: Expr[] };

/** The supported functions with their number of arguments. */
export const FUNCTIONS = {
  selected: [2, 2],
  'count-selected': [1, 1],
  'string-length': [1, 1],
  regex: [2, 2],
  today: [0, 0],
  if: [3, 3],
  not: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;
export type FunctionName = keyof typeof FUNCTIONS;

const LEVELS: readonly (readonly string[])[] = [
  ['or'],
  ['and'],
  ['=', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', 'div', 'mod'],
];
const WORD_OPS = new Set(['or', 'and', 'div', 'mod']);

export function parseExpression(src: string): Expr {
  if (src.trim() === '') throw new ExpressionError('the expression is empty', 0);
  const toks = tokenize(src);
  let i = 0;
  const peek = (): Token => toks[i]!;
  const isOp = (tok: Token, v: string): boolean =>
    (tok.t === 'op' && tok.v === v) || (tok.t === 'name' && WORD_OPS.has(v) && tok.v === v);
  const expectOp = (v: string): void => {
    const tok = peek();
    if (!isOp(tok, v)) throw new ExpressionError(`expected "${v}"`, tok.pos);
    i++;
  };

  const level = (n: number): Expr => {
    if (n === LEVELS.length) return unary();
    let left = level(n + 1);
    for (;;) {
      const tok = peek();
      const op = LEVELS[n]!.find((o) => isOp(tok, o));
      if (!op) return left;
      i++;
      left = { k: 'bin', op: op as BinaryOp, l: left, r: level(n + 1) };
    }
  };
  const unary = (): Expr => {
    if (isOp(peek(), '-')) {
      i++;
      return { k: 'neg', e: unary() };
    }
    return primary();
  };
  const primary = (): Expr => {
    const tok = peek();
    switch (tok.t) {
      case 'num':
        i++;
        return { k: 'num', v: tok.v };
      case 'str':
        i++;
        return { k: 'str', v: tok.v };
      case 'ref':
        i++;
        return { k: 'ref', name: tok.v };
      case 'op':
        if (tok.v === '.') {
          i++;
          return { k: 'self' };
        }
        if (tok.v === '(') {
          i++;
          const e = level(0);
          expectOp(')');
          return e;
        }
        throw new ExpressionError(`unexpected "${tok.v}"`, tok.pos);
      case 'name': {
        i++;
        const next = peek();
        if (next.t === 'op' && next.v === '(') {
          i++;
          const arity = (FUNCTIONS as Record<string, readonly [number, number]>)[tok.v];
          if (!arity)
            throw new ExpressionError(
              `the function "${tok.v}()" is not supported (supported: ${Object.keys(FUNCTIONS)
                .map((f) => `${f}()`)
                .join(', ')})`,
              tok.pos,
            );
          const args: Expr[] = [];
          if (!isOp(peek(), ')')) {
            args.push(level(0));
            while (isOp(peek(), ',')) {
              i++;
              args.push(level(0));
            }
          }
          expectOp(')');
          if (args.length < arity[0] || args.length > arity[1])
            throw new ExpressionError(
              `${tok.v}() takes ${arity[0]} argument${arity[0] === 1 ? '' : 's'}, not ${args.length}`,
              tok.pos,
            );
          return { k: 'call', fn: tok.v as FunctionName, args };
        }
        if (WORD_OPS.has(tok.v)) throw new ExpressionError(`"${tok.v}" needs a value before it`, tok.pos);
        if (tok.v.includes(':')) throw new ExpressionError(`"${tok.v}" is not supported`, tok.pos);
        return { k: 'field', name: tok.v };
      }
      case 'end':
        throw new ExpressionError('the expression ends too early', tok.pos);
    }
  };

  const e = level(0);
  const rest = peek();
  if (rest.t !== 'end') throw new ExpressionError('unexpected text after the expression', rest.pos);
  return e;
}

const cache = new Map<string, Expr>();
/** Parse with a cache (forms evaluate the same expressions for every answer). Throws ExpressionError. */
export function compile(src: string): Expr {
  let e = cache.get(src);
  if (!e) {
    e = parseExpression(src);
    if (cache.size > 5000) cache.clear();
    cache.set(src, e);
  }
  return e;
}

/** What an expression reads: `${name}` references, bare names (choice columns), `.`, and regex patterns. */
export function analyze(e: Expr): {
  refs: Set<string>;
  fields: Set<string>;
  self: boolean;
  patterns: Expr[];
} {
  const out = { refs: new Set<string>(), fields: new Set<string>(), self: false, patterns: [] as Expr[] };
  const visit = (x: Expr): void => {
    switch (x.k) {
      case 'ref':
        out.refs.add(x.name);
        break;
      case 'field':
        out.fields.add(x.name);
        break;
      case 'self':
        out.self = true;
        break;
      case 'neg':
        visit(x.e);
        break;
      case 'bin':
        visit(x.l);
        visit(x.r);
        break;
      case 'call':
        if (x.fn === 'regex' && x.args[1]) out.patterns.push(x.args[1]);
        for (const a of x.args) visit(a);
        break;
      default:
        break;
    }
  };
  visit(e);
  return out;
}
