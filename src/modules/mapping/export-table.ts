import {
  type ChoiceSource,
  type Item,
  indexItems,
  type LocalizedText,
  OTHER_CHOICE,
  otherCode,
  type Questionnaire,
  textIn,
  walkItems,
} from '../../engines/questionnaire/index.ts';
import { YES_NO_LABELS } from '../../engines/questionnaire/xlsform/columns.ts';

/**
 * The tables of a results export (pure): the first sheet has one row per validated response (top-level
 * questions; a matrix as one column per `<matrix>/<row>/<column>`), the second one row per repeat
 * entry with the response and administration it belongs to. Values are codes, or — `labels` — the
 * labels in the requested language (else the questionnaire's default language, else any).
 */

/** Platform code lists the questionnaire uses: code → labels, in list order. */
export type CodeListLabels = Map<string, Map<string, LocalizedText>>;

export interface ExportRow {
  id: string;
  code: string;
  display_name: string | null;
  validated_at: Date | null;
  answers: Record<string, unknown>;
}

export interface LabelOptions {
  labels: boolean;
  language?: string | undefined;
}

/** The platform code lists a questionnaire names (choices, matrix rows). */
export function codeListsOf(q: Questionnaire): string[] {
  const lists = new Set<string>();
  const add = (s: ChoiceSource) => {
    if ('codeList' in s) lists.add(s.codeList);
  };
  for (const { item } of walkItems(q.items)) {
    if (item.type === 'select_one' || item.type === 'select_multiple') add(item.choices);
    if (item.type === 'matrix') add(item.rows);
  }
  return [...lists].sort();
}

/** Turns answers into cell text: codes, or labels in a language. */
export class AnswerLabeller {
  private readonly index;
  constructor(
    private readonly q: Questionnaire,
    private readonly codeLists: CodeListLabels,
    private readonly opts: LabelOptions,
  ) {
    this.index = indexItems(q);
  }

  private text(t: LocalizedText | undefined): string | undefined {
    return textIn(t, this.opts.language, this.q.defaultLanguage);
  }

  /** The label of a choice (or matrix row) name of a source; the name when unknown or in code mode. */
  choiceLabel(source: ChoiceSource, name: string): string {
    if (!this.opts.labels || name === OTHER_CHOICE) return name;
    const label =
      'list' in source
        ? this.q.choiceLists[source.list]?.find((c) => c.name === name)?.label
        : this.codeLists.get(source.codeList)?.get(name);
    return this.text(label) ?? name;
  }

  /** The rows of a matrix: the own list's choices or the code list's codes. */
  matrixRows(rows: ChoiceSource): string[] {
    return 'list' in rows
      ? (this.q.choiceLists[rows.list] ?? []).map((c) => c.name)
      : [...(this.codeLists.get(rows.codeList)?.keys() ?? [])];
  }

  /** One answer as cell text, for the question `item` (unknown codes: the value as it is). */
  value(item: Item | undefined, v: unknown): string {
    if (v === undefined || v === null || v === '') return '';
    if (!item) return plain(v);
    switch (item.type) {
      case 'select_one':
        return this.choiceLabel(item.choices, String(v));
      case 'select_multiple':
        return Array.isArray(v)
          ? v.map((x) => this.choiceLabel(item.choices, String(x))).join(this.opts.labels ? '; ' : ' ')
          : plain(v);
      case 'scale':
        return item.labels !== undefined ? this.choiceLabel({ list: item.labels }, String(v)) : String(v);
      case 'yes_no': {
        if (typeof v !== 'boolean') return plain(v);
        if (!this.opts.labels) return v ? 'yes' : 'no';
        const lang = (this.opts.language ?? this.q.defaultLanguage ?? 'en').toLowerCase();
        const words = YES_NO_LABELS[lang] ?? YES_NO_LABELS.en!;
        return v ? words[0] : words[1];
      }
      case 'multilingual_text':
        return this.opts.labels && typeof v === 'object' ? (this.text(v as LocalizedText) ?? '') : plain(v);
      case 'geopoint':
        return typeof v === 'object' && v !== null && 'lat' in v && 'lon' in v
          ? `${(v as { lat: number }).lat} ${(v as { lon: number }).lon}`
          : plain(v);
      case 'file':
        return typeof v === 'object' && v !== null && 'name' in v
          ? String((v as { name: unknown }).name)
          : plain(v);
      default:
        return plain(v);
    }
  }

  /** A value by question code (a top-level CSV cell: repeats and matrices as JSON, labelled in label mode). */
  cell(code: string, v: unknown): string {
    const item = this.index.get(code)?.item;
    if (item?.type === 'repeat' || item?.type === 'matrix')
      return v === undefined || v === null ? '' : JSON.stringify(this.opts.labels ? this.deep(v) : v);
    return this.value(item, v);
  }

  /** A value as JSON: labels for choices, labelled scales, yes/no and multilingual text; others as they are. */
  private labelled(item: Item | undefined, v: unknown): unknown {
    if (v === undefined || v === null || !item) return v;
    const labelled =
      ['select_one', 'select_multiple', 'yes_no', 'multilingual_text'].includes(item.type) ||
      (item.type === 'scale' && item.labels !== undefined);
    if (!labelled) return v;
    if (item.type === 'select_multiple' && Array.isArray(v))
      return v.map((x) => this.choiceLabel(item.choices, String(x)));
    return this.value(item, v);
  }

  /** Answers with every choice, yes/no and multilingual value replaced by its label (JSON export). */
  deep(v: unknown, code?: string): unknown {
    if (Array.isArray(v) && (code === undefined || this.index.get(code)?.item.type === 'repeat'))
      return v.map((entry) => this.deep(entry));
    if (code !== undefined) {
      const item = this.index.get(code)?.item;
      if (item?.type === 'matrix' && typeof v === 'object' && v !== null)
        return Object.fromEntries(
          Object.entries(v as Record<string, Record<string, unknown>>).map(([row, cells]) => [
            row,
            Object.fromEntries(
              Object.entries(cells ?? {}).map(([col, x]) => [
                col,
                this.labelled(
                  item.columns.find((c) => c.code === col),
                  x,
                ),
              ]),
            ),
          ]),
        );
      if (item && item.type !== 'repeat' && item.type !== 'group') return this.labelled(item, v);
      return v;
    }
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.deep(x, k)]));
    return v;
  }
}

function plain(v: unknown): string {
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(' ');
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

interface Column {
  header: string;
  /** The question label (matrix cells: "matrix / row / column"). */
  label: string;
  get: (answers: Record<string, unknown>) => string;
}

const ANSWERING = (item: Item) => !['group', 'repeat', 'note', 'matrix'].includes(item.type);

/** The answer columns of a set of items (no repeat inside): questions, `_other` texts, matrix cells. */
function columnsOf(items: Item[], l: AnswerLabeller, q: Questionnaire, lang?: string): Column[] {
  const text = (t: LocalizedText | undefined) => textIn(t, lang, q.defaultLanguage) ?? '';
  const out: Column[] = [];
  for (const { item, repeats, matrix } of walkItems(items)) {
    if (repeats.length > 0 || matrix) continue;
    if (item.type === 'matrix') {
      for (const row of l.matrixRows(item.rows))
        for (const col of item.columns)
          out.push({
            header: `${item.code}/${row}/${col.code}`,
            label: `${text(item.label)} / ${l.choiceLabel(item.rows, row)} / ${text(col.label)}`,
            get: (a) =>
              l.value(
                col,
                (a[item.code] as Record<string, Record<string, unknown>> | undefined)?.[row]?.[col.code],
              ),
          });
      continue;
    }
    if (!ANSWERING(item)) continue;
    out.push({ header: item.code, label: text(item.label), get: (a) => l.value(item, a[item.code]) });
    if ((item.type === 'select_one' || item.type === 'select_multiple') && item.orOther) {
      const other = otherCode(item.code);
      out.push({
        header: other,
        label: `${text(item.label)} (other)`,
        get: (a) => l.value(undefined, a[other]),
      });
    }
  }
  return out;
}

export interface ExportSheet {
  name: string;
  header: string[];
  labels: string[];
  rows: string[][];
}

/** Sheet 1: one row per validated response. */
export function responseSheet(
  q: Questionnaire,
  rows: ExportRow[],
  l: AnswerLabeller,
  opts: LabelOptions,
): ExportSheet {
  const cols = columnsOf(q.items, l, q, opts.language);
  return {
    name: 'responses',
    header: ['response_id', 'administration', 'respondent', 'validated_at', ...cols.map((c) => c.header)],
    labels: ['', '', '', '', ...cols.map((c) => c.label)],
    rows: rows.map((r) => [
      r.id,
      r.code,
      r.display_name ?? '',
      r.validated_at ? new Date(r.validated_at).toISOString() : '',
      ...cols.map((c) => c.get(r.answers)),
    ]),
  };
}

/**
 * Sheet 2: one row per entry of a top-level repeat group (`repeat`, `entry` from 1), keyed by the
 * response and administration; the entry's questions as columns (a repeat nested in an entry: JSON).
 */
export function repeatSheet(
  q: Questionnaire,
  rows: ExportRow[],
  l: AnswerLabeller,
  opts: LabelOptions,
): ExportSheet {
  const repeats = walkItems(q.items).filter(
    ({ item, repeats }) => item.type === 'repeat' && repeats.length === 0,
  );
  const perRepeat = repeats.map(({ item }) => {
    const inner = item.type === 'repeat' ? item.items : [];
    const nested = walkItems(inner).filter((p) => p.item.type === 'repeat' && p.repeats.length === 0);
    return {
      code: item.code,
      cols: [
        ...columnsOf(inner, l, q, opts.language),
        ...nested.map(({ item: n }) => ({
          header: n.code,
          label: textIn(n.label, opts.language, q.defaultLanguage) ?? '',
          get: (a: Record<string, unknown>) => l.cell(n.code, a[n.code]),
        })),
      ],
    };
  });
  const headers = [...new Set(perRepeat.flatMap((r) => r.cols.map((c) => c.header)))];
  const labelOf = new Map(perRepeat.flatMap((r) => r.cols.map((c) => [c.header, c.label] as const)));
  const out: string[][] = [];
  for (const r of rows)
    for (const rep of perRepeat) {
      const entries = r.answers[rep.code];
      if (!Array.isArray(entries)) continue;
      for (const [i, entry] of entries.entries()) {
        const a = (entry ?? {}) as Record<string, unknown>;
        const byHeader = new Map(rep.cols.map((c) => [c.header, c.get(a)]));
        out.push([r.id, r.code, rep.code, String(i + 1), ...headers.map((h) => byHeader.get(h) ?? '')]);
      }
    }
  return {
    name: 'repeat_groups',
    header: ['response_id', 'administration', 'repeat', 'entry', ...headers],
    labels: ['', '', '', '', ...headers.map((h) => labelOf.get(h) ?? '')],
    rows: out,
  };
}
