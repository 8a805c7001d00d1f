/** The downloadable report of a batch: one row per (party row × hit), or one row for a clean party. */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutraliseCell } from '../../core/export-safety.ts';
import type { HitJson } from './cases.ts';
import { THRESHOLDS } from './cases.ts';

export interface ReportRow {
  line: number;
  reference: string | null;
  name: string;
  country: string | null;
  birth_date: string | null;
  hits: HitJson[];
}

export const REPORT_HEADER = [
  'line',
  'reference',
  'party name',
  'country',
  'birth date',
  'result',
  'score',
  'list',
  'listed entry id',
  'listed name',
  'matched name',
  'case state',
  'explanation',
];

function body(rows: ReportRow[]): string[][] {
  const out: string[][] = [];
  for (const r of rows) {
    const base = [String(r.line), r.reference ?? '', r.name, r.country ?? '', r.birth_date ?? ''];
    if (!r.hits.length) {
      out.push([...base, 'no hit', '', '', '', '', '', '', '']);
      continue;
    }
    for (const h of r.hits)
      out.push([
        ...base,
        h.suppressed ? 'dismissed earlier (suppressed)' : h.band === 'match' ? 'match (case)' : 'review band',
        h.score.toFixed(3),
        `${h.listId ?? ''}${h.isDemo ? ' (demo list, fictitious)' : ''}`,
        h.entityId,
        h.entityName,
        h.matchedName.value,
        h.caseState ?? '',
        h.explanation.join(' | '),
      ]);
  }
  return out.map((row) => row.map(neutraliseCell));
}

export function preamble(orgCode: string): string {
  return `CONFIDENTIAL to ${orgCode}: a screening report reveals whom the administration screens; do not share. Threshold ${THRESHOLDS.threshold}, review band from ${THRESHOLDS.reviewThreshold}. Generated ${new Date().toISOString()}.`;
}

export function reportCsv(rows: ReportRow[], orgCode: string): string {
  return `# ${preamble(orgCode)}\n${stringify([REPORT_HEADER, ...body(rows)])}`;
}

export async function reportXlsx(rows: ReportRow[], orgCode: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'EUCAB Cooperation Platform';
  const ws = wb.addWorksheet('Screening report');
  ws.addRow([preamble(orgCode)]);
  ws.addRow(REPORT_HEADER).font = { bold: true };
  for (const b of body(rows)) ws.addRow(b);
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
