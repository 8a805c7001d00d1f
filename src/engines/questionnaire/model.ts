/**
 * The questionnaire model: sections (groups) and questions with stable codes, choice lists, matrices,
 * repeat groups, expressions (as XLSForm source text, see expression/), labels in several languages.
 * Plain data (JSON-safe): a questionnaire read from XLSForm, stored as JSON, written back to XLSForm.
 * No Node-only APIs here: the web form uses this file too.
 */

/** Text in several languages: language code → text. `default` when the form names no language. */
export type LocalizedText = Record<string, string>;

/** A language of the form: `en`, or a name without code (`French`) when the form gives only that. */
export interface Language {
  code: string;
  name?: string;
}

/** A platform code a question, choice or matrix row stands for, e.g. `{ list: 'arusha_factor', code: 'transparency' }`. */
export interface CodeBinding {
  list: string;
  code: string;
}

/** One choice of an own choice list. `filters` are the extra choice columns `choice_filter` reads. */
export interface Choice {
  name: string;
  label: LocalizedText;
  binding?: CodeBinding;
  filters?: Record<string, string>;
}

/** Where choices (or matrix rows) come from: an own list of the questionnaire or a platform code list. */
export type ChoiceSource = { list: string } | { codeList: string };

export type MediaKind = 'file' | 'image' | 'audio' | 'video';

interface ItemBase {
  /** Stable code (XLSForm `name`): answers stay comparable across versions through it. */
  code: string;
  label: LocalizedText;
  hint?: LocalizedText;
  /** Conditional display (XLSForm `relevant`), an expression. */
  relevant?: string;
  /** The platform code this item stands for; results pivot on it. */
  binding?: CodeBinding;
}

interface AnswerBase extends ItemBase {
  required?: boolean;
  requiredMessage?: LocalizedText;
  /** Expression on `.` (the answer); checked only when the question is answered. */
  constraint?: string;
  constraintMessage?: LocalizedText;
  /** A computed value (XLSForm `calculation` on a question): the answer is the result. */
  calculation?: string;
  readOnly?: boolean;
  /** Initial value shown by the form (XLSForm `default`), as text. */
  default?: string;
}

export interface SelectQuestion extends AnswerBase {
  type: 'select_one' | 'select_multiple';
  choices: ChoiceSource;
  /** "Other, specify": the choice `other` plus a text answer under `<code>_other`. */
  orOther?: boolean;
  /** Expression evaluated per choice; bare names read that choice's columns (`filters`, `name`). */
  choiceFilter?: string;
}

export interface ScaleQuestion extends AnswerBase {
  type: 'scale';
  min: number;
  max: number;
  step: number;
  /** An own choice list labelling the levels: choice names are the level numbers. */
  labels?: string;
}

export interface FileQuestion extends AnswerBase {
  type: 'file';
  media: MediaKind;
}

export type SimpleType =
  | 'integer'
  | 'decimal'
  | 'yes_no'
  | 'date'
  | 'time'
  | 'datetime'
  | 'text'
  | 'multilingual_text'
  | 'geopoint';

export interface SimpleQuestion extends AnswerBase {
  type: SimpleType;
}

/** A question that takes an answer. */
export type Question = SelectQuestion | ScaleQuestion | FileQuestion | SimpleQuestion;
export type QuestionType = Question['type'];

/** Types a matrix column may have. */
export const CELL_TYPES = [
  'select_one',
  'select_multiple',
  'integer',
  'decimal',
  'scale',
  'yes_no',
  'text',
  'date',
] as const satisfies readonly QuestionType[];
export type CellType = (typeof CELL_TYPES)[number];
export type MatrixColumn = Question & { type: CellType };

export interface Matrix extends ItemBase {
  type: 'matrix';
  /** The rows: an own list (choices may carry code bindings) or a platform code list. */
  rows: ChoiceSource;
  columns: MatrixColumn[];
}

export interface Note extends ItemBase {
  type: 'note';
}

export interface Calculate extends ItemBase {
  type: 'calculate';
  calculation: string;
}

export interface Group extends ItemBase {
  type: 'group';
  items: Item[];
}

export interface Repeat extends ItemBase {
  type: 'repeat';
  items: Item[];
  /** Exact number of entries, an expression (XLSForm `repeat_count`). */
  repeatCount?: string;
  minCount?: number;
  maxCount?: number;
}

export type Container = Group | Repeat;
export type Item = Question | Matrix | Note | Calculate | Group | Repeat;
export type ItemType = Item['type'];

/** A form element left out at import (`withoutBlocked`), with where it was and why. */
export interface LeftOut {
  sheet: string;
  row: number;
  code?: string;
  reason: string;
}

export interface Questionnaire {
  format: 'eucab-questionnaire';
  /** XLSForm `form_id`. */
  id: string;
  title: string;
  /** A published version never changes; a new version gets a new version string. */
  version: string;
  /** The version this one follows and the codes it keeps from it (answers comparable across both). */
  previous?: { version: string; keeps: string[] };
  languages: Language[];
  defaultLanguage?: string;
  choiceLists: Record<string, Choice[]>;
  items: Item[];
  leftOut: LeftOut[];
}

export const ANSWER_TYPES: ReadonlySet<string> = new Set<QuestionType>([
  'select_one',
  'select_multiple',
  'scale',
  'file',
  'integer',
  'decimal',
  'yes_no',
  'date',
  'time',
  'datetime',
  'text',
  'multilingual_text',
  'geopoint',
]);

export function isQuestion(item: Item): item is Question {
  return ANSWER_TYPES.has(item.type);
}

export function isContainer(item: Item): item is Container {
  return item.type === 'group' || item.type === 'repeat';
}

export function isNumericType(type: string): boolean {
  return type === 'integer' || type === 'decimal' || type === 'scale';
}

/** Where an item sits: its enclosing containers (outermost first) and enclosing repeats. */
export interface ItemPlace {
  item: Item;
  parents: Container[];
  /** Codes of enclosing repeats, outermost first: an answer has one value per entry of each. */
  repeats: string[];
  /** Set for a matrix column: the matrix it belongs to. */
  matrix?: Matrix;
}

/** Every item of the form in document order (matrix columns after their matrix), with its place. */
export function walkItems(items: Item[]): ItemPlace[] {
  const out: ItemPlace[] = [];
  const visit = (list: Item[], parents: Container[], repeats: string[]) => {
    for (const item of list) {
      out.push({ item, parents, repeats });
      if (item.type === 'matrix') {
        for (const col of item.columns) out.push({ item: col, parents, repeats, matrix: item });
      } else if (isContainer(item)) {
        visit(item.items, [...parents, item], item.type === 'repeat' ? [...repeats, item.code] : repeats);
      }
    }
  };
  visit(items, [], []);
  return out;
}

/** Item places by code (the first one when a code is duplicated; `checkQuestionnaire` reports those). */
export function indexItems(q: Pick<Questionnaire, 'items'>): Map<string, ItemPlace> {
  const map = new Map<string, ItemPlace>();
  for (const place of walkItems(q.items)) if (!map.has(place.item.code)) map.set(place.item.code, place);
  return map;
}

/** The text for a language: that language, then the default language, then the first one given. */
export function textIn(
  text: LocalizedText | undefined,
  lang?: string,
  fallback?: string,
): string | undefined {
  if (!text) return undefined;
  if (lang && text[lang]) return text[lang];
  if (fallback && text[fallback]) return text[fallback];
  for (const v of Object.values(text)) if (v) return v;
  return undefined;
}

/** The code of the "other, specify" text answer of a select question with `orOther`. */
export const otherCode = (code: string): string => `${code}_other`;
export const OTHER_CHOICE = 'other';
