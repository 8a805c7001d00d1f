/**
 * Evaluator of the XLSForm expression subset with XPath 1.0 value rules: values are text, numbers or
 * booleans; an unanswered question is ''. Dates ('YYYY-MM-DD') compare and subtract as day numbers,
 * as in ODK. Shared by the server's validation and the web form: no Node-only APIs.
 */
import { compile, type Expr } from './parse.ts';

export type Value = string | number | boolean;

export interface EvalContext {
  /** The value of `${name}` ('' when unanswered or not relevant). */
  ref(name: string): Value;
  /** The value of `.`. */
  self?(): Value;
  /** The value of a bare name (a column of the choice being filtered). */
  field?(name: string): Value;
  /** Today as 'YYYY-MM-DD'. */
  today: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/;
const NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' text, or NaN. */
export function dayNumber(s: string): number {
  const m = DATE.exec(s);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

export function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (NUMBER.test(v)) return Number(v);
  return dayNumber(v.trim());
}

export function toBoolean(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v.length > 0;
}

export function toText(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return String(v);
}

function equals(a: Value, b: Value): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return toBoolean(a) === toBoolean(b);
  if (typeof a === 'number' || typeof b === 'number') return toNumber(a) === toNumber(b);
  return a === b;
}

const regexCache = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern);
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re;
}

const selectedList = (v: Value): string[] =>
  toText(v)
    .split(/\s+/)
    .filter((s) => s !== '');

export function evaluate(e: Expr, ctx: EvalContext): Value {
  switch (e.k) {
    case 'num':
    case 'str':
      return e.v;
    case 'ref':
      return ctx.ref(e.name);
    case 'self':
      return ctx.self ? ctx.self() : '';
    case 'field':
      return ctx.field ? ctx.field(e.name) : '';
    case 'neg':
      return -toNumber(evaluate(e.e, ctx));
    case 'bin': {
      if (e.op === 'and') return toBoolean(evaluate(e.l, ctx)) && toBoolean(evaluate(e.r, ctx));
      if (e.op === 'or') return toBoolean(evaluate(e.l, ctx)) || toBoolean(evaluate(e.r, ctx));
      const l = evaluate(e.l, ctx);
      const r = evaluate(e.r, ctx);
      switch (e.op) {
        case '=':
          return equals(l, r);
        case '!=':
          return !equals(l, r);
        case '<':
          return toNumber(l) < toNumber(r);
        case '<=':
          return toNumber(l) <= toNumber(r);
        case '>':
          return toNumber(l) > toNumber(r);
        case '>=':
          return toNumber(l) >= toNumber(r);
        case '+':
          return toNumber(l) + toNumber(r);
        case '-':
          return toNumber(l) - toNumber(r);
        case '*':
          return toNumber(l) * toNumber(r);
        case 'div':
          return toNumber(l) / toNumber(r);
        case 'mod':
          return toNumber(l) % toNumber(r);
      }
      break;
    }
    case 'call': {
      const a = e.args;
      switch (e.fn) {
        case 'if':
          return toBoolean(evaluate(a[0]!, ctx)) ? evaluate(a[1]!, ctx) : evaluate(a[2]!, ctx);
        case 'not':
          return !toBoolean(evaluate(a[0]!, ctx));
        case 'today':
          return ctx.today;
        case 'selected':
          return selectedList(evaluate(a[0]!, ctx)).includes(toText(evaluate(a[1]!, ctx)).trim());
        case 'count-selected':
          return selectedList(evaluate(a[0]!, ctx)).length;
        case 'string-length':
          return [...toText(evaluate(a[0]!, ctx))].length;
        case 'regex':
          return regex(toText(evaluate(a[1]!, ctx))).test(toText(evaluate(a[0]!, ctx)));
      }
    }
  }
  throw new Error('unreachable expression node');
}

/** Parse (cached) and evaluate an expression source. */
export const evaluateSource = (src: string, ctx: EvalContext): Value => evaluate(compile(src), ctx);
