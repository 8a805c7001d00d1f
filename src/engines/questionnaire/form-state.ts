/**
 * The state of a form being answered: relevance and expression values of every question, with
 * repeat entries and matrix rows as scopes. Shared by the server's validation and the web form
 * (no Node-only APIs). Answers are keyed by stable code; see validate-response.ts for their shape.
 */
import { scopeOf } from './check.ts';
import { type EvalContext, evaluateSource, type Value } from './expression/evaluate.ts';
import { type Choice, type Item, type ItemPlace, indexItems, type Questionnaire } from './model.ts';

/** Answers: a JSON object keyed by stable code (repeat groups as arrays of such objects). */
export type Answers = Record<string, unknown>;

/** Where a value lives: the repeat entries (index) and matrix rows (row code) around it, outermost first. */
export type Scope = readonly { container: string; key: string | number }[];

export const scopeKey = (scope: Scope): string => scope.map((s) => `${s.container}[${s.key}]`).join('.');

/** The path of an answer: `staff`, `initiatives[0].initiative_budget`, `integrity.leadership.maturity`. */
export function answerPath(scope: Scope, code: string): string {
  const parts = scope.map((s) =>
    typeof s.key === 'number' ? `${s.container}[${s.key}]` : `${s.container}.${s.key}`,
  );
  return [...parts, code].join('.');
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export class FormState {
  readonly index: Map<string, ItemPlace>;
  private readonly relevantMemo = new Map<string, boolean>();
  private readonly valueMemo = new Map<string, Value>();
  private readonly busy = new Set<string>();

  constructor(
    readonly questionnaire: Questionnaire,
    readonly answers: Answers,
    readonly today: string,
  ) {
    this.index = indexItems(questionnaire);
  }

  place(code: string): ItemPlace {
    const p = this.index.get(code);
    if (!p) throw new Error(`no question "${code}"`);
    return p;
  }

  /** The part of `scope` that applies to an item (the repeats and matrix it sits in). */
  scopeFor(code: string, scope: Scope): Scope {
    return scope.slice(0, scopeOf(this.place(code)).length);
  }

  /** The object holding the answers at a scope (a repeat entry, a matrix row, or the top level). */
  container(scope: Scope): Record<string, unknown> | undefined {
    let obj: unknown = this.answers;
    for (const s of scope) {
      const next = isObject(obj) ? obj[s.container] : undefined;
      obj = Array.isArray(next) ? next[s.key as number] : isObject(next) ? next[String(s.key)] : undefined;
    }
    return isObject(obj) ? obj : undefined;
  }

  raw(code: string, scope: Scope): unknown {
    return this.container(this.scopeFor(code, scope))?.[code];
  }

  /** Whether an item is shown: its containers (and matrix) are relevant and its own `relevant` holds. */
  isRelevant(code: string, scope: Scope): boolean {
    const place = this.place(code);
    const s = this.scopeFor(code, scope);
    const key = `${scopeKey(s)}|${code}`;
    const memo = this.relevantMemo.get(key);
    if (memo !== undefined) return memo;
    this.enter(key);
    let ok = true;
    const parent = place.matrix ?? place.parents[place.parents.length - 1];
    if (parent) ok = this.isRelevant(parent.code, s);
    if (ok && place.item.relevant !== undefined)
      ok = toBool(this.evaluate(place.item.relevant, s, () => asValue(place.item, this.raw(code, s))));
    this.busy.delete(key);
    this.relevantMemo.set(key, ok);
    return ok;
  }

  /** The expression value of a question ('' when not relevant; calculations computed). */
  value(code: string, scope: Scope): Value {
    const place = this.place(code);
    const s = this.scopeFor(code, scope);
    const key = `${scopeKey(s)}|${code}`;
    const memo = this.valueMemo.get(key);
    if (memo !== undefined) return memo;
    let v: Value = '';
    if (this.isRelevant(code, s)) {
      this.enter(key);
      const calc = calculationOf(place.item);
      v =
        calc !== undefined
          ? this.evaluate(calc, s, () => asValue(place.item, this.raw(code, s)))
          : asValue(place.item, this.raw(code, s));
      this.busy.delete(key);
    }
    this.valueMemo.set(key, v);
    return v;
  }

  /** Evaluate an expression at a scope; `self` gives `.`. */
  evaluate(src: string, scope: Scope, self?: () => Value, field?: (name: string) => Value): Value {
    const ctx: EvalContext = {
      ref: (name) => this.value(name, scope),
      today: this.today,
      ...(self ? { self } : {}),
      ...(field ? { field } : {}),
    };
    return evaluateSource(src, ctx);
  }

  /** The choices of an own list that pass the question's choice_filter at this scope. */
  filteredChoices(code: string, scope: Scope, choices: Choice[]): Choice[] {
    const item = this.place(code).item;
    if (!('choiceFilter' in item) || item.choiceFilter === undefined) return choices;
    const filter = item.choiceFilter;
    return choices.filter((c) =>
      toBool(
        this.evaluate(filter, scope, undefined, (n) => (n === 'name' ? c.name : (c.filters?.[n] ?? ''))),
      ),
    );
  }

  private enter(key: string): void {
    if (this.busy.has(key)) throw new Error(`circular calculation or relevance at ${key}`);
    this.busy.add(key);
  }
}

const toBool = (v: Value): boolean =>
  typeof v === 'boolean' ? v : typeof v === 'number' ? v !== 0 && !Number.isNaN(v) : v !== '';

function calculationOf(item: Item): string | undefined {
  if (item.type === 'calculate') return item.calculation;
  return 'calculation' in item ? item.calculation : undefined;
}

/**
 * An answer as an expression value: choices space-separated, yes/no as 'yes'/'no', '' when missing
 * or not of the question's type (an invalid answer counts as no answer in expressions).
 */
export function asValue(item: Item, raw: unknown): Value {
  if (raw === undefined || raw === null) return '';
  switch (item.type) {
    case 'yes_no':
      return typeof raw === 'boolean' ? (raw ? 'yes' : 'no') : '';
    case 'integer':
    case 'decimal':
    case 'scale':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : '';
    case 'select_multiple':
      return Array.isArray(raw) ? raw.filter((x) => typeof x === 'string').join(' ') : '';
    case 'geopoint':
      return isObject(raw) && typeof raw.lat === 'number' && typeof raw.lon === 'number'
        ? `${raw.lat} ${raw.lon}`
        : '';
    case 'file':
      return isObject(raw) && typeof raw.name === 'string' ? raw.name : '';
    case 'multilingual_text':
      if (isObject(raw)) for (const v of Object.values(raw)) if (typeof v === 'string' && v !== '') return v;
      return '';
    default:
      return typeof raw === 'string' ? raw : '';
  }
}
