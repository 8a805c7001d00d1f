/**
 * Questionnaire → XLSForm (survey, choices, settings; plus eucab_left_out when something was left
 * out). The file reads back (readXlsForm) to a deep-equal questionnaire; README.md lists how each
 * internal type is written.
 */
import ExcelJS from 'exceljs';
import type { Choice, Item, Language, LocalizedText, Question, Questionnaire } from '../model.ts';
import {
  codeListSnapshot,
  EUCAB,
  KOBO_MATRIX_LIST,
  LEFT_OUT_SHEET,
  languageSpec,
  PLAIN_LANGUAGE,
  YES_NO_LABELS,
  YES_NO_LIST,
} from './columns.ts';

export interface WriteOptions {
  /**
   * Platform code lists to copy into the choices sheet (as `eucab_codes_<list>`) so that other
   * XLSForm tools can show those choices. The platform itself reads the code list, not the copy.
   */
  codeLists?: Record<string, { code: string; label: LocalizedText }[]>;
}

type Cells = Record<string, string>;

const XLSFORM_TYPE: Record<string, string> = { datetime: 'dateTime' };

/** The localised columns: `label::English (en)` per language, a plain `label` for the unnamed language. */
function localizedHeader(base: string, lang: Language): string {
  return lang.code === PLAIN_LANGUAGE ? base : `${base}::${languageSpec(lang)}`;
}

export function buildXlsFormRows(q: Questionnaire, opts: WriteOptions = {}) {
  const langs = q.languages;
  const survey: Cells[] = [];
  const choices: Cells[] = [];
  const usedCodeLists = new Set<string>();
  let yesNo = false;

  const texts = (cells: Cells, base: string, text: LocalizedText | undefined) => {
    if (!text) return;
    for (const l of langs) if (text[l.code] !== undefined) cells[localizedHeader(base, l)] = text[l.code]!;
  };
  const common = (item: Item, type: string): Cells => {
    const c: Cells = { type, name: item.code };
    texts(c, 'label', item.label);
    texts(c, 'hint', item.hint);
    if (item.relevant !== undefined) c.relevant = item.relevant;
    if (item.binding) c[EUCAB.code] = `${item.binding.list}:${item.binding.code}`;
    return c;
  };
  const question = (item: Question): Cells => {
    let type: string;
    const extra: Cells = {};
    switch (item.type) {
      case 'select_one':
      case 'select_multiple': {
        let list: string;
        if ('codeList' in item.choices) {
          list = codeListSnapshot(item.choices.codeList);
          extra[EUCAB.codeList] = item.choices.codeList;
          usedCodeLists.add(item.choices.codeList);
        } else list = item.choices.list;
        type = `${item.type} ${list}${item.orOther ? ' or_other' : ''}`;
        if (item.choiceFilter !== undefined) extra.choice_filter = item.choiceFilter;
        break;
      }
      case 'yes_no':
        type = `select_one ${YES_NO_LIST}`;
        extra[EUCAB.type] = 'yes_no';
        yesNo = true;
        break;
      case 'scale':
        if (item.labels !== undefined) {
          type = `select_one ${item.labels}`;
          extra[EUCAB.type] = 'scale';
        } else {
          type = 'range';
          extra.parameters = `start=${item.min} end=${item.max} step=${item.step}`;
        }
        break;
      case 'multilingual_text':
        type = 'text';
        extra[EUCAB.type] = 'multilingual_text';
        break;
      case 'file':
        type = item.media;
        break;
      default:
        type = XLSFORM_TYPE[item.type] ?? item.type;
    }
    const c = { ...common(item, type), ...extra };
    if (item.required) c.required = 'yes';
    texts(c, 'required_message', item.requiredMessage);
    if (item.constraint !== undefined) c.constraint = item.constraint;
    texts(c, 'constraint_message', item.constraintMessage);
    if (item.calculation !== undefined) c.calculation = item.calculation;
    if (item.readOnly) c.read_only = 'yes';
    if (item.default !== undefined) c.default = item.default;
    return c;
  };
  const visit = (items: Item[]) => {
    for (const item of items) {
      switch (item.type) {
        case 'group':
          survey.push(common(item, 'begin_group'));
          visit(item.items);
          survey.push({ type: 'end_group' });
          break;
        case 'repeat': {
          const c = common(item, 'begin_repeat');
          if (item.repeatCount !== undefined) c.repeat_count = item.repeatCount;
          if (item.minCount !== undefined) c[EUCAB.minCount] = String(item.minCount);
          if (item.maxCount !== undefined) c[EUCAB.maxCount] = String(item.maxCount);
          survey.push(c);
          visit(item.items);
          survey.push({ type: 'end_repeat' });
          break;
        }
        case 'matrix': {
          const c = common(item, 'begin_kobomatrix');
          if ('codeList' in item.rows) {
            c[KOBO_MATRIX_LIST] = codeListSnapshot(item.rows.codeList);
            c[EUCAB.codeList] = item.rows.codeList;
            usedCodeLists.add(item.rows.codeList);
          } else c[KOBO_MATRIX_LIST] = item.rows.list;
          survey.push(c);
          for (const col of item.columns) survey.push(question(col));
          survey.push({ type: 'end_kobomatrix' });
          break;
        }
        case 'note':
          survey.push(common(item, 'note'));
          break;
        case 'calculate':
          survey.push({ ...common(item, 'calculate'), calculation: item.calculation });
          break;
        default:
          survey.push(question(item));
      }
    }
  };
  visit(q.items);

  const choiceRow = (list: string, choice: Choice): Cells => {
    const c: Cells = { list_name: list, name: choice.name };
    texts(c, 'label', choice.label);
    if (choice.binding) c[EUCAB.code] = `${choice.binding.list}:${choice.binding.code}`;
    for (const [k, v] of Object.entries(choice.filters ?? {})) c[k] = v;
    return c;
  };
  for (const [list, items] of Object.entries(q.choiceLists))
    for (const ch of items) choices.push(choiceRow(list, ch));
  if (yesNo)
    for (const [i, name] of ['yes', 'no'].entries()) {
      const label: LocalizedText = {};
      for (const l of langs) label[l.code] = (YES_NO_LABELS[l.code.toLowerCase()] ?? YES_NO_LABELS.en!)[i]!;
      choices.push(choiceRow(YES_NO_LIST, { name, label }));
    }
  for (const list of usedCodeLists)
    for (const code of opts.codeLists?.[list] ?? [])
      choices.push(choiceRow(codeListSnapshot(list), { name: code.code, label: code.label }));

  const defaultLang = langs.find((l) => l.code === q.defaultLanguage);
  const settings: Cells = { form_id: q.id };
  if (q.title) settings.form_title = q.title;
  if (q.version) settings.version = q.version;
  if (defaultLang && defaultLang.code !== PLAIN_LANGUAGE)
    settings.default_language = languageSpec(defaultLang);
  if (q.previous) {
    settings[EUCAB.previousVersion] = q.previous.version;
    settings[EUCAB.keeps] = q.previous.keeps.join(' ');
  }
  const leftOut: Cells[] = q.leftOut.map((l) => ({
    sheet: l.sheet,
    row: String(l.row),
    ...(l.code !== undefined ? { name: l.code } : {}),
    reason: l.reason,
  }));

  // survey headers: type, name, every label column (one per language, even when empty), then the rest
  const labelHeaders = langs.length > 0 ? langs.map((l) => localizedHeader('label', l)) : ['label'];
  return {
    survey: { headers: headerOrder(['type', 'name', ...labelHeaders], survey), rows: survey },
    choices: {
      headers: headerOrder(['list_name', 'name', ...labelHeaders], choices),
      rows: choices,
    },
    settings: {
      headers: headerOrder(['form_title', 'form_id', 'version', 'default_language'], [settings]),
      rows: [settings],
    },
    leftOut: { headers: ['sheet', 'row', 'name', 'reason'], rows: leftOut },
  };
}

function headerOrder(first: string[], rows: Cells[]): string[] {
  const used = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) used.add(k);
  const out = first.filter(
    (h) => used.has(h) || h.startsWith('label') || h === 'type' || h === 'name' || h === 'list_name',
  );
  for (const r of rows) for (const k of Object.keys(r)) if (!out.includes(k)) out.push(k);
  return out;
}

/** The XLSForm workbook of a questionnaire, as .xlsx bytes. */
export async function writeXlsForm(q: Questionnaire, opts: WriteOptions = {}): Promise<Uint8Array> {
  const sheets = buildXlsFormRows(q, opts);
  const wb = new ExcelJS.Workbook();
  const add = (name: string, s: { headers: string[]; rows: Cells[] }) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(s.headers);
    for (const r of s.rows) ws.addRow(s.headers.map((h) => r[h] ?? null));
    ws.getRow(1).font = { bold: true };
  };
  add('survey', sheets.survey);
  add('choices', sheets.choices);
  add('settings', sheets.settings);
  if (sheets.leftOut.rows.length > 0) add(LEFT_OUT_SHEET, sheets.leftOut);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
