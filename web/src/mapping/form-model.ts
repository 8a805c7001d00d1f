/**
 * Pure helpers of the mapping pages: the form language that follows the UI language, immutable
 * answer updates at a scope (repeat entry, matrix row), and what a questionnaire offers to the
 * result pages (bound code lists, number and choice questions).
 */
import {
  type Answers,
  type Item,
  type LocalizedText,
  type Questionnaire,
  type Scope,
  textIn,
  walkItems,
} from '../../../src/engines/questionnaire/index.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const LANGUAGE_NAMES: Record<string, string[]> = {
  en: ['english', 'anglais', 'englisch'],
  fr: ['french', 'français', 'francais', 'französisch'],
  de: ['german', 'deutsch', 'allemand'],
};

/** The form's language for the UI language `ui` (its code or name), else the form's default, else its first. */
export function formLanguage(q: Pick<Questionnaire, 'languages' | 'defaultLanguage'>, ui: string): string {
  const want = ui.slice(0, 2).toLowerCase();
  const hit = q.languages.find(
    (l) =>
      l.code.toLowerCase() === want ||
      l.code.toLowerCase().startsWith(`${want}-`) ||
      (l.name !== undefined && (LANGUAGE_NAMES[want] ?? []).includes(l.name.toLowerCase())) ||
      (LANGUAGE_NAMES[want] ?? []).includes(l.code.toLowerCase()),
  );
  return hit?.code ?? q.defaultLanguage ?? q.languages[0]?.code ?? 'default';
}

/** A form text in the form language (then the default language, then any). */
export function textOf(
  text: LocalizedText | undefined,
  q: Pick<Questionnaire, 'defaultLanguage'>,
  lang: string,
) {
  return textIn(text, lang, q.defaultLanguage) ?? '';
}

/** The answers with `value` set for `code` at `scope` (repeat entries and matrix rows created as needed). */
export function setAnswer(answers: Answers, scope: Scope, code: string, value: unknown): Answers {
  if (scope.length === 0) {
    const next = { ...answers };
    if (value === undefined) delete next[code];
    else next[code] = value;
    return next;
  }
  const [head, ...rest] = scope;
  const s = head!;
  const current = answers[s.container];
  if (typeof s.key === 'number') {
    const list = Array.isArray(current) ? [...current] : [];
    while (list.length <= s.key) list.push({});
    const entry = isObject(list[s.key]) ? (list[s.key] as Answers) : {};
    list[s.key] = setAnswer(entry, rest, code, value);
    return { ...answers, [s.container]: list };
  }
  const rows = isObject(current) ? { ...current } : {};
  const row = isObject(rows[s.key]) ? (rows[s.key] as Answers) : {};
  rows[s.key] = setAnswer(row, rest, code, value);
  return { ...answers, [s.container]: rows };
}

/** The repeat entries of a repeat group at a scope. */
export function entriesAt(answers: Answers, scope: Scope, code: string): Answers[] {
  let obj: unknown = answers;
  for (const s of scope) {
    const next = isObject(obj) ? obj[s.container] : undefined;
    obj = Array.isArray(next) ? next[s.key as number] : isObject(next) ? next[String(s.key)] : undefined;
  }
  const list = isObject(obj) ? obj[code] : undefined;
  return Array.isArray(list) ? (list as Answers[]) : [];
}

/** The platform code lists a questionnaire binds (items, choices, matrix rows, choice sources), sorted. */
export function boundLists(q: Questionnaire): string[] {
  const lists = new Set<string>();
  for (const { item } of walkItems(q.items)) {
    if (item.binding) lists.add(item.binding.list);
    if (item.type === 'matrix' && 'codeList' in item.rows) lists.add(item.rows.codeList);
    if ((item.type === 'select_one' || item.type === 'select_multiple') && 'codeList' in item.choices)
      lists.add(item.choices.codeList);
  }
  for (const choices of Object.values(q.choiceLists))
    for (const c of choices) if (c.binding) lists.add(c.binding.list);
  return [...lists].sort();
}

const NUMBER_TYPES = new Set(['integer', 'decimal', 'scale']);
const CROSSTAB_TYPES = new Set(['select_one', 'yes_no', 'scale']);

/** Answer questions of the given kinds, with the containers they sit in. */
function questionsWhere(q: Questionnaire, ok: (item: Item, topLevel: boolean) => boolean) {
  return walkItems(q.items)
    .filter(({ item, repeats, matrix }) => ok(item, repeats.length === 0 && !matrix))
    .map(({ item }) => item);
}

/** Numbers (anywhere): the measures of a radar. */
export const numberQuestions = (q: Questionnaire) => questionsWhere(q, (i) => NUMBER_TYPES.has(i.type));

/** Top-level single-valued choices: what a cross-tabulation takes. */
export const crosstabQuestions = (q: Questionnaire) =>
  questionsWhere(q, (i, top) => top && CROSSTAB_TYPES.has(i.type));

/** Questions whose summary can be followed across campaigns (every answer question). */
export const trendQuestions = (q: Questionnaire) =>
  questionsWhere(q, (i) => !['group', 'repeat', 'matrix', 'note'].includes(i.type));

/** Problems keyed by answer path (`staff`, `initiatives[0].name`, `integrity.f1.maturity`). */
export function problemsByPath(problems: readonly { code: string; message: string }[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of problems) map.set(p.code, map.has(p.code) ? `${map.get(p.code)}; ${p.message}` : p.message);
  return map;
}

/** The label of an answer value of a question (own choices, scale levels, yes/no); else the value itself. */
export function valueLabel(
  q: Questionnaire,
  item: Item | undefined,
  value: string,
  lang: string,
  yesNo: { yes: string; no: string },
): string {
  if (!item) return value;
  if (item.type === 'yes_no')
    return value === 'yes' || value === 'true'
      ? yesNo.yes
      : value === 'no' || value === 'false'
        ? yesNo.no
        : value;
  const list =
    (item.type === 'select_one' || item.type === 'select_multiple') && 'list' in item.choices
      ? item.choices.list
      : item.type === 'scale'
        ? item.labels
        : undefined;
  const choice = list ? q.choiceLists[list]?.find((c) => c.name === value) : undefined;
  if (!choice) return value;
  const text = textOf(choice.label, q, lang);
  return item.type === 'scale' ? `${value} — ${text}` : text;
}

/** An XLSForm `default` (text) as an answer of the question's type; undefined when it does not fit. */
export function defaultAnswer(item: Item): unknown {
  if (!('default' in item) || item.default === undefined || item.default === '') return undefined;
  const d = item.default.trim();
  switch (item.type) {
    case 'integer':
    case 'decimal':
    case 'scale': {
      const n = Number(d);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'yes_no':
      return ['yes', 'true', '1'].includes(d.toLowerCase())
        ? true
        : ['no', 'false', '0'].includes(d.toLowerCase())
          ? false
          : undefined;
    case 'select_multiple':
      return d.split(/\s+/).filter(Boolean);
    case 'select_one':
    case 'date':
    case 'time':
    case 'datetime':
    case 'text':
      return d;
    default:
      return undefined;
  }
}

/** The answers with the defaults of unanswered questions of a level (groups included; not inside repeats or matrices). */
export function withDefaults(items: Item[], answers: Answers): Answers {
  let out = answers;
  for (const item of items) {
    if (item.type === 'group') out = withDefaults(item.items, out);
    else if (out[item.code] === undefined) {
      const d = defaultAnswer(item);
      if (d !== undefined) out = { ...out, [item.code]: d };
    }
  }
  return out;
}
