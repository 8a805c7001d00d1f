import ExcelJS from 'exceljs';
import type { Actor } from '../../../access/actor.ts';
import { campaignAbilities } from '../../../access/mapping-policy.ts';
import { csvWithMarking, neutraliseCell } from '../../../core/export-safety.ts';
import type { Database } from '../../../db/connection.ts';
import { type LocalizedText, walkItems } from '../../../engines/questionnaire/index.ts';
import { forbidden } from '../../../http/errors.ts';
import {
  AnswerLabeller,
  type CodeListLabels,
  codeListsOf,
  type ExportSheet,
  type LabelOptions,
  repeatSheet,
  responseSheet,
} from '../export-table.ts';
import { iso } from '../mapping-format.ts';
import { resultContext } from './results.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

async function codeListLabels(db: Database, lists: string[]): Promise<CodeListLabels> {
  const out: CodeListLabels = new Map(lists.map((l) => [l, new Map()]));
  if (lists.length === 0) return out;
  const rows = await db
    .selectFrom('code_list_entries')
    .select(['list', 'code', 'labels'])
    .where('list', 'in', lists)
    .where('active', '=', true)
    .orderBy('list')
    .orderBy('code')
    .execute();
  for (const r of rows) out.get(r.list)?.set(r.code, r.labels as LocalizedText);
  return out;
}

function addSheet(wb: ExcelJS.Workbook, marking: string, sheet: ExportSheet, labels: boolean) {
  const ws = wb.addWorksheet(sheet.name);
  ws.addRow([marking]);
  ws.addRow(sheet.header).font = { bold: true };
  if (labels) ws.addRow(sheet.labels).font = { italic: true };
  for (const row of sheet.rows) ws.addRow(row.map(neutraliseCell));
  ws.views = [{ state: 'frozen', ySplit: labels ? 3 : 2, xSplit: 2 }];
}

/**
 * Validated responses as a file: CSV (top-level answers; repeats and matrices as JSON in the cell),
 * XLSX (sheet `responses`: one row per response, a matrix as `<matrix>/<row>/<column>` columns; sheet
 * `repeat_groups`: one row per repeat entry with its response and administration) or JSON — codes,
 * or with `labels` the labels in `language`. For the coordinator, and participants of named campaigns.
 */
export async function exportResults(
  db: Database,
  a: Actor,
  campaignId: string,
  input: { format: ExportFormat } & LabelOptions,
) {
  const ctx = await resultContext(db, a, campaignId);
  if (!campaignAbilities(a, ctx.facts, new Date()).export)
    throw forbidden(
      'Exports of this campaign are for the coordinator (and participants of named campaigns).',
    );
  const q = ctx.definition;
  const opts: LabelOptions = { labels: input.labels, language: input.language };
  const labeller = new AnswerLabeller(q, await codeListLabels(db, codeListsOf(q)), opts);
  const base = `${ctx.row.questionnaire_code}-${ctx.row.version}-responses`.replace(/[^\w.-]+/g, '_');
  const marking = `${ctx.row.title} — ${ctx.row.sharing === 'named' ? 'named answers of the participants' : 'answers for the coordinator only'}: do not pass on outside the campaign.`;
  if (input.format === 'json')
    return {
      filename: `${base}.json`,
      contentType: 'application/json',
      body: JSON.stringify({
        campaign: { id: ctx.row.id, title: ctx.row.title, sharing: ctx.row.sharing },
        questionnaire: { code: ctx.row.questionnaire_code, version: ctx.row.version },
        ...(input.labels ? { labels: input.language ?? q.defaultLanguage ?? null } : {}),
        responses: ctx.rows.map((r) => ({
          administration: r.code,
          respondent: r.display_name,
          validatedAt: iso(r.validated_at),
          answers: input.labels ? labeller.deep(r.answers) : r.answers,
        })),
      }),
    };
  if (input.format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'EUCAB Cooperation Platform';
    addSheet(wb, marking, responseSheet(q, ctx.rows, labeller, opts), input.labels);
    addSheet(wb, marking, repeatSheet(q, ctx.rows, labeller, opts), input.labels);
    return {
      filename: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      // fast deflate: a third less CPU for a file a few per cent larger
      body: Buffer.from(await wb.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } })),
    };
  }
  const codes = walkItems(q.items)
    .filter(
      ({ item, repeats, matrix }) =>
        repeats.length === 0 && !matrix && !['group', 'note'].includes(item.type),
    )
    .map(({ item }) => item.code);
  const header = ['administration', 'respondent', 'validated_at', ...codes];
  const rows = ctx.rows.map((r) =>
    [
      r.code,
      r.display_name ?? '',
      iso(r.validated_at) ?? '',
      ...codes.map((c) => labeller.cell(c, r.answers[c])),
    ].map(neutraliseCell),
  );
  return {
    filename: `${base}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: csvWithMarking(marking, header, rows),
  };
}
