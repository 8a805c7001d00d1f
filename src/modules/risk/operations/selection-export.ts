import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Actor } from '../../../access/actor.ts';
import { neutraliseCell } from '../../../core/export-safety.ts';
import type { Database } from '../../../db/connection.ts';
import { findBatch } from '../risk-service.ts';
import { requireAnalyst } from './analyst.ts';
import { type SelectionRow, selectionRows } from './batches.ts';

const EXPORT_HEADER = [
  'rank',
  'declaration_id',
  'reason',
  'score',
  'probability',
  'base',
  'contribution_1',
  'value_1',
  'contribution_2',
  'value_2',
  'contribution_3',
  'value_3',
  'contribution_4',
  'value_4',
  'contribution_5',
  'value_5',
  'other_contributions',
  'rule_hits',
  'mandatory_reasons',
  'explanation',
];

/** One export row: numbers stay numbers; every text cell is neutralised against formula injection. */
function exportRow(s: SelectionRow): Array<string | number> {
  const contributions = s.contributions as Array<{ name: string; value: number }>;
  const cells: Array<string | number> = [
    s.rank,
    neutraliseCell(s.declaration_id),
    s.reason,
    s.score,
    s.probability,
    s.base,
  ];
  for (let i = 0; i < 5; i++) {
    const c = contributions[i];
    cells.push(c ? neutraliseCell(c.name) : '', c ? c.value : '');
  }
  const fmt = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
  cells.push(
    s.rest,
    neutraliseCell((s.rule_hits as string[]).join('; ')),
    neutraliseCell((s.mandatory_reasons as string[]).join('; ')),
    neutraliseCell(
      `base ${fmt(s.base)}; ${contributions.map((c) => `${c.name} ${fmt(c.value)}`).join('; ')}${contributions.length ? '; ' : ''}other ${fmt(s.rest)} = score ${s.score.toFixed(3)}`,
    ),
  );
  return cells;
}

/** A file to download: its name, content type and bytes. */
export interface Download {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/**
 * A batch's whole selection with explanations as CSV or XLSX (base + contributions + other =
 * score); 404 when not the caller's.
 */
export async function exportSelection(
  db: Database,
  actor: Actor,
  input: { id: string; format: 'csv' | 'xlsx' },
): Promise<Download> {
  const a = requireAnalyst(actor, false);
  const b = await findBatch(db, a, input.id);
  const rows = (await selectionRows(db, a, b.id, 1_000_000, 0)).map(exportRow);
  const base = `risk-selection-${b.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60)}`;
  if (input.format === 'csv')
    return {
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: stringify([EXPORT_HEADER, ...rows]),
    };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Selection');
  ws.addRow(EXPORT_HEADER);
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
