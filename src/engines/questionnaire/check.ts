/**
 * Consistency of a questionnaire: unique valid codes, choice lists that exist, scales, matrices,
 * expressions in the supported subset whose references exist and can be reached, no circular
 * calculations. The XLSForm reader reports these as blocking; stored JSON is checked the same way.
 */
import { analyze, compile, type Expr } from './expression/parse.ts';
import { ExpressionError, isValidName } from './expression/tokenize.ts';
import {
  CELL_TYPES,
  type ChoiceSource,
  type Item,
  type ItemPlace,
  indexItems,
  isQuestion,
  type LocalizedText,
  otherCode,
  type Questionnaire,
  walkItems,
} from './model.ts';

export interface CheckIssue {
  /** The item at fault (a question, group, matrix column…), when there is one. */
  code?: string;
  /** A choice at fault: its list and position. */
  list?: string;
  choice?: number;
  /** The property at fault, e.g. `relevant`, `constraint`, `choices`. */
  field?: string;
  message: string;
}

const EXPRESSION_FIELDS = ['relevant', 'constraint', 'calculation', 'choiceFilter', 'repeatCount'] as const;
type ExpressionField = (typeof EXPRESSION_FIELDS)[number];

/** The scale levels min, min+step, …, max. */
export function scaleLevels(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  if (!(step > 0) || max < min) return out;
  const n = Math.round((max - min) / step);
  for (let i = 0; i <= n; i++) out.push(Number((min + i * step).toFixed(10)));
  return out;
}

/** The scope an item's expressions are evaluated in: enclosing repeats, plus its matrix. */
export function scopeOf(place: ItemPlace): string[] {
  return place.matrix ? [...place.repeats, place.matrix.code] : place.repeats;
}

/** Where the value of a referenced item lives: its repeats, plus its matrix for a matrix column. */
const valueScope = scopeOf;

const isPrefix = (a: string[], b: string[]): boolean => a.every((x, i) => b[i] === x);

export function checkQuestionnaire(q: Questionnaire): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const places = walkItems(q.items);
  const index = indexItems(q);
  const langs = new Set(q.languages.map((l) => l.code));

  const checkText = (text: LocalizedText | undefined, code: string | undefined, field: string) => {
    for (const lang of Object.keys(text ?? {}))
      if (!langs.has(lang))
        issues.push({ code, field, message: `${field} in language "${lang}" not declared` });
  };

  // codes
  const seen = new Set<string>();
  const claim = (code: string, owner: string) => {
    if (seen.has(code))
      issues.push({ code: owner, field: 'code', message: `the name "${code}" is used twice` });
    seen.add(code);
  };
  for (const { item } of places) {
    if (!isValidName(item.code))
      issues.push({
        code: item.code,
        field: 'code',
        message: `"${item.code}" is not a valid name (a letter or _, then letters, digits, _ . -)`,
      });
    claim(item.code, item.code);
    if ((item.type === 'select_one' || item.type === 'select_multiple') && item.orOther)
      claim(otherCode(item.code), item.code);
    checkText(item.label, item.code, 'label');
    checkText(item.hint, item.code, 'hint');
    if (isQuestion(item)) {
      checkText(item.requiredMessage, item.code, 'requiredMessage');
      checkText(item.constraintMessage, item.code, 'constraintMessage');
    }
  }

  // choice lists
  for (const [name, choices] of Object.entries(q.choiceLists)) {
    const names = new Set<string>();
    choices.forEach((c, i) => {
      if (c.name === '' || /\s/.test(c.name))
        issues.push({
          list: name,
          choice: i,
          message: `choice "${c.name}" of list "${name}" has an empty name or spaces`,
        });
      else if (names.has(c.name))
        issues.push({ list: name, choice: i, message: `choice "${c.name}" appears twice in list "${name}"` });
      names.add(c.name);
      checkText(c.label, undefined, `label of choice "${c.name}" in list "${name}"`);
    });
  }
  const checkSource = (src: ChoiceSource, code: string, field: string) => {
    if ('list' in src && !q.choiceLists[src.list])
      issues.push({ code, field, message: `the choice list "${src.list}" does not exist` });
    if ('codeList' in src && src.codeList.trim() === '')
      issues.push({ code, field, message: 'the platform code list is empty' });
  };

  for (const place of places) {
    const item = place.item;
    switch (item.type) {
      case 'select_one':
      case 'select_multiple':
        checkSource(item.choices, item.code, 'choices');
        if (item.choiceFilter && 'codeList' in item.choices)
          issues.push({
            code: item.code,
            field: 'choiceFilter',
            message: 'choice_filter needs an own choice list',
          });
        break;
      case 'scale': {
        const levels = scaleLevels(item.min, item.max, item.step);
        if (levels.length === 0 || levels[levels.length - 1] !== item.max)
          issues.push({
            code: item.code,
            field: 'scale',
            message: 'the scale needs min ≤ max and a step that reaches max',
          });
        if (item.labels !== undefined) {
          const list = q.choiceLists[item.labels];
          if (!list)
            issues.push({
              code: item.code,
              field: 'labels',
              message: `the choice list "${item.labels}" does not exist`,
            });
          else if (list.map((c) => c.name).join(' ') !== levels.map(String).join(' '))
            issues.push({
              code: item.code,
              field: 'labels',
              message: `the levels of list "${item.labels}" must be ${levels.join(', ')}`,
            });
        }
        break;
      }
      case 'matrix':
        checkSource(item.rows, item.code, 'rows');
        if (item.columns.length === 0)
          issues.push({ code: item.code, field: 'columns', message: 'the matrix has no columns' });
        for (const col of item.columns)
          if (!(CELL_TYPES as readonly string[]).includes(col.type))
            issues.push({
              code: col.code,
              field: 'type',
              message: `a matrix column cannot be of type ${col.type}`,
            });
        break;
      case 'repeat':
        if (item.minCount !== undefined && item.maxCount !== undefined && item.minCount > item.maxCount)
          issues.push({
            code: item.code,
            field: 'minCount',
            message: 'the minimum number of entries exceeds the maximum',
          });
        break;
      default:
        break;
    }
  }

  // expressions
  const deps = new Map<string, Set<string>>();
  for (const place of places) {
    const item = place.item;
    const scope = scopeOf(place);
    const dep = new Set<string>();
    deps.set(item.code, dep);
    for (const field of EXPRESSION_FIELDS) {
      const src = (item as Partial<Record<ExpressionField, string>>)[field];
      if (src === undefined) continue;
      let e: Expr;
      try {
        e = compile(src);
      } catch (err) {
        if (!(err instanceof ExpressionError)) throw err;
        issues.push({ code: item.code, field, message: `${field} "${src}": ${err.message}` });
        continue;
      }
      const a = analyze(e);
      // (a repeat's own count and relevance are evaluated outside its entries: its scope excludes it)
      const here = scope;
      for (const ref of a.refs) {
        const target = index.get(ref);
        if (!target) {
          issues.push({
            code: item.code,
            field,
            message: `${field} refers to \${${ref}}, which does not exist`,
          });
          continue;
        }
        const t = target.item.type;
        if (t === 'group' || t === 'repeat' || t === 'matrix' || t === 'note') {
          issues.push({
            code: item.code,
            field,
            message: `${field} refers to \${${ref}}, a ${t} without a value`,
          });
          continue;
        }
        if (!isPrefix(valueScope(target), here)) {
          issues.push({
            code: item.code,
            field,
            message: `${field} refers to \${${ref}} inside ${valueScope(target).at(-1)}, which has many values here`,
          });
          continue;
        }
        if (field === 'calculation' || field === 'relevant') dep.add(ref);
      }
      if (a.fields.size > 0) {
        if (field !== 'choiceFilter') {
          issues.push({
            code: item.code,
            field,
            message: `${field} uses "${[...a.fields][0]}" without \${…}; write \${${[...a.fields][0]}}`,
          });
        } else if (
          (item.type === 'select_one' || item.type === 'select_multiple') &&
          'list' in item.choices
        ) {
          const list = q.choiceLists[item.choices.list] ?? [];
          const cols = new Set(['name', ...list.flatMap((c) => Object.keys(c.filters ?? {}))]);
          for (const f of a.fields)
            if (!cols.has(f))
              issues.push({
                code: item.code,
                field,
                message: `choice_filter reads "${f}", not a column of list "${item.choices.list}"`,
              });
        }
      }
      for (const p of a.patterns) {
        if (p.k !== 'str') continue;
        try {
          new RegExp(p.v);
        } catch {
          issues.push({
            code: item.code,
            field,
            message: `${field}: "${p.v}" is not a valid regular expression`,
          });
        }
      }
    }
    // an item's relevance depends on its containers' relevance
    for (const parent of place.parents) if (parent.relevant !== undefined) dep.add(parent.code);
    if (place.matrix?.relevant !== undefined) dep.add(place.matrix.code);
  }
  for (const code of findCycle(deps))
    issues.push({
      code,
      field: 'calculation',
      message: `"${code}" depends on itself through calculations or relevance`,
    });

  if (q.previous)
    for (const code of q.previous.keeps)
      if (!index.has(code))
        issues.push({ field: 'previous', message: `kept code "${code}" is not in this version` });
  if (q.defaultLanguage !== undefined && !langs.has(q.defaultLanguage))
    issues.push({
      field: 'defaultLanguage',
      message: `the default language "${q.defaultLanguage}" is not declared`,
    });
  return issues;
}

/** Codes on a dependency cycle (empty when there is none). */
function findCycle(deps: Map<string, Set<string>>): string[] {
  const state = new Map<string, 1 | 2>();
  const onCycle = new Set<string>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 1);
    stack.push(n);
    for (const m of deps.get(n) ?? []) {
      const s = state.get(m);
      if (s === 1) for (const x of stack.slice(stack.indexOf(m))) onCycle.add(x);
      else if (s === undefined) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of deps.keys()) if (!state.has(n)) visit(n);
  return [...onCycle];
}

/** A copy of the items without the given codes (groups keep their other items; a matrix its other columns). */
export function withoutItems(items: Item[], codes: ReadonlySet<string>): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    if (codes.has(item.code)) continue;
    if (item.type === 'group' || item.type === 'repeat')
      out.push({ ...item, items: withoutItems(item.items, codes) });
    else if (item.type === 'matrix')
      out.push({ ...item, columns: item.columns.filter((c) => !codes.has(c.code)) });
    else out.push(item);
  }
  return out;
}
