/**
 * XLSForm → questionnaire. Returns what was understood, warnings (ignored metadata and presentation)
 * and blocking items (sheet, row, reason). With `withoutBlocked`, blocked questions are left out and
 * listed in `questionnaire.leftOut`; a broken structure (unmatched begin/end, no survey sheet) stays fatal.
 */
import { type CheckIssue, checkQuestionnaire, scaleLevels, withoutItems } from '../check.ts';
import {
  CELL_TYPES,
  type Choice,
  type CodeBinding,
  type Item,
  type Language,
  type LeftOut,
  type LocalizedText,
  type Matrix,
  type MatrixColumn,
  type Questionnaire,
  type Repeat,
} from '../model.ts';
import {
  EUCAB,
  GENERATED_LIST_PREFIX,
  type Header,
  KOBO_MATRIX_LIST,
  LEFT_OUT_SHEET,
  LOCALIZED,
  type ParsedType,
  PLAIN_LANGUAGE,
  PRESENTATION_COLUMNS,
  parseBoolean,
  parseLanguage,
  parseParameters,
  parseType,
  SETTINGS_COLUMNS,
  SURVEY_COLUMNS,
} from './columns.ts';
import { loadWorkbook, type Sheet, type SheetRow } from './sheets.ts';

export interface XlsFormIssue {
  sheet: string;
  row: number;
  column?: string;
  code?: string;
  reason: string;
}

export interface ReadResult {
  /** Absent when something blocks (and `withoutBlocked` is off) or the structure is broken. */
  questionnaire?: Questionnaire;
  warnings: XlsFormIssue[];
  blocking: XlsFormIssue[];
}

export interface ReadOptions {
  /** Import without the blocked questions; they are listed in `questionnaire.leftOut`. */
  withoutBlocked?: boolean;
  /** The id when the settings sheet has no form_id (e.g. the file name). */
  id?: string;
}

export async function readXlsForm(
  data: Uint8Array | ArrayBuffer,
  opts: ReadOptions = {},
): Promise<ReadResult> {
  return readSheets(await loadWorkbook(data), opts);
}

const TEXT_COLUMNS = ['label', 'hint', 'constraint_message', 'required_message'];

const FIELD_COLUMN: Record<string, string> = {
  relevant: 'relevant',
  constraint: 'constraint',
  calculation: 'calculation',
  choiceFilter: 'choice_filter',
  repeatCount: 'repeat_count',
  code: 'name',
  choices: 'type',
  labels: 'type',
  scale: 'type',
  type: 'type',
  columns: 'type',
  rows: KOBO_MATRIX_LIST,
  label: 'label',
  hint: 'hint',
  requiredMessage: 'required_message',
  constraintMessage: 'constraint_message',
  minCount: EUCAB.minCount,
};

class RowError extends Error {}

/** Cell access for one row: plain values by column, localised texts by language. */
class Row {
  constructor(
    private readonly sheet: Sheet,
    readonly r: SheetRow,
    private readonly plainLang: string,
  ) {}
  get(base: string): string | undefined {
    for (const h of this.sheet.headers) {
      if (h.base !== base || h.lang !== undefined) continue;
      const v = this.r.cells.get(h.col)?.trim();
      if (v) return v;
    }
    return undefined;
  }
  text(base: string): LocalizedText {
    const out: LocalizedText = {};
    for (const pass of [false, true])
      for (const h of this.sheet.headers) {
        if (h.base !== base || (h.lang !== undefined) !== pass) continue;
        const v = this.r.cells.get(h.col);
        if (v === undefined) continue;
        out[h.lang === undefined ? this.plainLang : parseLanguage(h.lang).code] = v;
      }
    return out;
  }
}

const opt = <K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } =>
  (v === undefined || (typeof v === 'object' && v !== null && Object.keys(v).length === 0)
    ? {}
    : { [key]: v }) as {
    [P in K]?: V;
  };

function parseBinding(raw: string | undefined): CodeBinding | undefined {
  if (raw === undefined) return undefined;
  const i = raw.indexOf(':');
  if (i <= 0 || i === raw.length - 1)
    throw new RowError(`${EUCAB.code} must be written list:code (got "${raw}")`);
  return { list: raw.slice(0, i).trim(), code: raw.slice(i + 1).trim() };
}

function parseCount(raw: string | undefined, column: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new RowError(`${column} must be a whole number (got "${raw}")`);
  return n;
}

function numericLevels(list: Choice[] | undefined, name: string): { min: number; max: number; step: number } {
  if (!list || list.length === 0) throw new RowError(`the scale's choice list "${name}" does not exist`);
  const values = list.map((c) => Number(c.name));
  if (values.some((v) => !Number.isFinite(v)))
    throw new RowError(`the scale's choice list "${name}" must have numbers as names`);
  const min = values[0]!;
  const max = values[values.length - 1]!;
  const step = values.length > 1 ? Number((values[1]! - min).toFixed(10)) : 1;
  return { min, max, step };
}

export function readSheets(sheets: Map<string, Sheet>, opts: ReadOptions = {}): ReadResult {
  const warnings: XlsFormIssue[] = [];
  const blocking: XlsFormIssue[] = [];
  const fatal: XlsFormIssue[] = [];
  const survey = sheets.get('survey');
  if (!survey) {
    return {
      warnings,
      blocking: [{ sheet: 'survey', row: 0, reason: 'the workbook has no "survey" sheet' }],
    };
  }
  const choicesSheet = sheets.get('choices');
  const settingsSheet = sheets.get('settings');
  const settings = settingsSheet?.rows[0];
  const setting = (base: string): string | undefined => {
    if (!settingsSheet || !settings) return undefined;
    for (const h of settingsSheet.headers)
      if (h.base === base && h.lang === undefined) {
        const v = settings.cells.get(h.col)?.trim();
        if (v) return v;
      }
    return undefined;
  };

  // languages
  const defaultSpec = setting('default_language');
  const defaultLang = defaultSpec === undefined ? undefined : parseLanguage(defaultSpec);
  const plainLang = defaultLang?.code ?? PLAIN_LANGUAGE;
  const languages: Language[] = [];
  const declare = (l: Language) => {
    const have = languages.find((x) => x.code === l.code);
    if (!have) languages.push({ ...l });
    else if (!have.name && l.name) have.name = l.name;
  };
  for (const sheet of [survey, choicesSheet]) {
    if (!sheet) continue;
    for (const h of sheet.headers) {
      if (!TEXT_COLUMNS.includes(h.base)) continue;
      if (h.lang !== undefined) declare(parseLanguage(h.lang));
      else if (sheet.rows.some((r) => r.cells.has(h.col))) declare(defaultLang ?? { code: PLAIN_LANGUAGE });
    }
  }
  if (defaultLang) {
    const have = languages.find((l) => l.code === defaultLang.code);
    if (have && !have.name && defaultLang.name) have.name = defaultLang.name;
  }

  // column warnings
  const warnColumns = (sheet: Sheet, known: (h: Header) => boolean) => {
    const done = new Set<string>();
    for (const h of sheet.headers) {
      if (known(h) || done.has(h.raw)) continue;
      done.add(h.raw);
      warnings.push({
        sheet: sheet.name,
        row: 1,
        column: h.raw,
        reason: PRESENTATION_COLUMNS.has(h.base)
          ? `presentation column "${h.raw}" ignored`
          : `column "${h.raw}" is not used by the platform: ignored`,
      });
    }
  };
  warnColumns(
    survey,
    (h) => SURVEY_COLUMNS.has(h.base) || (TEXT_COLUMNS.includes(h.base) && LOCALIZED.has(h.base)),
  );
  if (choicesSheet)
    warnColumns(choicesSheet, (h) => !PRESENTATION_COLUMNS.has(h.base) && !(h.base === 'guidance_hint'));
  if (settingsSheet) warnColumns(settingsSheet, (h) => SETTINGS_COLUMNS.has(h.base));

  // choices
  const choiceLists: Record<string, Choice[]> = {};
  const choiceRow = new Map<string, number[]>();
  if (choicesSheet) {
    const filterCols = choicesSheet.headers.filter(
      (h) =>
        h.lang === undefined &&
        !['list_name', 'name', 'label', 'value', EUCAB.code].includes(h.base) &&
        !LOCALIZED.has(h.base) &&
        !PRESENTATION_COLUMNS.has(h.base) &&
        !h.base.startsWith('eucab::'),
    );
    for (const sr of choicesSheet.rows) {
      const row = new Row(choicesSheet, sr, plainLang);
      const list = row.get('list_name');
      const name = row.get('name') ?? row.get('value');
      if (!list || name === undefined) {
        blocking.push({ sheet: 'choices', row: sr.row, reason: 'a choice needs a list_name and a name' });
        continue;
      }
      let binding: CodeBinding | undefined;
      try {
        binding = parseBinding(row.get(EUCAB.code));
      } catch (e) {
        blocking.push({ sheet: 'choices', row: sr.row, column: EUCAB.code, reason: (e as Error).message });
        continue;
      }
      const filters: Record<string, string> = {};
      for (const h of filterCols) {
        const v = sr.cells.get(h.col)?.trim();
        if (v) filters[h.base] = v;
      }
      const choice: Choice = {
        name,
        label: row.text('label'),
        ...opt('binding', binding),
        ...opt('filters', filters),
      };
      if (!choiceLists[list]) choiceLists[list] = [];
      choiceLists[list].push(choice);
      const rows = choiceRow.get(list) ?? [];
      rows.push(sr.row);
      choiceRow.set(list, rows);
    }
  }

  // lists the writer generates (yes/no, code-list snapshots for other tools) are not the form's own
  for (const list of Object.keys(choiceLists))
    if (list.startsWith(GENERATED_LIST_PREFIX)) delete choiceLists[list];

  // survey
  const root: Item[] = [];
  const rowOf = new Map<string, number>();
  const leftOut: LeftOut[] = [];
  const blockedNames = new Set<string>();
  type Frame =
    | { kind: 'group' | 'repeat'; items: Item[]; row: number }
    | { kind: 'matrix'; matrix: Matrix; row: number }
    | { kind: 'skip'; container: string; row: number };
  const stack: Frame[] = [];
  const block = (sr: SheetRow, reason: string, code?: string, column?: string) => {
    const issue = { sheet: 'survey', row: sr.row, ...opt('column', column), ...opt('code', code), reason };
    blocking.push(issue);
    leftOut.push({ sheet: 'survey', row: sr.row, ...opt('code', code), reason });
    if (code) blockedNames.add(code);
  };

  for (const sr of survey.rows) {
    const row = new Row(survey, sr, plainLang);
    const typeText = row.get('type');
    const name = row.get('name');
    const top = stack[stack.length - 1];
    if (!typeText) {
      if (top?.kind !== 'skip')
        warnings.push({
          sheet: 'survey',
          row: sr.row,
          ...opt('code', name),
          reason: 'a row without a type: ignored',
        });
      continue;
    }
    const pt = parseType(typeText);
    const lower = typeText.trim().toLowerCase();
    const beginSkip = /^begin[ _](rank|score)$/.exec(lower);
    const endSkip = /^end[ _](rank|score)$/.exec(lower);
    if (top?.kind === 'skip') {
      if (pt.kind === 'begin' || beginSkip) stack.push({ kind: 'skip', container: typeText, row: sr.row });
      else if (pt.kind === 'end' || endSkip) stack.pop();
      continue;
    }
    if (pt.kind === 'end' || endSkip) {
      // (an end of rank/score here has no open begin: those open a skip frame, handled above)
      if (!top || pt.kind !== 'end' || top.kind !== pt.container) {
        fatal.push({ sheet: 'survey', row: sr.row, reason: `"${typeText}" without a matching begin` });
        break;
      }
      stack.pop();
      continue;
    }
    if (pt.kind === 'metadata') {
      warnings.push({
        sheet: 'survey',
        row: sr.row,
        ...opt('code', name),
        reason: `metadata "${pt.type}" ignored: the platform records who answered and when`,
      });
      continue;
    }
    if (pt.kind === 'blocked' || pt.kind === 'unknown') {
      block(sr, pt.kind === 'blocked' ? pt.reason : `unknown question type "${pt.type}"`, name, 'type');
      if (beginSkip) stack.push({ kind: 'skip', container: typeText, row: sr.row });
      continue;
    }
    if (!name) {
      block(sr, 'the row has no name', undefined, 'name');
      if (pt.kind === 'begin') stack.push({ kind: 'skip', container: typeText, row: sr.row });
      continue;
    }
    try {
      if (rowOf.has(name)) {
        if (pt.kind === 'begin') stack.push({ kind: 'skip', container: typeText, row: sr.row });
        throw new RowError(`the name "${name}" is already used in row ${rowOf.get(name)}`);
      }
      if (top?.kind === 'matrix') {
        if (pt.kind === 'begin') {
          stack.push({ kind: 'skip', container: typeText, row: sr.row });
          throw new RowError('a matrix cannot contain groups, repeats or matrices');
        }
        const item = buildQuestion(row, pt, name, choiceLists, warnings);
        if (!(CELL_TYPES as readonly string[]).includes(item.type))
          throw new RowError(`a matrix column cannot be of type ${item.type}`);
        top.matrix.columns.push(item as MatrixColumn);
        rowOf.set(name, sr.row);
        continue;
      }
      const items = top ? (top as { items: Item[] }).items : root;
      if (pt.kind === 'begin') {
        const base = {
          code: name,
          label: row.text('label'),
          ...opt('hint', row.text('hint')),
          ...opt('relevant', row.get('relevant')),
          ...opt('binding', parseBinding(row.get(EUCAB.code))),
        };
        if (pt.container === 'matrix') {
          const list = row.get(KOBO_MATRIX_LIST);
          const codeList = row.get(EUCAB.codeList);
          if (!list && !codeList)
            throw new RowError(
              `begin_kobomatrix needs ${KOBO_MATRIX_LIST} (or ${EUCAB.codeList}) naming its rows`,
            );
          const matrix: Matrix = {
            type: 'matrix',
            ...base,
            rows: codeList ? { codeList } : { list: list! },
            columns: [],
          };
          items.push(matrix);
          stack.push({ kind: 'matrix', matrix, row: sr.row });
        } else if (pt.container === 'repeat') {
          const repeat: Repeat = {
            type: 'repeat',
            ...base,
            items: [],
            ...opt('repeatCount', row.get('repeat_count')),
            ...opt('minCount', parseCount(row.get(EUCAB.minCount), EUCAB.minCount)),
            ...opt('maxCount', parseCount(row.get(EUCAB.maxCount), EUCAB.maxCount)),
          };
          items.push(repeat);
          stack.push({ kind: 'repeat', items: repeat.items, row: sr.row });
        } else {
          const group: Item = { type: 'group', ...base, items: [] };
          items.push(group);
          stack.push({ kind: 'group', items: group.items, row: sr.row });
        }
        rowOf.set(name, sr.row);
        continue;
      }
      items.push(buildQuestion(row, pt, name, choiceLists, warnings));
      rowOf.set(name, sr.row);
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      block(sr, e.message, rowOf.has(name) && rowOf.get(name) !== sr.row ? undefined : name);
      if (pt.kind === 'begin' && stack[stack.length - 1]?.row !== sr.row)
        stack.push({ kind: 'skip', container: typeText, row: sr.row });
    }
  }
  if (fatal.length === 0)
    for (const f of stack)
      fatal.push({
        sheet: 'survey',
        row: f.row,
        reason: `begin ${f.kind === 'skip' ? f.container : f.kind} without an end`,
      });

  const previousVersion = setting(EUCAB.previousVersion);
  let q: Questionnaire = {
    format: 'eucab-questionnaire',
    id: setting('form_id') ?? opts.id ?? 'form',
    title: setting('form_title') ?? '',
    version: setting('version') ?? '',
    ...(previousVersion
      ? {
          previous: {
            version: previousVersion,
            keeps: (setting(EUCAB.keeps) ?? '').split(/\s+/).filter(Boolean),
          },
        }
      : {}),
    languages,
    ...opt('defaultLanguage', defaultLang?.code),
    choiceLists,
    items: root,
    leftOut: readLeftOut(sheets.get(LEFT_OUT_SHEET)),
  };
  if (q.defaultLanguage !== undefined && !languages.some((l) => l.code === q.defaultLanguage)) {
    warnings.push({
      sheet: 'settings',
      row: 2,
      column: 'default_language',
      reason: `default_language "${defaultSpec}" is used by no column: ignored`,
    });
    delete q.defaultLanguage;
  }

  // consistency: report, and with withoutBlocked leave out what is at fault until nothing is
  const removed = new Set<string>(blockedNames);
  for (let pass = 0; fatal.length === 0; pass++) {
    const issues = checkQuestionnaire(q);
    if (issues.length === 0) break;
    const codes = new Set<string>();
    const dropChoices = new Map<string, Set<number>>();
    for (const issue of issues) {
      const found = locate(issue);
      if (!found) {
        fatal.push({ sheet: 'survey', row: 0, reason: issue.message });
        continue;
      }
      blocking.push(found);
      if (issue.code !== undefined) {
        codes.add(issue.code);
        leftOut.push({ sheet: 'survey', row: found.row, code: issue.code, reason: found.reason });
      } else if (issue.list !== undefined && issue.choice !== undefined) {
        const set = dropChoices.get(issue.list) ?? new Set<number>();
        set.add(issue.choice);
        dropChoices.set(issue.list, set);
        leftOut.push({ sheet: 'choices', row: found.row, code: issue.list, reason: found.reason });
      }
    }
    if (!opts.withoutBlocked || fatal.length > 0) break;
    for (const c of codes) removed.add(c);
    const lists = { ...q.choiceLists };
    for (const [list, idx] of dropChoices) {
      lists[list] = lists[list]!.filter((_, i) => !idx.has(i));
      choiceRow.set(
        list,
        choiceRow.get(list)!.filter((_, i) => !idx.has(i)),
      );
    }
    q = { ...q, items: withoutItems(q.items, codes), choiceLists: lists };
    if (pass > 10_000) throw new Error('questionnaire check did not settle');
  }

  function locate(issue: CheckIssue): XlsFormIssue | undefined {
    let reason = issue.message;
    for (const name of removed)
      reason = reason.replace(`\${${name}}, which does not exist`, `\${${name}}, which is not imported`);
    const column = issue.field ? FIELD_COLUMN[issue.field] : undefined;
    if (issue.code !== undefined) {
      const row = rowOf.get(issue.code);
      if (row === undefined) return undefined;
      return { sheet: 'survey', row, ...opt('column', column), code: issue.code, reason };
    }
    if (issue.list !== undefined && issue.choice !== undefined) {
      const row = choiceRow.get(issue.list)?.[issue.choice];
      if (row === undefined) return undefined;
      return { sheet: 'choices', row, code: issue.list, reason };
    }
    if (issue.field === 'previous') return { sheet: 'settings', row: 2, column: EUCAB.keeps, reason };
    return undefined;
  }

  blocking.push(...fatal);
  const sortIssues = (a: XlsFormIssue, b: XlsFormIssue) => a.sheet.localeCompare(b.sheet) || a.row - b.row;
  blocking.sort(sortIssues);
  warnings.sort(sortIssues);
  if (fatal.length > 0 || (!opts.withoutBlocked && blocking.length > 0)) return { warnings, blocking };
  leftOut.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  q.leftOut = [...q.leftOut, ...leftOut];
  return { questionnaire: q, warnings, blocking };
}

function readLeftOut(sheet: Sheet | undefined): LeftOut[] {
  if (!sheet) return [];
  const out: LeftOut[] = [];
  for (const sr of sheet.rows) {
    const row = new Row(sheet, sr, PLAIN_LANGUAGE);
    const code = row.get('name');
    out.push({
      sheet: row.get('sheet') ?? '',
      row: Number(row.get('row') ?? 0),
      ...opt('code', code),
      reason: sr.cells.get(sheet.headers.find((h) => h.base === 'reason')?.col ?? -1) ?? '',
    });
  }
  return out;
}

function buildQuestion(
  row: Row,
  pt: ParsedType,
  name: string,
  lists: Record<string, Choice[]>,
  warnings: XlsFormIssue[],
): Exclude<Item, { type: 'group' | 'repeat' | 'matrix' }> {
  const eucabType = row.get(EUCAB.type);
  const base = {
    code: name,
    label: row.text('label'),
    ...opt('hint', row.text('hint')),
    ...opt('relevant', row.get('relevant')),
    ...opt('binding', parseBinding(row.get(EUCAB.code))),
  };
  const flag = (column: string): boolean | undefined => {
    const raw = row.get(column);
    if (raw === undefined) return undefined;
    const b = parseBoolean(raw);
    if (b === null)
      throw new RowError(
        `${column} must be yes/no or true/false (got "${raw}"); expressions are not supported here`,
      );
    return b || undefined;
  };
  const answer = {
    ...base,
    ...opt('required', flag('required')),
    ...opt('requiredMessage', row.text('required_message')),
    ...opt('constraint', row.get('constraint')),
    ...opt('constraintMessage', row.text('constraint_message')),
    ...opt('calculation', row.get('calculation')),
    ...opt('readOnly', flag('read_only')),
    ...opt('default', row.get('default')),
  };
  const note = (reason: string) => warnings.push({ sheet: 'survey', row: row.r.row, code: name, reason });
  if (eucabType !== undefined && !['scale', 'yes_no', 'multilingual_text'].includes(eucabType))
    throw new RowError(`${EUCAB.type} "${eucabType}" is not one of scale, yes_no, multilingual_text`);

  if (pt.kind === 'select') {
    if (eucabType === 'yes_no' && !pt.multiple) return { type: 'yes_no', ...answer };
    if (eucabType === 'scale' && !pt.multiple)
      return { type: 'scale', ...answer, ...numericLevels(lists[pt.list], pt.list), labels: pt.list };
    if (eucabType !== undefined)
      throw new RowError(`${EUCAB.type} "${eucabType}" does not fit ${row.get('type')}`);
    const codeList = row.get(EUCAB.codeList);
    return {
      type: pt.multiple ? 'select_multiple' : 'select_one',
      ...answer,
      choices: codeList ? { codeList } : { list: pt.list },
      ...opt('orOther', pt.orOther || undefined),
      ...opt('choiceFilter', row.get('choice_filter')),
    };
  }
  if (pt.kind !== 'simple') throw new RowError(`unexpected row type ${row.get('type')}`);
  if (eucabType !== undefined && !(eucabType === 'multilingual_text' && pt.type === 'text'))
    throw new RowError(`${EUCAB.type} "${eucabType}" does not fit ${row.get('type')}`);
  switch (pt.type) {
    case 'note':
      return { type: 'note', ...base };
    case 'calculate': {
      const calculation = row.get('calculation');
      if (!calculation) throw new RowError('a calculate row needs a calculation');
      return { type: 'calculate', ...base, calculation };
    }
    case 'text':
      return { type: eucabType === 'multilingual_text' ? 'multilingual_text' : 'text', ...answer };
    case 'barcode':
      note('barcode read as a text question');
      return { type: 'text', ...answer };
    case 'acknowledge':
      note('acknowledge read as a yes/no question');
      return { type: 'yes_no', ...answer };
    case 'image':
    case 'audio':
    case 'video':
    case 'file':
      return { type: 'file', ...answer, media: pt.type };
    case 'range': {
      const p = parseParameters(row.get('parameters') ?? '');
      const min = Number(p.start ?? 0);
      const max = Number(p.end ?? 10);
      const step = Number(p.step ?? 1);
      if (![min, max, step].every(Number.isFinite) || scaleLevels(min, max, step).at(-1) !== max)
        throw new RowError(
          `range parameters "${row.get('parameters') ?? ''}" do not give a scale from start to end`,
        );
      return { type: 'scale', ...answer, min, max, step };
    }
    case 'integer':
    case 'decimal':
    case 'date':
    case 'time':
    case 'datetime':
    case 'geopoint':
      return { type: pt.type, ...answer };
    default:
      throw new RowError(`unknown question type "${pt.type}"`);
  }
}
