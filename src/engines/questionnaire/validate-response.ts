/**
 * Response validation: `validateResponse(questionnaire, answers, { today })` → problems (path, kind,
 * message in the requested language), the cleaned answers (non-relevant answers removed, calculations
 * set) and the computed values. Shared by the server and the web form (no Node-only APIs).
 *
 * Answers: keyed by stable code; a repeat group is an array of such objects; a matrix is
 * `{ [rowCode]: { [columnCode]: value } }`; select_one a choice code, select_multiple an array of codes
 * ("other, specify": the code `other` plus a text under `<code>_other`); yes/no a boolean; numbers and
 * scale levels numbers; date 'YYYY-MM-DD', time 'HH:MM[:SS]', datetime ISO 8601; multilingual text
 * `{ [lang]: string }`; file `{ fileId, name }`; geopoint `{ lat, lon }`.
 */
import { scaleLevels } from './check.ts';
import { dayNumber, toBoolean, toNumber, type Value } from './expression/evaluate.ts';
import { type Answers, answerPath, asValue, FormState, isObject, type Scope } from './form-state.ts';
import { defaultMessage, type ProblemKind, typeName } from './messages.ts';
import {
  type Item,
  isQuestion,
  type LocalizedText,
  type Matrix,
  OTHER_CHOICE,
  otherCode,
  type Question,
  type Questionnaire,
  type Repeat,
  textIn,
} from './model.ts';

export interface Problem {
  /** Where: the answer path, e.g. `staff`, `initiatives[1].initiative_budget`, `integrity.leadership.maturity`. */
  code: string;
  kind: ProblemKind;
  message: string;
}

export interface ValidateOptions {
  /** Today as 'YYYY-MM-DD' (for today() in constraints). */
  today: string;
  /** Language of the messages (falls back to the form's default language, then English). */
  language?: string;
  /** Known codes of platform code lists; a list not given accepts any code. */
  codeLists?: Record<string, readonly string[]>;
}

export interface ValidationResult {
  valid: boolean;
  problems: Problem[];
  /** The answers without non-relevant or unknown entries, with computed values set. */
  answers: Answers;
  /** Every computed value (calculate questions and questions with a calculation) by path. */
  calculated: Record<string, Value>;
}

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (isObject(v) && Object.values(v).every((x) => x === undefined || x === null || x === ''));

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$/;
const validDate = (s: string): boolean => {
  const d = dayNumber(s);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d) && new Date(d * 86_400_000).toISOString().startsWith(s)
  );
};

export function validateResponse(
  q: Questionnaire,
  answers: Answers,
  opts: ValidateOptions,
): ValidationResult {
  const state = new FormState(q, isObject(answers) ? answers : {}, opts.today);
  const lang = opts.language ?? q.defaultLanguage;
  const problems: Problem[] = [];
  const calculated: Record<string, Value> = {};
  const add = (code: string, kind: ProblemKind, message: string) => problems.push({ code, kind, message });
  const msg = (
    own: LocalizedText | undefined,
    kind: ProblemKind,
    params: Record<string, string | number> = {},
  ) => textIn(own, opts.language, q.defaultLanguage) ?? defaultMessage(kind, lang, params);
  const typeProblem = (path: string, type: string, params: Record<string, string | number> = {}) =>
    add(path, 'type', defaultMessage('type', lang, { expected: typeName(type, lang, params) }));

  if (!isObject(answers)) typeProblem('', 'entry');

  /** Validate the items of one level (top level, a repeat entry); returns the cleaned object. */
  const level = (items: Item[], scope: Scope, given: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const known = new Set<string>();
    const visit = (list: Item[]) => {
      for (const item of list) {
        known.add(item.code);
        if (item.type === 'group') {
          visit(item.items);
          continue;
        }
        if (item.type === 'note') continue;
        const path = answerPath(scope, item.code);
        const relevant = state.isRelevant(item.code, scope);
        const raw = given[item.code];
        if (!relevant) {
          if (!isEmpty(raw)) add(path, 'not_relevant', defaultMessage('not_relevant', lang));
          if (isQuestion(item) && 'orOther' in item && item.orOther) known.add(otherCode(item.code));
          continue;
        }
        if (item.type === 'calculate') {
          const v = state.value(item.code, scope);
          calculated[path] = v;
          out[item.code] = v;
          continue;
        }
        if (item.type === 'repeat') {
          const entries = repeat(item, scope, raw, path);
          if (entries !== undefined) out[item.code] = entries;
          continue;
        }
        if (item.type === 'matrix') {
          const rows = matrix(item, scope, raw, path);
          if (rows !== undefined) out[item.code] = rows;
          continue;
        }
        if (item.calculation !== undefined) {
          const v = state.value(item.code, scope);
          calculated[path] = v;
          if (v !== '') out[item.code] = v;
          continue;
        }
        const v = question(item, scope, raw, path);
        if (v !== undefined) out[item.code] = v;
        if ((item.type === 'select_one' || item.type === 'select_multiple') && item.orOther) {
          const oc = otherCode(item.code);
          known.add(oc);
          const chosen = Array.isArray(v) ? v.includes(OTHER_CHOICE) : v === OTHER_CHOICE;
          const text = given[oc];
          if (chosen) {
            if (typeof text !== 'string' || text.trim() === '')
              add(answerPath(scope, oc), 'other_text', defaultMessage('other_text', lang));
            else out[oc] = text;
          } else if (!isEmpty(text))
            add(answerPath(scope, oc), 'not_relevant', defaultMessage('not_relevant', lang));
        }
      }
    };
    visit(items);
    for (const key of Object.keys(given))
      if (!known.has(key))
        add(answerPath(scope, key), 'unknown', defaultMessage('unknown', lang, { code: key }));
    return out;
  };

  const question = (item: Question, scope: Scope, raw: unknown, path: string): unknown => {
    if (isEmpty(raw)) {
      if (item.required) add(path, 'required', msg(item.requiredMessage, 'required'));
      return undefined;
    }
    const v = checkType(item, scope, raw, path);
    if (v === undefined) return undefined;
    if (item.constraint !== undefined) {
      const ok = toBoolean(state.evaluate(item.constraint, scope, () => asValue(item, v)));
      if (!ok) add(path, 'constraint', msg(item.constraintMessage, 'constraint', { rule: item.constraint }));
    }
    return v;
  };

  /** The answer when it has the question's type (else a problem and undefined). */
  const checkType = (item: Question, scope: Scope, raw: unknown, path: string): unknown => {
    switch (item.type) {
      case 'integer':
        if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
        break;
      case 'decimal':
        if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
        break;
      case 'scale': {
        const levels = scaleLevels(item.min, item.max, item.step);
        if (typeof raw === 'number' && levels.includes(raw)) return raw;
        typeProblem(path, 'scale', { levels: levels.join(', ') });
        return undefined;
      }
      case 'yes_no':
        if (typeof raw === 'boolean') return raw;
        break;
      case 'date':
        if (typeof raw === 'string' && validDate(raw)) return raw;
        break;
      case 'time':
        if (typeof raw === 'string' && TIME.test(raw)) return raw;
        break;
      case 'datetime':
        if (typeof raw === 'string' && DATETIME.test(raw) && validDate(raw.slice(0, 10))) return raw;
        break;
      case 'text':
        if (typeof raw === 'string') return raw;
        break;
      case 'multilingual_text': {
        const langs = new Set(q.languages.map((l) => l.code));
        if (
          isObject(raw) &&
          Object.entries(raw).every(
            ([k, v]) =>
              typeof v === 'string' &&
              (langs.size === 0 || langs.has(k) || /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(k)),
          )
        )
          return raw;
        break;
      }
      case 'file':
        if (
          isObject(raw) &&
          typeof raw.fileId === 'string' &&
          raw.fileId !== '' &&
          typeof raw.name === 'string'
        )
          return { fileId: raw.fileId, name: raw.name };
        break;
      case 'geopoint':
        if (
          isObject(raw) &&
          typeof raw.lat === 'number' &&
          typeof raw.lon === 'number' &&
          Math.abs(raw.lat) <= 90 &&
          Math.abs(raw.lon) <= 180
        )
          return { lat: raw.lat, lon: raw.lon };
        break;
      case 'select_one':
        if (typeof raw === 'string') return checkChoices(item, scope, [raw], path) ? raw : undefined;
        break;
      case 'select_multiple':
        if (Array.isArray(raw) && raw.every((x) => typeof x === 'string') && new Set(raw).size === raw.length)
          return checkChoices(item, scope, raw as string[], path) ? raw : undefined;
        break;
    }
    typeProblem(path, item.type);
    return undefined;
  };

  const checkChoices = (
    item: Extract<Question, { type: 'select_one' | 'select_multiple' }>,
    scope: Scope,
    values: string[],
    path: string,
  ): boolean => {
    let ok = true;
    for (const value of values) {
      if (item.orOther && value === OTHER_CHOICE) continue;
      if ('codeList' in item.choices) {
        const codes = opts.codeLists?.[item.choices.codeList];
        if (codes && !codes.includes(value)) {
          add(path, 'choice', defaultMessage('choice', lang, { value }));
          ok = false;
        }
        continue;
      }
      const list = q.choiceLists[item.choices.list] ?? [];
      const choice = list.find((c) => c.name === value);
      if (!choice) {
        add(path, 'choice', defaultMessage('choice', lang, { value }));
        ok = false;
      } else if (
        item.choiceFilter !== undefined &&
        state.filteredChoices(item.code, scope, [choice]).length === 0
      ) {
        add(path, 'choice_filter', defaultMessage('choice_filter', lang, { value }));
        ok = false;
      }
    }
    return ok;
  };

  const repeat = (item: Repeat, scope: Scope, raw: unknown, path: string): unknown[] | undefined => {
    if (raw === undefined || raw === null) raw = [];
    if (!Array.isArray(raw)) {
      typeProblem(path, 'repeat');
      return undefined;
    }
    const n = raw.length;
    if (item.repeatCount !== undefined) {
      const want = toNumber(state.evaluate(item.repeatCount, scope));
      if (Number.isFinite(want) && want !== n)
        add(path, 'repeat_count', defaultMessage('repeat_count', lang, { n: want, count: n }));
    }
    if (item.minCount !== undefined && n < item.minCount)
      add(path, 'repeat_min', defaultMessage('repeat_min', lang, { n: item.minCount }));
    if (item.maxCount !== undefined && n > item.maxCount)
      add(path, 'repeat_max', defaultMessage('repeat_max', lang, { n: item.maxCount }));
    return raw.map((entry, i) => {
      const p = `${path}[${i}]`;
      if (!isObject(entry)) {
        typeProblem(p, 'entry');
        return {};
      }
      return level(item.items, [...scope, { container: item.code, key: i }], entry);
    });
  };

  const matrix = (
    item: Matrix,
    scope: Scope,
    raw: unknown,
    path: string,
  ): Record<string, unknown> | undefined => {
    if (raw !== undefined && raw !== null && !isObject(raw)) {
      typeProblem(path, 'matrix');
      return undefined;
    }
    const given = (raw ?? {}) as Record<string, unknown>;
    const known =
      'list' in item.rows
        ? (q.choiceLists[item.rows.list] ?? []).map((c) => c.name)
        : (opts.codeLists?.[item.rows.codeList] ?? undefined);
    const rows = known ?? Object.keys(given);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(given))
      if (known && !known.includes(key))
        add(`${path}.${key}`, 'row', defaultMessage('row', lang, { value: key }));
    for (const row of rows) {
      const cells = given[row];
      if (cells !== undefined && cells !== null && !isObject(cells)) {
        typeProblem(`${path}.${row}`, 'entry');
        continue;
      }
      const cleaned = level(item.columns, [...scope, { container: item.code, key: row }], cells ?? {});
      if (Object.keys(cleaned).length > 0) out[row] = cleaned;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };

  const cleaned = level(q.items, [], isObject(answers) ? answers : {});
  return { valid: problems.length === 0, problems, answers: cleaned, calculated };
}
